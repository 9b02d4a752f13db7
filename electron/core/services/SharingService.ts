// Team sync over TAXII 2.1: saved connections (secrets in the secret store, never in the workspace), a connection test, pushes that send only what changed and resume without duplicates, and pulls that go through the import preview.
import { randomUUID } from 'node:crypto'
import type { DataExportScope } from '../../../shared/interchange'
import { ServiceError } from '../../../shared/result'
import type { CollectionRef, CollectionView, Connection, ConnectionInput, ConnectionTest, ConnectionView, PullResult, PushResult, SharingOverview, SharingProgress } from '../../../shared/sharing'
import type { AuditLog } from '../store/AuditLog'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import { duration, followStatus, pagesOf, plural, STATUS_DEADLINE_MS, unconfirmedError, versionOf, versionsOnServer } from '../taxii/pushSteps'
import { TaxiiClient, TaxiiError, withSlash, type CollectionInfo, type TaxiiAuth } from '../taxii/TaxiiClient'
import type { SecretStore } from '../taxii/secretStore'
import { emptyCollectionState, SyncStateFile, type CollectionState } from '../taxii/syncState'
import type { InterchangeService } from './InterchangeService'

/** A server to talk to: its discovery URL and how to sign in. */
export interface Target {
  server: string
  auth: TaxiiAuth
}

export interface SyncOptions {
  /** Most objects per page sent or asked for. Default 500. */
  pageObjects?: number
  /** Largest page sent, in bytes, when below the server's own limit. */
  pageBytes?: number
  timeoutMs?: number
  signal?: AbortSignal
  /** Push: work out what would be sent (and in how many pages), send nothing. Pull: preview only, and leave `added_after` where it was. */
  dryRun?: boolean
  /** Called after each page, with what is done so far. */
  onProgress?(p: SharingProgress): void
  /**
   * Push: longest wait, in milliseconds, for the server to confirm a page it took (its status to stop being
   * “pending”), counted from its answer to the page. Default 10 minutes. Past it the push ends, saying so, and
   * the next push asks about that page first.
   */
  statusDeadlineMs?: number
}

/** Key of a server's secret in the secret store: the server's origin and who signs in. */
export const secretKey = (c: Pick<Connection, 'server' | 'auth' | 'user' | 'tokenHeader'>) => `taxii ${new URL(c.server).origin} ${c.auth === 'basic' ? `user:${c.user}` : `header:${c.tokenHeader ?? 'Authorization'}`}`

const collectionKey = (c: Pick<CollectionInfo, 'apiRoot' | 'id'>) => `${withSlash(c.apiRoot)}collections/${c.id}/`

/** The push under way: its collection, where its state is kept, and what it tells the progress line. */
interface PushRun {
  client: TaxiiClient
  collection: CollectionInfo
  key: string
  options: SyncOptions
  progress: (done: number, total?: number, stageNow?: string) => SharingProgress
}

export class SharingService {
  readonly state: SyncStateFile
  /** What the window's progress line shows; null when no sync is under way. */
  progress: SharingProgress | null = null

  constructor(
    private readonly store: WorkspaceStore,
    private readonly interchange: InterchangeService,
    private readonly audit: AuditLog,
    private readonly secrets: SecretStore,
  ) {
    this.state = new SyncStateFile(store.dir)
  }

  // ── Saved connections ──────────────────────────────────────────────

  async overview(): Promise<SharingOverview> {
    const { connections } = await this.state.read()
    const views: ConnectionView[] = []
    for (const c of connections) views.push({ ...c, savedCredentials: c.auth === 'none' || (await this.secrets.get(secretKey(c))) !== null })
    return { connections: views, secretStore: this.secrets.kind }
  }

  /** The sharing file is workspace data: refused, in words, where the workspace is open read-only. */
  private writable(): void {
    if (this.store.readOnlyReason) throw new ServiceError('read-only', this.store.readOnlyReason)
  }

