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

  /** `pdf` prints briefings for every workspace this session opens; `secrets` keeps sharing credentials (default: a 0600 file in the user's config folder). */
  constructor(
    private readonly pdf?: PdfRenderer,
    private readonly secrets?: SecretStore,
  ) {}

  /** Services of the open workspace; a `no-workspace` error when none is open. */
  get services(): Services {
    if (!this.current) throw new ServiceError('no-workspace', 'No workspace is open. Use File › Open workspace… or File › New workspace….')
    return this.current
  }

  get isOpen(): boolean {
    return this.current !== null
  }

  /**
   * Closes the open workspace (saving what is pending) and opens the one in `dir`. Reopening the
   * open folder closes it first, so its pending saves land before the file is read again.
   */
  async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceInfo> {
    if (this.current?.store.dir === resolve(dir)) await this.close()
    const store = await WorkspaceStore.open(dir, options)
    await this.close()
    this.current = createServices(store, this.pdf, this.secrets)
    await this.current.archive.open()
    return this.info()
  }

  async close(): Promise<void> {
    const closing = this.current
    this.current = null
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
      counts: { incidents: data.incidents.length, actors: data.actors.length, sources: data.sources.length, notes: data.notes.length },
      copyProblems: this.services.archive.problemList(),
    }
  }
}
