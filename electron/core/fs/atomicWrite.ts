// The one way Watchfloor writes a file: a fresh temp file beside the target (never through a link), fsync, rename, fsync of the folder.
import { randomBytes } from 'node:crypto'
import { constants, type PathLike } from 'node:fs'
import { link, lstat, mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ServiceError } from '../../../shared/result'

/** The calls the helper makes, so a unit test can check that every write is made durable. */
export interface AtomicFs {
  open: typeof open
  rename: typeof rename
  link: typeof link
}

const realFs: AtomicFs = { open, rename, link }

/** O_NOFOLLOW is missing on Windows, where symlinks need privileges anyway. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW

/** Refuses a path that is a symbolic link, so a write never lands outside the folder it names. */
export async function refuseSymlink(path: PathLike, what = 'file'): Promise<void> {
  const info = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (info?.isSymbolicLink()) {
    throw new ServiceError('invalid-input', `${String(path)} is a symbolic link; Watchfloor does not write a ${what} through a link. Replace it with a plain file.`)
  }
}

/** A temp-file name no other writer (another process, or this one) can be using. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

/** Makes a rename durable: the folder entry itself is flushed. Windows cannot open folders for this; there the rename is as durable as the OS makes it. */
async function syncFolder(dir: string, fs: AtomicFs): Promise<void> {
  let handle
  try {
    handle = await fs.open(dir, constants.O_RDONLY)
  } catch {
    return
  }
  try {
    await handle.sync().catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EINVAL' && err.code !== 'EPERM' && err.code !== 'EISDIR') throw err
    })
  } finally {
    await handle.close()
  }
}

export interface AtomicWriteOptions {
  /** File mode for a new file (e.g. 0o600 for a file only its user may read). */
  mode?: number
  /** Create the target's folder when missing. Default true. */
  mkdir?: boolean
  /** Never replace an existing target: fail with EEXIST instead (the new file is linked into place, which refuses an existing name). */
  noReplace?: boolean
}

/**
 * Writes `data` to `target` so that, whatever happens (kill, power cut, full disk), `target` holds
 * either its old content or all of the new one. The temp file is created exclusively and never
 * through a symlink; a target that is a symlink is refused. On failure the temp file is removed
 * and the error rethrown.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}, fs: AtomicFs = realFs): Promise<void> {
  const dir = dirname(target)
  if (options.mkdir !== false) await mkdir(dir, { recursive: true })
  await refuseSymlink(target)
  const temp = tempNameFor(target)
  try {
    const handle = await fs.open(temp, CREATE_FLAGS, options.mode ?? 0o666)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.noReplace) {
      await fs.link(temp, target)
      await rm(temp, { force: true })
    } else await fs.rename(temp, target)
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw err
  }
  await syncFolder(dir, fs)
}