  /** Saves a connection (new without id); the secret goes to the secret store, everything else to the sharing file. */
  async saveConnection(input: ConnectionInput): Promise<ConnectionView> {
    this.writable()
    const id = input.id ?? randomUUID()
    const connection: Connection = {
      id,
      name: input.name,
      server: new TaxiiClient({ discoveryUrl: input.server, auth: { kind: 'none' } }).discoveryUrl,
      auth: input.auth,
      ...(input.auth === 'basic' ? { user: input.user } : {}),
      ...(input.auth === 'token' ? { tokenHeader: input.tokenHeader || 'Authorization' } : {}),
    }
    const gone = () => new ServiceError('not-found', 'That connection was removed meanwhile; add it again.')
    if (input.id && !(await this.state.connection(input.id))) throw gone()
    if (input.secret) await this.secrets.set(secretKey(connection), input.secret)
    await this.state.change((s) => {
      const at = s.connections.findIndex((c) => c.id === id)
      if (input.id && at < 0) throw gone()
      if (at >= 0) s.connections[at] = connection
      else s.connections.push(connection)
    })
    return { ...connection, savedCredentials: connection.auth === 'none' || (await this.secrets.get(secretKey(connection))) !== null }
  }

  /** Removes a connection from this workspace (its saved secret stays for other workspaces using the same server). */
  async removeConnection(id: string): Promise<Connection> {
    this.writable()
    return this.state.change((s) => {
      const at = s.connections.findIndex((c) => c.id === id)
      if (at < 0) throw new ServiceError('not-found', 'No such connection.')
      return s.connections.splice(at, 1)[0]
    })
  }

  /** The saved connection `id` with its secret, ready to use. */
  async target(id: string): Promise<Target> {
    const c = await this.state.connection(id)
    if (!c) throw new ServiceError('not-found', 'No such connection; it may have been removed.')
    if (c.auth === 'none') return { server: c.server, auth: { kind: 'none' } }
    const secret = await this.secrets.get(secretKey(c))
    if (secret === null) throw new ServiceError('invalid-input', `No ${c.auth === 'basic' ? 'password' : 'token'} is saved for ${c.name}; edit the connection and enter it.`)
    return c.auth === 'basic' ? { server: c.server, auth: { kind: 'basic', user: c.user ?? '', password: secret } } : { server: c.server, auth: { kind: 'token', header: c.tokenHeader ?? 'Authorization', token: secret } }
  }

  // ── Talking to the server ──────────────────────────────────────────

  private client(target: Target, options: SyncOptions = {}): TaxiiClient {
    return new TaxiiClient({ discoveryUrl: target.server, auth: target.auth, timeoutMs: options.timeoutMs, signal: options.signal })
  }

  /** Discovery → API roots → collections, with this workspace's last push and pull of each. */
  async test(target: Target, options: SyncOptions = {}): Promise<ConnectionTest> {
    const client = this.client(target, options)
    const discovery = await client.discover()
    const state = await this.state.read()
    const apiRoots: ConnectionTest['apiRoots'] = []
    for (const url of discovery.apiRoots) {
      const root = await client.apiRoot(url)
      const collections: CollectionView[] = (await client.collections(root.url)).map((c) => {
        const s = state.collections[collectionKey(c)]
        return { ...c, ...(s?.lastPush ? { lastPush: s.lastPush } : {}), ...(s?.lastPull ? { lastPull: s.lastPull } : {}) }
      })
      apiRoots.push({ url: root.url, title: root.title, maxContentLength: root.maxContentLength, collections })
    }
    return { server: client.discoveryUrl, title: discovery.title, apiRoots }
  }

