// A lowdb adapter for workspace.json: atomic writes (temp file + rename) and a fingerprint of what was last written.
import { createHash } from 'node:crypto'
import { open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * Identifies the rules a fingerprint vouches for: bump it whenever validation gets stricter, so
 * files fingerprinted by an older build are validated in full again.
 */
export const VALIDATOR_REVISION = 'v1.1'

export interface ReadResult {
  text: string
  /** True when the bytes are exactly what this build last wrote and validated. */
  trusted: boolean
}

async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
  } finally {
    await handle.close()
  }
  await rename(temp, path)
}

export class FingerprintedFile<T> implements Adapter<T> {
  readonly fingerprintFile: string

  constructor(readonly file: string) {
    this.fingerprintFile = join(dirname(file), `.${basename(file)}.sha256`)
  }

  private async expected(): Promise<string | null> {
    const text = await readFile(this.fingerprintFile, 'utf8').catch(() => null)
    if (!text) return null
    try {
      const fp = JSON.parse(text) as { sha256?: string; validator?: string }
      return fp.validator === VALIDATOR_REVISION && typeof fp.sha256 === 'string' ? fp.sha256 : null
    } catch {
      return null
    }
  }

  /** Reads the file's text and whether it matches the fingerprint of the last validated write. */
  async readText(): Promise<ReadResult> {
    const [bytes, expected] = await Promise.all([readFile(this.file), this.expected()])
    const trusted = expected !== null && createHash('sha256').update(bytes).digest('hex') === expected
    return { text: bytes.toString('utf8'), trusted }
  }

  /** Lowdb's read: unused by the store, which validates through readText, but kept honest. */
  async read(): Promise<T | null> {
    return JSON.parse((await this.readText()).text) as T
  }

  /** Writes compact JSON atomically, then the fingerprint of those exact bytes. */
  async write(data: T): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(data), 'utf8')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    await writeAtomic(this.file, bytes)
    await writeAtomic(this.fingerprintFile, JSON.stringify({ sha256, validator: VALIDATOR_REVISION }))
  }
}
