// A lowdb adapter for workspace.json: atomic writes (temp file + rename) and a fingerprint of what was last written.
import { open, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { writeFileAtomic } from '../fs/atomicWrite'

/**
 * Identifies the rules a fingerprint vouches for: bump it whenever validation gets stricter, so
 * files fingerprinted by an older build are validated in full again.
 */
export const VALIDATOR_REVISION = 'v3.0'

export interface ReadResult {
  text: string
  /** True when the file is, untouched, the one this build last wrote and validated. */
  trusted: boolean
}

/**
 * Identity of a file's current content as the file system tracks it. Any write to the file,
 * or a `touch` that resets its time, changes the inode change time (ctime), which no user
 * command can set back; so an equal identity means nobody wrote the file since.
 */
async function identity(path: string): Promise<string> {
  const s = await stat(path, { bigint: true })
  return [VALIDATOR_REVISION, s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':')
}

/** Reads a whole file in one read call; fs.promises.readFile reads big files in small chunks and is several times slower. */
async function readWhole(path: string): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const buffer = Buffer.allocUnsafe(size)
    let done = 0
    while (done < size) {
      const { bytesRead } = await handle.read(buffer, done, size - done, done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    return buffer.toString('utf8', 0, done)
  } finally {
    await handle.close()
  }
}

export class FingerprintedFile<T> implements Adapter<T> {
  readonly fingerprintFile: string

  constructor(readonly file: string) {
    this.fingerprintFile = join(dirname(file), `.${basename(file)}.fingerprint`)
  }

  /** Reads the file's text and whether it is still exactly what the last validated write left. */
  async readText(): Promise<ReadResult> {
    const expected = await readFile(this.fingerprintFile, 'utf8').catch(() => null)
    const before = await identity(this.file)
    const text = await readWhole(this.file)
    // Compared before and after reading, so a write racing the read is not trusted.
    const trusted = expected === before && (await identity(this.file)) === before
    return { text, trusted }
  }

  /** Lowdb's read: the store validates through readText, but this stays a faithful adapter. */
  async read(): Promise<T | null> {
    return JSON.parse((await this.readText()).text) as T
  }

  /** Writes compact JSON atomically, then the fingerprint of the file as written. */
  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data), { mkdir: false })
    await writeFileAtomic(this.fingerprintFile, await identity(this.file), { mkdir: false })
  }
}