  /** The collection `ref` (an id alone looks in every API root), checked to exist, with its root's size limit. */
  async findCollection(client: TaxiiClient, ref: CollectionRef | { id: string; apiRoot?: string }): Promise<CollectionInfo & { maxContentLength: number }> {
    const roots = ref.apiRoot ? [withSlash(client.resolve(ref.apiRoot))] : (await client.discover()).apiRoots
    for (const url of roots) {
      const root = await client.apiRoot(url)
      const hit = (await client.collections(root.url)).find((c) => c.id === ref.id)
      if (hit) return { ...hit, maxContentLength: root.maxContentLength }
    }
    throw new TaxiiError(`The server at ${client.origin} has no collection ${ref.id} that this account can see.`)
  }

  private begin(stage: string, total = 0): (done: number, total?: number, stageNow?: string) => SharingProgress {
    this.progress = { stage, done: 0, total }
    return (done, t = total, s = stage) => (this.progress = { stage: s, done, total: t })
  }

  /**
   * Sends the scope's STIX objects that the collection does not hold from us yet (new, or changed
   * since by `modified`), in pages under the server's size limit; follows each page's status to
   * the end and remembers what was accepted, page by page, so a push that stops resumes without
   * sending anything twice.
   */
  async push(target: Target, ref: CollectionRef | { id: string; apiRoot?: string }, scope: DataExportScope, options: SyncOptions = {}): Promise<PushResult> {
    // A push records what it sent in the sharing file: only the process that holds the workspace may write it.
    if (!options.dryRun) this.writable()
    const client = this.client(target, options)
    const progress = this.begin('Checking the collection…')
    try {
      const collection = await this.findCollection(client, ref)
      if (!collection.canWrite) throw new TaxiiError(`The collection “${collection.title}” is read only for this account; push to a collection you may write to.`, 403)
      const run: PushRun = { client, collection, key: collectionKey(collection), options, progress }
      // Extension definitions stay home: they describe Watchfloor's own properties (a receiving Watchfloor knows them, others
      // keep the properties as they are), and their `version` property breaks servers that read it as the object's version.
      const objects = (this.interchange.stixBundle(scope).objects as unknown as Record<string, unknown>[]).filter((o) => o.type !== 'extension-definition')
      let entry: CollectionState = (await this.state.read()).collections[run.key] ?? emptyCollectionState()
      let alreadyThere = 0
      if (entry.inFlight && entry.inFlight.length > 0 && !options.dryRun) ({ entry, alreadyThere } = await this.settleInFlight(run, entry.inFlight, entry.inFlightStatus))

      const changed = objects.filter((o) => entry.sent[o.id as string] !== versionOf(o))
      const pages = pagesOf(changed, Math.min(collection.maxContentLength, options.pageBytes ?? Infinity), options.pageObjects ?? 500)
      const result: PushResult = { collection: collection.title, toSend: changed.length, total: objects.length, unchanged: objects.length - changed.length - alreadyThere, succeeded: 0, failures: [], pages: 0, alreadyThere }
      if (options.dryRun) return { ...result, pages: pages.length }
      const types = new Map(changed.map((o) => [o.id as string, o.type as string]))
      let done = 0
      progress(0, changed.length, `Sending ${changed.length} objects to “${collection.title}”…`)
      for (const page of pages) {
        const { failed, held } = await this.sendPage(run, page, result, done, changed.length)
        result.alreadyThere += held
        result.succeeded += page.length - failed.size - held
        for (const [id, message] of failed) result.failures.push({ id, type: types.get(id) ?? id.split('--')[0], message })
        result.pages++
        done += page.length
        progress(done, changed.length)
        options.onProgress?.({ stage: 'push', done, total: changed.length })
      }
      await this.auditPush(run, [`sent: ${result.succeeded}`, `failed: ${result.failures.length}`, `unchanged: ${result.unchanged}`])
      return result
    } finally {
      this.progress = null
    }
  }

