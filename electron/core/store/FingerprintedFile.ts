// A lowdb adapter for workspace.json: atomic, durable writes (sealed when the workspace is encrypted), and a fingerprint of what was last written — bound to the content by a per-user key — so an untouched file reopens without re-validation.
import { createHmac, randomBytes } from 'node:crypto'
import { open, readFile, stat, unlink } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { writeChunksAtomic, writeFileAtomic } from '../fs/atomicWrite'
import { isSealed, type WorkspaceKey } from './cipher'
import { jsonPieces, tap, TextEnds, utf8Chunks } from './jsonStream'

/**
 * Identifies the rules a fingerprint vouches for: bump it whenever validation gets stricter, so
 * files fingerprinted by an older build are validated in full again.
 */
export const VALIDATOR_REVISION = 'v4.0'

/** Characters from each end of the text that the fingerprint's MAC covers (with the identity, which holds the size, enough to tell any rewrite). */
const MAC_SPAN = 1024 * 1024

export interface ReadResult {
  text: string
  /** True when the file is, untouched, the one this build last wrote and validated. */
  trusted: boolean
}

/** Per-user folder for Watchfloor's own files outside any workspace (the fingerprint key). */
export function userConfigDir(): string {
  if (process.env.WATCHFLOOR_CONFIG_DIR) return process.env.WATCHFLOOR_CONFIG_DIR
  if (process.platform === 'win32' && process.env.APPDATA) return join(process.env.APPDATA, 'Watchfloor')
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'watchfloor')
}

let keyPromise: Promise<Buffer | null> | null = null

/**
 * The key fingerprints are signed with: 32 random bytes in a file only this user can read,
 * outside every workspace, so a fingerprint written by hand into a workspace folder is never
 * trusted. Null when it cannot be had: then every open validates in full.
 */
function fingerprintKey(): Promise<Buffer | null> {
  keyPromise ??= (async () => {
    const file = join(userConfigDir(), 'fingerprint.key')
    const read = async () => {
      const hex = (await readFile(file, 'utf8')).trim()
      return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null
    }
    try {
      return await read()
    } catch {
      try {
        await writeFileAtomic(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, noReplace: true })
      } catch (err) {
        // Another process made it first: use theirs.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null
      }
      return read().catch(() => null)
    }
  })()
  return keyPromise
}

/** Identity of a file as the file system tracks it: any write, or a `touch`, changes the inode change time, which no user command can set back. */
async function identity(path: string): Promise<string> {
  const s = await stat(path, { bigint: true })
  return [VALIDATOR_REVISION, s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':')
}

/** The MAC of a text given by its ends (see TextEnds): the whole text when short, its first and last MAC_SPAN characters otherwise. */
function mac(key: Buffer, id: string, ends: TextEnds): string {
  const h = createHmac('sha256', key).update(id).update(String(ends.length))
  for (const part of ends.parts()) h.update(part)
  return h.digest('hex')
}

function endsOf(text: string): TextEnds {
  const ends = new TextEnds(MAC_SPAN)
  ends.add(text)
  return ends
}

/** Reads a whole file in one read call; fs.promises.readFile reads big files in small chunks and is several times slower. */
export async function readWhole(path: string): Promise<Buffer> {
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
    return buffer.subarray(0, done)
  } finally {
    await handle.close()
  }
}

export class FingerprintedFile<T> implements Adapter<T> {
  readonly fingerprintFile: string

  /** `key` gives the encrypted workspace's key, or null while it is plain; the fingerprint covers the decrypted text. */
  constructor(
    readonly file: string,
    private readonly key: () => WorkspaceKey | null = () => null,
  ) {
    this.fingerprintFile = join(dirname(file), `.${basename(file)}.fingerprint`)
  }

  /** Reads the file's text and whether it is still exactly what the last validated write left. */
  async readText(): Promise<ReadResult> {
    const expected = await readFile(this.fingerprintFile, 'utf8').catch(() => null)
    const before = await identity(this.file)
    const text = decode(await readWhole(this.file), this.key())
    const key = expected === null ? null : await fingerprintKey()
    // Identity compared before and after reading, so a write racing the read is not trusted.
    const trusted = key !== null && expected === `${before}:${mac(key, before, endsOf(text))}` && (await identity(this.file)) === before
    return { text, trusted }
  }

  /** Lowdb's read: the store validates through readText, but this stays a faithful adapter. */
  async read(): Promise<T | null> {
    return JSON.parse((await this.readText()).text) as T
  }

  /**
   * Writes compact JSON atomically, then the fingerprint of the file as written. The text is made,
   * encoded (and sealed) in pieces, so a large workspace is never held as one string or buffer. A
   * fingerprint that cannot be written is removed, so the next open validates in full; the save stands.
   */
  async write(data: T): Promise<void> {
    const ends = new TextEnds(MAC_SPAN)
    const bytes = utf8Chunks(tap(jsonPieces(data as Record<string, unknown>), ends.add))
    const sealer = this.key()
    await writeChunksAtomic(this.file, sealer ? sealer.sealChunks(bytes) : bytes, { mkdir: false })
    await this.vouchEnds(ends)
  }

  /** Writes the fingerprint of the file as it is now, whose text (decrypted, when sealed) is `text`. */
  vouch(text: string): Promise<void> {
    return this.vouchEnds(endsOf(text))
  }

  private async vouchEnds(ends: TextEnds): Promise<void> {
    try {
      const key = await fingerprintKey()
      if (!key) throw new Error('no fingerprint key')
      const id = await identity(this.file)
      await writeFileAtomic(this.fingerprintFile, `${id}:${mac(key, id, ends)}`, { mkdir: false })
    } catch {
      await unlink(this.fingerprintFile).catch(() => undefined)
    }
  }
}

/** The text of a workspace file's bytes: decrypted under `key` when sealed (a sealed file without a key is refused). */
export function decode(bytes: Buffer, key: WorkspaceKey | null): string {
  if (!isSealed(bytes)) return bytes.toString('utf8')
  if (!key) throw new Error('the file is encrypted and no passphrase was given')
  return key.open(bytes).toString('utf8')
}
