// Where sharing credentials live, outside every workspace: the interface core uses, and the fallback — a file only the user may read (0600) in the user's config folder.
import { chmod, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomicWrite'
import { userConfigDir } from '../store/FingerprintedFile'

/** Secrets by key. The desktop app passes one backed by the OS keychain (Electron safeStorage); elsewhere the 0600 file below. */
export interface SecretStore {
  /** How secrets are kept, in words for the Sharing view. */
  readonly kind: string
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

export const SECRETS_FILE = 'secrets.json'

/**
 * A JSON file of values, each encoded by `seal`/`open` (identity for the plain file; the desktop
 * app's keychain store encrypts). Writes are atomic and the file is created 0600.
 */
export class FileSecretStore implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly file = join(userConfigDir(), SECRETS_FILE),
    readonly kind = `a file only you can read (${file})`,
    private readonly seal: (value: string) => string = (v) => v,
    private readonly unseal: (value: string) => string = (v) => v,
  ) {}

  private async read(): Promise<Record<string, string>> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw err
    }
    // A damaged file is refused, never read as empty: the next save would otherwise drop every other saved secret.
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${this.file} is damaged (not a JSON object of saved secrets); move it aside, then save the connection's password again.`)
    return parsed as Record<string, string>
  }

  async get(key: string): Promise<string | null> {
    const sealed = (await this.read())[key]
    if (typeof sealed !== 'string') return null
    try {
      return this.unseal(sealed)
    } catch {
      return null
    }
  }

  /** Changes run one after another so two saves never lose each other's secret. */
  private change(fn: (all: Record<string, string>) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const all = await this.read()
      fn(all)
      await writeFileAtomic(this.file, JSON.stringify(all, null, 1) + '\n', { mode: 0o600 })
      // A file made by an older build, or by hand, may be readable by others.
      await chmod(this.file, 0o600)
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  set(key: string, value: string): Promise<void> {
    return this.change((all) => {
      all[key] = this.seal(value)
    })
  }

  delete(key: string): Promise<void> {
    return this.change((all) => {
      delete all[key]
    })
  }
}
