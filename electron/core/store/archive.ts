// Archived copies of sources on disk: `sources/<source id>/<file>` written atomically, read back through no link, checked against the recorded SHA-256 and size.
import { createHash, randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { lstat, mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { contentProblem, fileNameProblem, formatBytes, MAX_ARCHIVE_BYTES, safeFileName, type CopyProblem } from '../../../shared/archive'
import { ARCHIVE_FILE, type ArchivedCopy, type Source } from '../../../shared/domain'
import { ServiceError } from '../../../shared/result'
import { refuseSymlink, writeFileAtomic } from '../fs/atomicWrite'
import { HEADER_BYTES } from './cipher'
import { BACKUP_DIR } from './files'
import { openFor, sealFor } from './heldKeys'

/** The folder of the workspace that holds every source's archived copy. */
export const SOURCES_DIR = 'sources'

/** What sealing adds to a file in an encrypted workspace: the header and the GCM tag. */
const SEALING_BYTES = HEADER_BYTES + 16

/** Every archived-copy file under `dir/sources/` and `dir/backups/sources/` (set-aside ones included), for encryption switches. */
export async function archiveFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile()) found.push(path)
    }
  }
  await walk(join(dir, SOURCES_DIR))
  await walk(join(dir, BACKUP_DIR, SOURCES_DIR))
  return found
}
/** Where removed copies wait for an undo, inside SOURCES_DIR; emptied when the workspace is opened. */
export const REMOVED_DIR = '.removed'

const SOURCE_ID = /^(?!\.)[A-Za-z0-9._-]{1,100}$/
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? ''
const NOFOLLOW = constants.O_NOFOLLOW ?? 0

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function sourceFolderName(sourceId: string): string {
  if (!SOURCE_ID.test(sourceId) || sourceId.includes('..')) {
    throw new ServiceError('invalid-input', `Not a source id for an archived copy: ${JSON.stringify(sourceId.slice(0, 100))} cannot name a folder, so no copy can be archived for it.`)
  }
  return sourceId
}

/** Refuses a folder that is a link, or that does not resolve to where it should inside the workspace. */
async function ensurePlainFolder(path: string, expected: string, what: string): Promise<void> {
  await refuseSymlink(path, what)
  await mkdir(path, { recursive: true })
  const info = await lstat(path)
  if (!info.isDirectory()) throw new ServiceError('invalid-input', `${path} is not a folder, so the archived copy cannot be stored there.`)
  if ((await realpath(path)) !== expected) throw new ServiceError('invalid-input', `${path} does not resolve to a folder inside the workspace, so nothing was written there.`)
}

/**
 * Stores `bytes` as the archived copy of source `sourceId` at `sources/<sourceId>/<safe name>`
 * (atomically, never through a link) and returns the record of it. Refused, with nothing
 * written: a name that is a path, a source id that cannot be a folder name, a file over
 * MAX_ARCHIVE_BYTES, bytes that are not the declared media type.
 */
export async function writeArchivedCopy(workspaceDir: string, sourceId: string, name: string, mediaType: ArchivedCopy['mediaType'], bytes: Uint8Array, now: Date = new Date()): Promise<ArchivedCopy> {
  const folder = sourceFolderName(sourceId)
  // Only the last part of a name that is a path counts: a copy is stored under its own name, never where the path points.
  const nameProblem = fileNameProblem(baseName(name))
  if (nameProblem) throw new ServiceError('invalid-input', nameProblem)
  if (bytes.length > MAX_ARCHIVE_BYTES) {
    throw new ServiceError('invalid-input', `The file is ${formatBytes(bytes.length)}; an archived copy is at most ${formatBytes(MAX_ARCHIVE_BYTES)}. Archive a smaller copy (a PDF print of the page, say).`)
  }
  const wrongType = contentProblem(mediaType, bytes)
  if (wrongType) throw new ServiceError('invalid-input', `${wrongType} Nothing was stored.`)
  const base = await realpath(workspaceDir)
  const sourcesDir = join(base, SOURCES_DIR)
  await ensurePlainFolder(sourcesDir, sourcesDir, 'archived copies')
  await ensurePlainFolder(join(sourcesDir, folder), join(sourcesDir, folder), 'archived copies')
  const fileName = safeFileName(baseName(name))
  const file = `${SOURCES_DIR}/${folder}/${fileName}`
  // In an encrypted workspace the copy is sealed under its key like every other file of its data.
  await writeFileAtomic(join(base, file), sealFor(workspaceDir, bytes), { mkdir: false })
  return { file, sha256: sha256Hex(bytes), size: bytes.length, mediaType, capturedAt: now.toISOString() }
}

/** A copy's file path inside `workspaceDir`, refusing a recorded path that could leave the sources folder. */
function copyPath(workspaceDir: string, copy: Pick<ArchivedCopy, 'file'>): string {
  if (!ARCHIVE_FILE.test(copy.file)) throw new ServiceError('invalid-input', `Not an archived copy path: ${JSON.stringify(copy.file.slice(0, 200))} is not of the form sources/<source id>/<file name>; it is not read.`)
  return join(workspaceDir, ...copy.file.split('/'))
}

