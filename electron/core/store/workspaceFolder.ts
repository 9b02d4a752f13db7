// Folder rules for new workspaces and copies: never mix a workspace into a used folder, never copy a file that does not validate; a copy carries the archived copies of its sources.
import { lstat, mkdir, readdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { ARCHIVE_FILE, type Source } from '../../../shared/domain'
import { ServiceError } from '../../../shared/result'
import { WorkspaceSchema, type Workspace } from '../../../shared/workspace'
import { copyFileAtomic, writeFileAtomic } from '../fs/atomicWrite'
import type { WorkspaceKey } from './cipher'
import { WORKSPACE_FILE } from './files'
import { decode } from './FingerprintedFile'

/**
 * Refuses a folder for a new workspace unless it is empty or missing, so a workspace's files
 * never mix with other files and an existing workspace is never silently opened instead.
 */
export async function ensureNewWorkspaceFolder(dir: string): Promise<void> {
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  if (entries.includes(WORKSPACE_FILE)) {
    throw new ServiceError('conflict', `${dir} already holds a workspace. Use File › Open workspace… to open it.`)
  }
  // Hidden files such as .DS_Store do not make a folder "used".
  if (entries.some((name) => !name.startsWith('.'))) {
    throw new ServiceError('conflict', `${dir} is not empty. Choose an empty folder, or create a new one in the dialog.`)
  }
}

/**
 * Copies a saved workspace file into `targetDir` (created if missing) and returns the new file's
 * path. Refuses a folder that already holds a workspace, and a source that does not validate,
 * so a copy is always a workspace Watchfloor can open. An encrypted file (opened with `key` to
 * check it) is copied as it is: the copy opens with the same passphrase.
 */
export async function copyWorkspaceTo(sourceFile: string, targetDir: string, key: WorkspaceKey | null = null): Promise<string> {
  const bytes = await readFile(sourceFile)
  let parsed: Workspace | null = null
  try {
    const result = WorkspaceSchema.safeParse(JSON.parse(decode(bytes, key)))
    if (result.success) parsed = result.data
  } catch {
    parsed = null
  }
  if (!parsed) {
    throw new ServiceError('read-only', `The open workspace file does not validate, so no copy was made. Restore a backup first.`)
  }
  const target = join(resolve(targetDir), WORKSPACE_FILE)
  try {
    await writeFileAtomic(target, bytes, { noReplace: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ServiceError('conflict', `${targetDir} already holds a workspace (${WORKSPACE_FILE}). Choose an empty folder so nothing is overwritten.`)
    }
    throw err
  }
  await copyArchivedCopies(dirname(sourceFile), resolve(targetDir), parsed.sources)
  return target
}

/** Copies the archived copies of `sources` (as they are on disk) into the same places under `targetDir`; a missing one is left out, and flagged there as it is here. */
async function copyArchivedCopies(fromDir: string, targetDir: string, sources: readonly Source[]): Promise<void> {
  for (const { archive } of sources) {
    if (!archive || !ARCHIVE_FILE.test(archive.file)) continue
    const parts = archive.file.split('/')
    const from = join(fromDir, ...parts)
    const info = await lstat(from).catch(() => null)
    if (!info?.isFile()) continue
    await mkdir(join(targetDir, ...parts.slice(0, -1)), { recursive: true })
    await copyFileAtomic(from, join(targetDir, ...parts))
  }
}
