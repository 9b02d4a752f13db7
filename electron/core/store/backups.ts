// Rolling backups of workspace.json in `backups/`: taken on open and every N saves, oldest pruned.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { migrate, WorkspaceSchema } from '../../../shared/workspace'
import { writeFileAtomic } from '../fs/atomicWrite'

export const BACKUP_DIR = 'backups'
const PATTERN = /^workspace-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/

/** Time stamp, then the counter added when several backups share a millisecond. */
function orderKey(name: string): string {
  const m = PATTERN.exec(name)!
  return `${m[1]}-${(m[2] ?? '0').padStart(9, '0')}`
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

/** Copies `file` into `dir/backups/` under a time-stamped name (atomically, so a kill never leaves half a backup) and keeps the newest `keep`. */
export async function takeBackup(dir: string, file: string, keep: number): Promise<string> {
  const folder = join(dir, BACKUP_DIR)
  await mkdir(folder, { recursive: true })
  const existing = new Set(await readdir(folder))
  const base = `workspace-${stamp(new Date())}`
  let name = `${base}.json`
  for (let n = 1; existing.has(name); n++) name = `${base}-${n}.json`
  await writeFileAtomic(join(folder, name), await readFile(file), { noReplace: true })
  const all = (await listBackups(dir)).reverse()
  for (const old of all.slice(keep)) await unlink(old).catch(() => undefined)
  return join(folder, name)
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

/** The newest backup that parses, migrates and validates; null when none does. */
export async function newestValidBackup(dir: string): Promise<string | null> {
  const all = await listBackups(dir)
  for (let i = all.length - 1; i >= 0; i--) {
    try {
      const outcome = migrate(JSON.parse(await readFile(all[i], 'utf8')))
      if ((outcome.kind === 'current' || outcome.kind === 'migrated') && WorkspaceSchema.safeParse(outcome.data).success) return all[i]
    } catch {
      // not JSON: try the next older one
    }
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