  /**
   * A page that was on its way when the last push stopped: what the server has of it counts as sent. Its status
   * resource (when the server gave one) is asked first, and followed again while the server still works on it.
   */
  private async settleInFlight(run: PushRun, inFlight: { id: string; version: string }[], statusId: string | undefined): Promise<{ entry: CollectionState; alreadyThere: number }> {
    const { client, collection, key, options } = run
    const accepted = new Set<string>()
    if (statusId) {
      const status = await followStatus(client, collection, statusId, options.statusDeadlineMs ?? STATUS_DEADLINE_MS, options.signal, (pending, waited) =>
        run.progress(0, 0, `Asking the server about the page the last push sent to “${collection.title}”: ${plural(pending, 'object')} not confirmed yet (${duration(waited)})…`),
      ).catch((err: unknown) => {
        // A server that no longer knows the status: what the collection holds tells instead (below).
        if (err instanceof TaxiiError && err.status === 404) return null
        throw err
      })
      if (status && status.status !== 'complete') {
        const confirmed = status.successes.filter((x) => inFlight.some((o) => o.id === x.id))
        await this.updateEntry(key, (e) => {
          for (const o of inFlight) if (confirmed.some((x) => x.id === o.id)) e.sent[o.id] = o.version
          e.inFlight = inFlight.filter((o) => !confirmed.some((x) => x.id === o.id))
        })
        throw unconfirmedError(collection, { pageSize: inFlight.length, pending: inFlight.length - confirmed.length, accepted: 0, notSent: 0, deadlineMs: options.statusDeadlineMs ?? STATUS_DEADLINE_MS, resumed: true })
      }
      for (const x of status?.successes ?? []) accepted.add(x.id)
    }
    const unknown = inFlight.filter((o) => !accepted.has(o.id)).map((o) => o.id)
    const landed = collection.canRead && unknown.length > 0 ? await versionsOnServer(client, collection, unknown) : new Map<string, Set<string>>()
    let alreadyThere = 0
    const entry = await this.updateEntry(key, (e) => {
      for (const o of inFlight) {
        if (!accepted.has(o.id) && !landed.get(o.id)?.has(o.version)) continue
        e.sent[o.id] = o.version
        alreadyThere++
      }
      delete e.inFlight
      delete e.inFlightStatus
    })
    return { entry, alreadyThere }
  }

  /**
   * Sends one page and follows its status to the end; records what the server took. Returns the objects it
   * refused (with why) and how many of the refused it turned out to hold already. Throws, after recording what
   * it confirmed, when the server has not confirmed the page within the deadline.
   */
  private async sendPage(run: PushRun, page: Record<string, unknown>[], result: PushResult, done: number, total: number): Promise<{ failed: Map<string, string>; held: number }> {
    const { client, collection, key, options } = run
    const sending = page.map((o) => ({ id: o.id as string, version: versionOf(o) }))
    await this.updateEntry(key, (e) => {
      e.inFlight = sending
      delete e.inFlightStatus
    })
    const answer = await client.addObjects(collection, JSON.stringify({ objects: page }))
    let status = answer
    if (answer.status !== 'complete') {
      // Remembered first, so a push that stops while the server works on the page asks about it next time.
      await this.updateEntry(key, (e) => void (e.inFlightStatus = answer.id))
      const deadlineMs = options.statusDeadlineMs ?? STATUS_DEADLINE_MS
      status = await followStatus(client, collection, answer, deadlineMs, options.signal, (pending, waited) =>
        run.progress(done, total, `Sent ${done + page.length} of ${total} objects to “${collection.title}”; waiting for the server to confirm ${plural(pending, 'object')} of the last page (${duration(waited)})…`),
      )
      if (status.status !== 'complete') {
        const confirmed = new Set(status.successes.map((x) => x.id))
        await this.updateEntry(key, (e) => {
          for (const o of sending) if (confirmed.has(o.id)) e.sent[o.id] = o.version
          e.inFlight = sending.filter((o) => !confirmed.has(o.id))
          e.lastPush = new Date().toISOString()
        })
        const accepted = result.succeeded + sending.filter((o) => confirmed.has(o.id)).length
        await this.auditPush(run, [`sent: ${accepted}`, `failed: ${result.failures.length}`, `unchanged: ${result.unchanged}`, `not confirmed yet: ${page.length - confirmed.size}`])
        throw unconfirmedError(collection, { pageSize: page.length, pending: page.length - confirmed.size, accepted, notSent: total - done - page.length, deadlineMs, resumed: false })
      }
    }
    const failed = new Map(status.failures.map((f) => [f.id, f.message ?? 'refused by the server']))
    // Servers refuse a version they hold already (sent from another workspace, or by a push that lost its answer): that one is there.
    let held = 0
    if (failed.size > 0 && collection.canRead) {
      const versions = await versionsOnServer(client, collection, [...failed.keys()])
      for (const o of sending) {
        if (!failed.has(o.id) || !versions.get(o.id)?.has(o.version)) continue
        failed.delete(o.id)
        held++
      }
    }
    await this.updateEntry(key, (e) => {
      for (const o of sending) if (!failed.has(o.id)) e.sent[o.id] = o.version
      delete e.inFlight
      e.lastPush = new Date().toISOString()
    })
    return { failed, held }
  }

