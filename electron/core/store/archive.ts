// Archived copies of sources in the workspace folder (sources/<sourceId>/<file>): written atomically, never through a link or outside that folder, read back with a check of size and SHA-256.
import { createHash } from 'node:crypto'
import { lstat, mkdir, readFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { ArchivedCopySchema, type ArchivedCopy } from '../../../shared/domain'
import { ServiceError } from '../../../shared/result'
import { refuseSymlink, writeFileAtomic } from '../fs/atomicWrite'

export const SOURCES_DIR = 'sources'
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/

/** A file name safe on every system: letters, digits, dot, dash and underscore; no leading dot; at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/\.{2,}/g, '.')
    .slice(-120)
    .replace(/^[^A-Za-z0-9]+/, '')
  return cleaned || 'copy'
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Writes the archived copy of source `sourceId` and returns its record (for `Source.archive`). */
export async function writeArchivedCopy(workspaceDir: string, sourceId: string, name: string, mediaType: ArchivedCopy['mediaType'], bytes: Uint8Array, now: Date = new Date()): Promise<ArchivedCopy> {
  if (!SOURCE_ID.test(sourceId)) throw new ServiceError('invalid-input', `Not a source id for an archived copy: ${JSON.stringify(sourceId.slice(0, 100))}.`)
  const file = safeFileName(name)
  const root = join(workspaceDir, SOURCES_DIR)
  const dir = join(root, sourceId)
  await refuseSymlink(root, 'archived copies')
  await mkdir(root, { recursive: true })
  await refuseSymlink(dir, 'archived copies')
  await mkdir(dir, { recursive: true })
  await writeFileAtomic(join(dir, file), bytes)
  return ArchivedCopySchema.parse({ file: `${SOURCES_DIR}/${sourceId}/${file}`, sha256: sha256(bytes), size: bytes.byteLength, mediaType, capturedAt: now.toISOString() })
}

/** Reads an archived copy back; `intact` is false when its size or SHA-256 no longer match the record. */
export async function readArchivedCopy(workspaceDir: string, copy: ArchivedCopy): Promise<{ bytes: Buffer; intact: boolean }> {
  const parsed = ArchivedCopySchema.safeParse(copy)
  if (!parsed.success) throw new ServiceError('invalid-input', 'Not an archived copy record: its path must be sources/<source id>/<file name>.')
  const root = resolve(workspaceDir, SOURCES_DIR)
  const path = resolve(workspaceDir, copy.file)
  if (!path.startsWith(root + sep)) throw new ServiceError('invalid-input', 'An archived copy must lie inside the workspace’s sources folder.')
  for (const p of [root, resolve(path, '..'), path]) {
    const info = await lstat(p).catch(() => null)
    if (info?.isSymbolicLink()) throw new ServiceError('invalid-input', `${p} is a symbolic link; archived copies are never read through a link.`)
  }
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new ServiceError('not-found', `The archived copy ${copy.file} is missing from the workspace folder.`)
    throw err
  })
  return { bytes, intact: bytes.byteLength === copy.size && sha256(bytes) === copy.sha256 }
}
