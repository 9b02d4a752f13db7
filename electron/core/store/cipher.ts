// Encryption at rest for a workspace's files: AES-256-GCM under a key derived from the passphrase with scrypt, one sealed blob per write.
//
// A sealed blob is a 56-byte header, the ciphertext, then the 16-byte GCM tag:
//   0  "WFCRYPT" (7 bytes), format version 1 (1 byte)
//   8  KDF id (1 = scrypt), log2 N, r, p (1 byte each)
//   12 salt (16 bytes): one per workspace, new whenever the passphrase is set or changed
//   28 key check (16 bytes): HMAC-SHA256 of bytes 0–27 under a second key from the same scrypt output
//   44 nonce (12 bytes): fresh random bytes for every blob
// The whole header is the GCM additional data, so the parameters, salt, check and nonce cannot be altered unnoticed.
// The key check lets a wrong passphrase be told from a damaged file without decrypting anything: it is an HMAC under a
// key independent of the encryption key, so it says nothing about the data.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const MAGIC = Buffer.from('WFCRYPT', 'latin1')
const VERSION = 1
const KDF_SCRYPT = 1
export const HEADER_BYTES = 56
const TAG_BYTES = 16
const SALT_AT = 12
const CHECK_AT = 28
const NONCE_AT = 44

/** scrypt cost: N = 2^17, r = 8, p = 1 takes about 0.4 s and 128 MiB here, once per open. */
export const DEFAULT_KDF = { logN: 17, r: 8, p: 1 } as const

export interface KdfParams {
  logN: number
  r: number
  p: number
}

/** Why a blob could not be opened; `kind` lets callers say it in words. */
export class CipherError extends Error {
  constructor(
    readonly kind: 'not-sealed' | 'unsupported' | 'wrong-passphrase' | 'other-key' | 'damaged',
    message: string,
  ) {
    super(message)
    this.name = 'CipherError'
  }
}

/** True when `bytes` starts like a sealed blob (a plain workspace file starts with `{`). */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC)
}

interface Header {
  params: KdfParams
  salt: Buffer
  check: Buffer
}

/** Bounds on what a header may ask for, so a crafted file cannot make an open take minutes or gigabytes. */
function supported(p: KdfParams): boolean {
  return p.logN >= 10 && p.logN <= 20 && p.r >= 1 && p.r <= 16 && p.p >= 1 && p.p <= 4
}

function readHeader(bytes: Buffer): Header {
  if (!isSealed(bytes)) throw new CipherError('not-sealed', 'The file is not encrypted.')
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new CipherError('damaged', 'The encrypted file is cut short.')
  if (bytes[7] !== VERSION || bytes[8] !== KDF_SCRYPT) throw new CipherError('unsupported', `The file is encrypted in a format this build does not read (version ${bytes[7]}, KDF ${bytes[8]}). Update Watchfloor.`)
  const params = { logN: bytes[9], r: bytes[10], p: bytes[11] }
  if (!supported(params)) throw new CipherError('unsupported', `The file asks for key-derivation costs this build refuses (N = 2^${params.logN}, r = ${params.r}, p = ${params.p}).`)
  return { params, salt: Buffer.from(bytes.subarray(SALT_AT, CHECK_AT)), check: Buffer.from(bytes.subarray(CHECK_AT, NONCE_AT)) }
}

function prefix(params: KdfParams, salt: Buffer): Buffer {
  return Buffer.concat([MAGIC, Buffer.from([VERSION, KDF_SCRYPT, params.logN, params.r, params.p]), salt])
}

function derive(passphrase: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  const N = 2 ** p.logN
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 64, { N, r: p.r, p: p.p, maxmem: 256 * N * p.r * p.p }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/**
 * The key of one encrypted workspace, held in memory while it is open: derived once from the
 * passphrase (which is not kept), used for every file of the workspace.
 */
export class WorkspaceKey {
  private constructor(
    private readonly key: Buffer,
    /** Bytes 0–43 of every header this key writes: format, parameters, salt and key check. */
    private readonly head: Buffer,
  ) {}

  /** A new key for `passphrase` with a fresh salt (encrypting a workspace, or changing its passphrase). */
  static async create(passphrase: string, params: KdfParams = DEFAULT_KDF): Promise<WorkspaceKey> {
    if (!supported(params)) throw new CipherError('unsupported', 'Unsupported key-derivation parameters.')
    const salt = randomBytes(16)
    const out = await derive(passphrase, salt, params)
    const start = prefix(params, salt)
    return new WorkspaceKey(out.subarray(0, 32), Buffer.concat([start, keyCheck(out, start)]))
  }

  /**
   * The key `passphrase` gives for the workspace whose file is `sealed`. A wrong passphrase is
   * refused by the key check alone: nothing is decrypted and nothing is written.
   */
  static async unlock(passphrase: string, sealed: Uint8Array): Promise<WorkspaceKey> {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    const h = readHeader(bytes)
    const out = await derive(passphrase, h.salt, h.params)
    const start = prefix(h.params, h.salt)
    if (!timingSafeEqual(keyCheck(out, start), h.check)) throw new CipherError('wrong-passphrase', 'The passphrase is wrong.')
    return new WorkspaceKey(out.subarray(0, 32), Buffer.concat([start, h.check]))
  }

  /** True when `sealed` was written under this key (same salt, parameters and check). */
  owns(sealed: Uint8Array): boolean {
    return isSealed(sealed) && sealed.length >= NONCE_AT && Buffer.from(sealed.buffer, sealed.byteOffset, NONCE_AT).equals(this.head)
  }

  /** Encrypts `plain` with a fresh nonce. */
  seal(plain: string | Uint8Array): Buffer {
    return Buffer.concat([...this.sealChunks([typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain])])
  }

  /** The same blob, chunk by chunk as the plain chunks come (each used before the next is asked for): the header, the ciphertext, then the tag. */
  *sealChunks(plain: Iterable<Uint8Array>): Generator<Uint8Array> {
    const nonce = randomBytes(12)
    const header = Buffer.concat([this.head, nonce])
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce)
    cipher.setAAD(header)
    yield header
    for (const chunk of plain) yield cipher.update(chunk)
    yield Buffer.concat([cipher.final(), cipher.getAuthTag()])
  }

  /** Decrypts a blob this key wrote; any changed byte (header, data or tag) fails the GCM check. */
  open(sealed: Uint8Array): Buffer {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    readHeader(bytes)
    if (!this.owns(bytes)) throw new CipherError('other-key', 'The file is encrypted under another passphrase (or its header was altered).')
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(NONCE_AT, HEADER_BYTES))
    decipher.setAAD(bytes.subarray(0, HEADER_BYTES))
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
    try {
      return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)), decipher.final()])
    } catch {
      throw new CipherError('damaged', 'The encrypted file has been altered or damaged: it fails its authentication check.')
    }
  }

  /** One audit-log line: the sealed record in base64, so the log stays one record per line and append-only. */
  sealLine(line: string): string {
    return this.seal(line).toString('base64')
  }

  openLine(line: string): string {
    return this.open(Buffer.from(line, 'base64')).toString('utf8')
  }
}

function keyCheck(derived: Buffer, start: Buffer): Buffer {
  return createHmac('sha256', derived.subarray(32, 64)).update(start).digest().subarray(0, 16)
}
