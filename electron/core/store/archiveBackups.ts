// Archived copies in backups: each backup lists the copies it needs, kept once per content in `backups/sources/<sha256>`, and restoring a backup puts back any copy that is missing or changed.
import { lstat, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { ArchivedCopySchema, type Source } from '../../../shared/domain'
import { copyFileAtomic, refuseSymlink, writeFileAtomic } from '../fs/atomicWrite'
import { readArchivedCopy, SOURCES_DIR } from './archive'
import { BACKUP_DIR } from './files'
import { openFor, sealFor } from './heldKeys'

/** Copies kept for backups, one file per content, named by SHA-256. */
export const BACKUP_COPIES_DIR = 'sources'

const ManifestSchema = z.array(ArchivedCopySchema)
type Manifest = z.infer<typeof ManifestSchema>

/** The list of copies beside a backup file: `workspace-<time>.json` → `workspace-<time>.copies.json`. */
export const manifestOf = (backup: string) => backup.replace(/\.json$/, '.copies.json')

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  )

/**
 * Keeps the archived copies of `sources` with the backup just taken at `backup`: each intact copy
 * not yet kept is copied into `backups/sources/<sha256>`, and the backup's manifest lists them. A
 * copy that is missing or changed is not kept (it would be kept under a hash it does not have).
 */
export async function keepCopiesWithBackup(dir: string, backup: string, sources: readonly Pick<Source, 'archive'>[]): Promise<void> {
  const pool = join(dir, BACKUP_DIR, BACKUP_COPIES_DIR)
  await refuseSymlink(pool, 'backups')
  const manifest: Manifest = []
  for (const { archive } of sources) {
    if (!archive) continue
    const kept = join(pool, archive.sha256)
    if (!(await exists(kept))) {
      const read = await readArchivedCopy(dir, archive).catch(() => null)
      if (!read?.intact) continue
      await mkdir(pool, { recursive: true })
      await copyFileAtomic(join(dir, ...archive.file.split('/')), kept)
    }
    manifest.push(archive)
  }
  if (manifest.length > 0) await writeFileAtomic(manifestOf(backup), sealFor(dir, JSON.stringify(manifest)), { noReplace: true })
}

async function readManifest(dir: string, path: string): Promise<Manifest> {
  const bytes = await readFile(path).catch(() => null)
  if (bytes === null) return []
  try {
    return ManifestSchema.parse(JSON.parse(openFor(dir, bytes).toString('utf8')))
  } catch {
    return []
  }
}

/** Removes manifests whose backup is gone, then the kept copies no remaining manifest lists. */
export async function pruneBackupCopies(dir: string, backups: readonly string[]): Promise<void> {
  const folder = join(dir, BACKUP_DIR)
  const live = new Set(backups.map((b) => basename(manifestOf(b))))
  const needed = new Set<string>()
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.copies.json')) continue
    if (!live.has(name)) await rm(join(folder, name), { force: true })
    else for (const entry of await readManifest(dir, join(folder, name))) needed.add(entry.sha256)
  }
  const pool = join(folder, BACKUP_COPIES_DIR)
  for (const name of await readdir(pool).catch(() => [] as string[])) if (!needed.has(name)) await rm(join(pool, name), { force: true })
}

/** After `backup` was restored: every copy it lists that is missing or changed in the workspace is put back from the kept ones. Returns the files put back. */
export async function restoreBackupCopies(dir: string, backup: string): Promise<string[]> {
  const pool = join(dir, BACKUP_DIR, BACKUP_COPIES_DIR)
  const restored: string[] = []
  for (const copy of await readManifest(dir, manifestOf(backup))) {
    const { file, sha256 } = copy
    const target = join(dir, ...file.split('/'))
    if ((await readArchivedCopy(dir, copy).catch(() => null))?.intact) continue
    const kept = join(pool, sha256)
    if (!(await exists(kept))) continue
    const [, folder] = file.split('/')
    for (const p of [join(dir, SOURCES_DIR), join(dir, SOURCES_DIR, folder)]) {
      await refuseSymlink(p, 'archived copies')
      await mkdir(p, { recursive: true })
    }
    await refuseSymlink(target, 'archived copies')
    await rm(target, { force: true })
    await copyFileAtomic(kept, target)
    restored.push(file)
  }
  return restored
}
