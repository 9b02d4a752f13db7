// The open workspace of one app or host process: opening, switching and closing it, and its services.
import { resolve } from 'node:path'
import { ServiceError } from '../../shared/result'
import type { WorkspaceInfo } from '../../shared/contract'
import { createServices, type Services } from './services/services'
import { WorkspaceStore, type OpenOptions } from './store/WorkspaceStore'
import type { PdfRenderer } from './services/report/PdfRenderer'
import type { SecretStore } from './taxii/secretStore'

export class Session {
  private current: Services | null = null
  /** An encrypted workspace waiting for its passphrase: where it is and how it was to be opened. */
  private locked: { dir: string; options: OpenOptions } | null = null

  /** `pdf` prints briefings for every workspace this session opens; `secrets` keeps sharing credentials (default: a 0600 file in the user's config folder). */
  constructor(
    private readonly pdf?: PdfRenderer,
    private readonly secrets?: SecretStore,
  ) {}

  /** Services of the open workspace; a `no-workspace` error when none is open. */
  get services(): Services {
    if (!this.current && this.locked) throw new ServiceError('locked', `The workspace in ${this.locked.dir} is encrypted. Enter its passphrase to open it.`)
    if (!this.current) throw new ServiceError('no-workspace', 'No workspace is open. Use File › Open workspace… or File › New workspace….')
    return this.current
  }

  get isOpen(): boolean {
    return this.current !== null
  }

  /** The folder of an encrypted workspace waiting for its passphrase, or null. */
  get lockedDir(): string | null {
    return this.locked?.dir ?? null
  }

  /**
   * Closes the open workspace (saving what is pending) and opens the one in `dir`. Reopening the
   * open folder closes it first, so its pending saves land before the file is read again. An
   * encrypted workspace opened without its passphrase is held locked (the `locked` error is
   * rethrown) until `unlock` gives it.
   */
  async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceInfo> {
    if (this.current?.store.dir === resolve(dir)) await this.close()
    let store: WorkspaceStore
    try {
      store = await WorkspaceStore.open(dir, options)
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'locked' && options.passphrase === undefined) {
        await this.close()
        this.locked = { dir: resolve(dir), options }
      }
      throw err
    }
    await this.close()
    this.current = createServices(store, this.pdf, this.secrets)
    await this.current.archive.open()
    return this.info()
  }

  /** Opens the encrypted workspace waiting for its passphrase; a wrong passphrase leaves it waiting, and nothing changed. */
  async unlock(passphrase: string): Promise<WorkspaceInfo> {
    if (!this.locked) throw new ServiceError('conflict', this.current ? 'The workspace is open already.' : 'No encrypted workspace is waiting for a passphrase.')
    const { dir, options } = this.locked
    const info = await this.open(dir, { ...options, passphrase })
    this.locked = null
    return info
  }

  async close(): Promise<void> {
    const closing = this.current
    this.current = null
    this.locked = null
    await closing?.store.close()
  }

  info(): WorkspaceInfo {
    const { store } = this.services
    const data = store.data
    return {
      name: data.name,
      path: store.dir,
      sample: data.sample === true,
      schemaVersion: data.schemaVersion,
      readOnly: store.readOnlyReason,
      restorableBackup: store.restorableBackup,
      repairable: store.integrityProblems.length > 0,
      encrypted: store.encrypted,
      counts: { incidents: data.incidents.length, actors: data.actors.length, sources: data.sources.length, notes: data.notes.length },
      copyProblems: this.services.archive.problemList(),
    }
  }
}
