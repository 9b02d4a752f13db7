// Turning a workspace's encryption on, off, or to a new passphrase across every file that holds its data, all or nothing: new versions are staged, a journal names them, then they are renamed into place; an open finishes a journal a crash left.
import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { writeFileAtomic } from '../fs/atomicWrite'
import { archiveFiles } from './archive'
import { auditLines, AUDIT_FILE } from './AuditLog'
import { listBackups } from './backups'
import { isSealed, type WorkspaceKey } from './cipher'
import { BACKUP_DIR, WORKSPACE_FILE } from './files'

/** Present only while a switch is being put in place: the files whose staged versions are to be renamed over them. */
export const SWITCH_JOURNAL = '.encryption-switch.json'
const STAGED_NAME = /^\..+\.switch$/

/** One file of a workspace that holds its data: sealed whole (`blob`), or line by line (`lines`, the audit log). */
export interface SealedFile {
  path: string
  kind: 'blob' | 'lines'
}

/** Every file of the workspace in `dir` that holds its data: workspace.json, backups, kept damaged copies, the audit log, archived source copies, the sharing state, saved mappings and backups' copy lists. */
export async function sealedFiles(dir: string): Promise<SealedFile[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const files: SealedFile[] = [{ path: join(dir, WORKSPACE_FILE), kind: 'blob' }]
  for (const b of await listBackups(dir)) files.push({ path: b, kind: 'blob' })
  for (const n of names) if (/^workspace\.damaged-.+\.json$/.test(n)) files.push({ path: join(dir, n), kind: 'blob' })
  if (names.includes(AUDIT_FILE)) files.push({ path: join(dir, AUDIT_FILE), kind: 'lines' })
  for (const path of await archiveFiles(dir)) files.push({ path, kind: 'blob' })
  // The sharing state, saved column mappings and the lists of copies each backup keeps hold workspace data too.
  if (names.includes('sharing.json')) files.push({ path: join(dir, 'sharing.json'), kind: 'blob' })
  for (const n of await readdir(join(dir, 'mappings')).catch(() => [] as string[])) if (n.endsWith('.json')) files.push({ path: join(dir, 'mappings', n), kind: 'blob' })
  for (const n of await readdir(join(dir, BACKUP_DIR)).catch(() => [] as string[])) if (n.endsWith('.copies.json')) files.push({ path: join(dir, BACKUP_DIR, n), kind: 'blob' })
  return files
}

function stagedPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.switch`)
}

/** The new bytes of a blob under `to` (null: plain), or null when it cannot be opened under `from` (sealed under another passphrase, or damaged): then it is left as it is. */
function recodeBlob(bytes: Buffer, from: WorkspaceKey | null, to: WorkspaceKey | null): Buffer | null {
  let plain: Buffer
  if (isSealed(bytes)) {
    if (!from) return null
    try {
      plain = from.open(bytes)
    } catch {
      return null
    }
  } else plain = bytes
  return to ? to.seal(plain) : plain
}

function recodeLines(content: string, from: WorkspaceKey | null, to: WorkspaceKey | null): { text: string; unreadable: number } {
  const lines = auditLines(content, from)
  const text = lines.map((l) => (l.readable && to ? to.sealLine(l.text) : l.text) + '\n').join('')
  return { text, unreadable: lines.filter((l) => !l.readable).length }
}

export interface SwitchOutcome {
  /** Files rewritten. */
  files: number
  /** Files (or audit lines) that could not be opened under the old key and were left as they were. */
  left: string[]
}

/**
 * Rewrites every data file of `dir` from key `from` to key `to` (null: plain). `workspaceText` is
 * the workspace as the store holds it. Each new version is written durably beside its file, a
 * journal listing them is written, and only then are they renamed into place; a crash before the
 * journal leaves every file as it was, a crash after it is finished by the next open.
 */
export async function switchEncryption(dir: string, from: WorkspaceKey | null, to: WorkspaceKey | null, workspaceText: string): Promise<SwitchOutcome> {
  await finishSwitch(dir)
  const staged: string[] = []
  const left: string[] = []
  try {
    for (const f of await sealedFiles(dir)) {
      let next: Buffer | string | null
      if (f.path === join(dir, WORKSPACE_FILE)) next = to ? to.seal(workspaceText) : workspaceText
      else if (f.kind === 'blob') {
        const bytes = await readFile(f.path).catch(() => null)
        if (bytes === null) continue
        next = recodeBlob(bytes, from, to)
      } else {
        const content = await readFile(f.path, 'utf8').catch(() => null)
        if (content === null) continue
        const recoded = recodeLines(content, from, to)
        if (recoded.unreadable > 0) left.push(`${recoded.unreadable} line(s) of ${relative(dir, f.path)}`)
        next = recoded.text
      }
      if (next === null) {
        left.push(relative(dir, f.path))
        continue
      }
      await writeFileAtomic(stagedPath(f.path), next, { mode: 0o600 })
      staged.push(f.path)
    }
    await writeFileAtomic(join(dir, SWITCH_JOURNAL), JSON.stringify({ files: staged.map((p) => relative(dir, p).split(sep).join('/')) }))
  } catch (err) {
    // Nothing is in place yet: the staged versions go and every file stays as it was.
    for (const p of staged) await rm(stagedPath(p), { force: true })
    throw err
  }
  await finishSwitch(dir)
  return { files: staged.length, left }
}

/** Puts in place a switch whose journal is written; without a journal, removes staged versions an unfinished switch left. Returns whether a switch was finished. */
export async function finishSwitch(dir: string): Promise<boolean> {
  const journal = join(dir, SWITCH_JOURNAL)
  const text = await readFile(journal, 'utf8').catch(() => null)
  if (text === null) {
    for (const folder of [dir, ...(await sealedFolders(dir))]) {
      for (const n of await readdir(folder).catch(() => [] as string[])) if (STAGED_NAME.test(n)) await rm(join(folder, n), { force: true })
    }
    return false
  }
  const { files } = JSON.parse(text) as { files: string[] }
  for (const rel of files) {
    const target = join(dir, ...rel.split('/'))
    // Renamed already by the run that was cut short: nothing left to do for it.
    await rename(stagedPath(target), target).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
    })
  }
  await rm(journal, { force: true })
  return true
}

/** Folders below `dir` that hold data files. */
async function sealedFolders(dir: string): Promise<string[]> {
  const folders = new Set((await sealedFiles(dir)).map((f) => dirname(f.path)))
  folders.add(join(dir, 'backups'))
  folders.delete(dir)
  return [...folders]
}

/** True when a switch was cut short after its journal was written (an open must finish it before reading). */
export async function switchPending(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [] as string[])).includes(SWITCH_JOURNAL)
}