  private async auditPush(run: PushRun, fields: string[]): Promise<void> {
    await this.audit.record({ action: 'push', collection: 'workspace', id: run.key, title: run.collection.title, fields }).catch(() => undefined)
  }

  private async updateEntry(key: string, fn: (e: CollectionState) => void): Promise<CollectionState> {
    return this.state.change((s) => {
      const e = (s.collections[key] ??= emptyCollectionState())
      fn(e)
      return e
    })
  }

  /**
   * Fetches what the collection gained since the last committed pull (all of it the first time),
   * page by page, and plans its import: the preview accounts for every object and nothing is
   * written until the analyst commits it; the commit (or a preview that writes nothing) moves the
   * collection's `added_after` on.
   */
  async pull(target: Target, ref: CollectionRef | { id: string; apiRoot?: string }, options: SyncOptions = {}): Promise<PullResult> {
    const client = this.client(target, options)
    const progress = this.begin('Checking the collection…')
    try {
      const collection = await this.findCollection(client, ref)
      if (!collection.canRead) throw new TaxiiError(`The collection “${collection.title}” is write only for this account (a drop box); pull from a collection you may read.`, 403)
      const key = collectionKey(collection)
      const since = (await this.state.read()).collections[key]?.addedAfter
      const objects: Record<string, unknown>[] = []
      let last = since
      let next: string | undefined
      let pages = 0
      do {
        const page = await client.getObjects(collection, { addedAfter: since, limit: options.pageObjects ?? 500, next })
        objects.push(...page.objects)
        if (page.addedLast && (!last || page.addedLast > last)) last = page.addedLast
        next = page.more ? page.next : undefined
        pages++
        progress(objects.length, 0, `Fetched ${objects.length} objects from “${collection.title}”…`)
        options.onProgress?.({ stage: 'pull', done: objects.length, total: 0 })
      } while (next)
      if (objects.length === 0) return { collection: collection.title, fetched: 0, pages, preview: null }
      progress(objects.length, objects.length, 'Checking every object…')
      const text = JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects })
      const preview = this.interchange.preview({ text }, `${collection.title} (TAXII)`, 'stix')
      const remember = () => this.updateEntry(key, (e) => {
        if (last) e.addedAfter = last
        e.lastPull = new Date().toISOString()
      })
      if (options.dryRun) return { collection: collection.title, fetched: objects.length, pages, preview }
      if (Object.values(preview.writes).every((n) => n === 0)) await remember()
      else this.interchange.whenCommitted(preview.token, remember)
      return { collection: collection.title, fetched: objects.length, pages, preview }
    } finally {
      this.progress = null
    }
  }
}
