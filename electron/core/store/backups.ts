// Rolling backups of workspace.json in `backups/`: taken on open and every N saves, oldest pruned.
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { copyFileAtomic, refuseSymlink } from '../fs/atomicWrite'
import { HEADER_BYTES, isSealed, type WorkspaceKey } from './cipher'
import { BACKUP_DIR } from './files'
import { decode } from './FingerprintedFile'
import { checkWorkspaceText } from './validate'
import type { Source } from '../../../shared/domain'
import { keepCopiesWithBackup, pruneBackupCopies } from './archiveBackups'
const PATTERN = /^workspace-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/

/** Time stamp, then the counter added when several backups share a millisecond. */
function orderKey(name: string): string {
  const m = PATTERN.exec(name)!
  return `${m[1]}-${(m[2] ?? '0').padStart(9, '0')}`
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

/**
/**
 * Copies `file` into `dir/backups/` under a time-stamped name (atomically, so a kill never leaves
 * half a backup) and keeps the newest `keep` whole ones. The copy is of the bytes: a sealed workspace
 * file gives a sealed backup under the same key. The archived copies of `sources` are kept with it
 * (see archiveBackups.ts).
 */
export async function takeBackup(dir: string, file: string, keep: number, sources: readonly Pick<Source, 'archive'>[] = []): Promise<string> {
  const folder = join(dir, BACKUP_DIR)
  await refuseSymlink(folder, 'backups')
  const existing = new Set(await readdir(folder).catch(() => [] as string[]))
  const base = `workspace-${stamp(new Date())}`
  let name = `${base}.json`
  for (let n = 1; existing.has(name); n++) name = `${base}-${n}.json`
  await mkdir(folder, { recursive: true })
  await copyFileAtomic(file, join(folder, name))
  await keepCopiesWithBackup(dir, join(folder, name), sources)
  // Only whole copies count towards the ones kept; a broken one is removed rather than counted.
  const all = (await listBackups(dir)).reverse()
  let kept = 0
  const live: string[] = []
  for (const path of all) {
    if (kept < keep && (await looksWhole(path))) {
      kept++
      live.push(path)
    } else await unlink(path).catch(() => undefined)
  }
  await pruneBackupCopies(dir, live)
  return join(folder, name)
}

/**
 * A cheap test that a backup is a whole JSON object (its first and last bytes are braces); a cut copy fails it. A sealed
 * backup counts when it holds at least a header and a tag (its GCM tag is checked when it is restored). Full validation
 * happens when one is restored.
 */
async function looksWhole(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r')
    const { size } = await handle.stat()
    if (size < 2) return false
    const head = Buffer.alloc(Math.min(64, size))
    const tail = Buffer.alloc(Math.min(64, size))
    await handle.read(head, 0, head.length, 0)
    // One sealed under another passphrase (left by a switch that could not open it) is kept too: pruning it would lose data silently.
    if (isSealed(head)) return size >= HEADER_BYTES + 16
    await handle.read(tail, 0, tail.length, size - tail.length)
    return head.toString('utf8', 0, 1) === '{' && tail.toString('utf8').trimEnd().endsWith('}')
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}

/** Backup files, oldest first. */
export async function listBackups(dir: string): Promise<string[]> {
  const folder = join(dir, BACKUP_DIR)
  const names = await readdir(folder).catch(() => [] as string[])
  return names
    .filter((n) => PATTERN.test(n))
    // Plain name order would put `…Z-1.json` before `…Z.json` and `-10` before `-2`, pruning the newest.
    .sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : orderKey(a) > orderKey(b) ? 1 : 0))
    .map((n) => join(folder, n))
}

/** The text of a backup (decrypted under `key` when sealed); null when it cannot be read or opened. */
export async function readBackupText(path: string, key: WorkspaceKey | null): Promise<string | null> {
  try {
    return decode(await readFile(path), key)
  } catch {
    return null
  }
}

/** The newest backup that parses, migrates and passes every check (sealed ones under `key`); null when none does. */
export async function newestValidBackup(dir: string, key: WorkspaceKey | null = null): Promise<string | null> {
  const all = await listBackups(dir)
  for (let i = all.length - 1; i >= 0; i--) {
    const text = await readBackupText(all[i], key)
    if (text !== null && checkWorkspaceText(text).ok) return all[i]
  }
  return null
}

/** When a backup was taken, read from its name. */
export function backupDate(path: string): Date | null {
  const m = PATTERN.exec(path.split(/[\\/]/).pop() ?? '')
  if (!m) return null
  const s = m[1]
  return new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`)
}