/**
 * Reads an archived copy, never through a link, and checks it: `intact` is true when its size and
 * SHA-256 are the recorded ones. A missing file is a `not-found` error; a file grown past
 * MAX_ARCHIVE_BYTES is not read (empty bytes, not intact).
 */
export async function readArchivedCopy(workspaceDir: string, copy: ArchivedCopy): Promise<{ bytes: Buffer; intact: boolean }> {
  const path = copyPath(workspaceDir, copy)
  const [, folder] = copy.file.split('/')
  for (const p of [join(workspaceDir, SOURCES_DIR), join(workspaceDir, SOURCES_DIR, folder), path]) await refuseSymlink(p, 'archived copies')
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | NOFOLLOW)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ServiceError('not-found', `The archived copy ${copy.file} is missing from the workspace folder.`)
    throw err
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new ServiceError('invalid-input', `${copy.file} is not a plain file.`)
    if (info.size > MAX_ARCHIVE_BYTES + SEALING_BYTES) return { bytes: Buffer.alloc(0), intact: false }
    let bytes: Buffer
    try {
      bytes = openFor(workspaceDir, await handle.readFile())
    } catch (err) {
      // Sealed but not under this workspace's key, or altered: not the copy that was captured.
      if (err instanceof ServiceError) throw err
      return { bytes: Buffer.alloc(0), intact: false }
    }
    return { bytes, intact: bytes.length === copy.size && sha256Hex(bytes) === copy.sha256 }
  } finally {
    await handle.close()
  }
}

/** Checks one source's archived copy; null when it is there and matches its record (or the source has none). */
export async function checkArchivedCopy(workspaceDir: string, source: Pick<Source, 'id' | 'title' | 'archive'>): Promise<CopyProblem | null> {
  const copy = source.archive
  if (!copy) return null
  const named = `The archived copy of source “${source.title}” (${copy.file})`
  if (!copy.file.startsWith(`${SOURCES_DIR}/${source.id}/`)) return { sourceId: source.id, state: 'unreadable', message: `${named} is not in the source's own folder, so it is not trusted.` }
  try {
    const { intact } = await readArchivedCopy(workspaceDir, copy)
    return intact
      ? null
      : { sourceId: source.id, state: 'changed', message: `${named} has changed since it was captured: its SHA-256 or size no longer matches the record. If the change is not yours, restore the file from a backup; to keep the new file, remove the copy and attach it again.` }
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'not-found') return { sourceId: source.id, state: 'missing', message: `${named} is missing from the workspace folder. Restore it from a backup, or remove the copy and attach the file again.` }
    return { sourceId: source.id, state: 'unreadable', message: `${named} cannot be read: ${(err as Error).message}` }
  }
}

/** Checks every source's archived copy, one file at a time. */
export async function checkArchivedCopies(workspaceDir: string, sources: readonly Pick<Source, 'id' | 'title' | 'archive'>[]): Promise<CopyProblem[]> {
  const problems: CopyProblem[] = []
  for (const s of sources) {
    const p = await checkArchivedCopy(workspaceDir, s)
    if (p) problems.push(p)
  }
  return problems
}

/**
 * Moves a source's folder of archived copies aside (to `sources/.removed/`) so an undo can put it
 * back; returns where it went, or null when the source has no folder.
 */
export async function setAsideCopies(workspaceDir: string, sourceId: string): Promise<string | null> {
  const folder = join(workspaceDir, SOURCES_DIR, sourceFolderName(sourceId))
  await refuseSymlink(folder, 'archived copies')
  const exists = await lstat(folder).then(
    (i) => i.isDirectory(),
    () => false,
  )
  if (!exists) return null
  const removed = join(workspaceDir, SOURCES_DIR, REMOVED_DIR)
  await refuseSymlink(removed, 'archived copies')
  await mkdir(removed, { recursive: true })
  const aside = join(removed, `${sourceId}-${randomBytes(6).toString('hex')}`)
  await rename(folder, aside)
  return aside
}

/** Puts a folder set aside by `setAsideCopies` back as the source's folder (refused when the source has a folder again). */
export async function restoreSetAside(workspaceDir: string, sourceId: string, aside: string): Promise<void> {
  const folder = join(workspaceDir, SOURCES_DIR, sourceFolderName(sourceId))
  const taken = await lstat(folder).then(
    () => true,
    () => false,
  )
  if (taken) throw new ServiceError('conflict', `Source ${sourceId} has a folder of archived copies again, so the removed one was not put back.`)
  await rename(aside, folder)
}

/** Empties `sources/.removed/` (the copies whose undo ended with the last session). */
export async function purgeSetAside(workspaceDir: string): Promise<void> {
  const removed = join(workspaceDir, SOURCES_DIR, REMOVED_DIR)
  await refuseSymlink(removed, 'archived copies')
  await rm(removed, { recursive: true, force: true })
}

export { safeFileName } from '../../../shared/archive'
