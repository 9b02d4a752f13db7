// The one way Watchfloor writes a file: a fresh temp file beside the target (never through a link), fsync, rename, fsync of the folder.
import { randomBytes } from 'node:crypto'
import { constants, type PathLike } from 'node:fs'
import { copyFile, link, lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ServiceError } from '../../../shared/result'
import { isProcessAlive } from './processes'

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
export async function refuseSymlink(path: PathLike, what = 'files'): Promise<void> {
  const info = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (info?.isSymbolicLink()) {
    throw new ServiceError('invalid-input', `${String(path)} is a symbolic link, and Watchfloor never writes ${what} through a link (the write could land outside the workspace). Replace it with a plain file or folder.`)
  }
}

/** A temp-file name no other writer (another process, or this one) can be using. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/

/** Removes temp files in `dir` left by writers that were killed before their rename (their process is gone); returns how many. */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = TEMP_NAME.exec(name)
    if (!m || Number(m[1]) === process.pid || isProcessAlive(Number(m[1]))) continue
    // rm removes a link itself, never what it points to.
    await rm(join(dir, name), { force: true }).then(() => removed++, () => undefined)
  }
  return removed
}

/**
 * Makes a rename durable: the folder entry itself is flushed. Windows cannot open folders for
 * this; there the rename is as durable as the OS makes it. Runs after the rename, so a failure
 * here is not the write's failure: the new content is in place.
 */
async function syncFolder(dir: string, fs: AtomicFs): Promise<void> {
  let handle
  try {
    handle = await fs.open(dir, constants.O_RDONLY)
    await handle.sync()
  } catch {
    // not supported for folders here
  } finally {
    await handle?.close()
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
  await writeChunksAtomic(target, [typeof data === 'string' ? Buffer.from(data, 'utf8') : data], options, fs)
}

/**
 * The same for content made while it is written: each chunk is written before the next is asked
 * for, so a producer may hand out one reused buffer. A producer that throws leaves the target as it was.
 */
export async function writeChunksAtomic(target: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: AtomicWriteOptions = {}, fs: AtomicFs = realFs): Promise<void> {
  const dir = dirname(target)
  if (options.mkdir !== false) await mkdir(dir, { recursive: true })
  await refuseSymlink(target)
  const temp = tempNameFor(target)
  try {
    const handle = await fs.open(temp, CREATE_FLAGS, options.mode ?? 0o666)
    try {
      // One write call per chunk: FileHandle.writeFile would split a big buffer into 512 KiB writes.
      for await (const bytes of chunks) {
        for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten
      }
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

/**
 * Copies `source` to a new file `target` (never replacing one) the same way: a kernel copy into a
 * fresh temp name, then linked into place, so no one ever sees half a copy. Not fsynced: meant for
 * copies that are checked before they are used (backups), where a power cut may lose the copy but
 * can never pass off a cut one as whole.
 */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  await refuseSymlink(target)
  const temp = tempNameFor(target)
  try {
    await copyFile(source, temp, constants.COPYFILE_EXCL)
    await link(temp, target)
  } finally {
    await rm(temp, { force: true }).catch(() => undefined)
  }
}
