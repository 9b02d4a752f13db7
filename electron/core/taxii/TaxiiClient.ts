// A TAXII 2.1 client for one configured server: discovery, API roots, collections, objects (paged), adding objects and following their status — only to the server's own origin, with time-outs and plain-words errors.
import { ServiceError } from '../../../shared/result'
import type { CollectionInfo } from '../../../shared/sharing'

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1'

export type TaxiiAuth = { kind: 'basic'; user: string; password: string } | { kind: 'token'; header: string; token: string } | { kind: 'none' }

export interface TaxiiClientOptions {
  /** The server's discovery URL, e.g. https://cti.example.org/taxii2/ */
  discoveryUrl: string
  auth: TaxiiAuth
  /** Longest wait for one answer, in milliseconds. Default 120 000: reference servers take their time to list big collections. */
  timeoutMs?: number
  /** Aborts whatever request is under way. */
  signal?: AbortSignal
}

export interface ApiRootInfo {
  url: string
  title: string
  /** Largest request body the root accepts, in bytes. */
  maxContentLength: number
}

export type { CollectionInfo }

export interface Envelope {
  objects: Record<string, unknown>[]
  more: boolean
  next?: string
  /** X-TAXII-Date-Added-Last of the page, when the server sent it. */
  addedLast?: string
}

export interface StatusResource {
  id: string
  status: 'complete' | 'pending'
  totalCount: number
  successCount: number
  failureCount: number
  pendingCount: number
  successes: { id: string; version?: string; message?: string }[]
  failures: { id: string; version?: string; message?: string }[]
  pendings: { id: string; version?: string }[]
}

/** A failure talking to the server, already in words the analyst can act on. */
export class TaxiiError extends ServiceError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super('invalid-input', message)
    this.name = 'TaxiiError'
  }
}

/** Largest TAXII answer read, in bytes: a server sending more is not speaking TAXII as we know it. */
const MAX_ANSWER_BYTES = 256 * 1024 * 1024

/** The URL with a trailing slash (TAXII URLs end in one). */
export const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`)

/** Parses and checks a discovery URL: http(s), no credentials in it. */
export function parseServerUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new TaxiiError(`“${text.slice(0, 200)}” is not a web address; give the server's TAXII discovery URL, e.g. https://cti.example.org/taxii2/.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TaxiiError(`The TAXII server address must start with https:// (or http:// on this machine); not ${url.protocol}.`)
  // Credentials never cross a network in the clear: plain http only to a server on this machine.
  if (url.protocol === 'http:' && !['localhost', '[::1]'].includes(url.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(url.hostname)) {
    throw new TaxiiError(`http:// is only for a server on this machine (localhost); ${url.hostname} must be reached over https:// so the password or token is not sent in the clear.`)
  }
  if (url.username || url.password) throw new TaxiiError('Put the user name and password in the credentials fields, not in the address.')
  url.hash = ''
  return url
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

export class TaxiiClient {
  readonly origin: string
  readonly discoveryUrl: string
  private readonly timeoutMs: number

  constructor(private readonly options: TaxiiClientOptions) {
    const url = parseServerUrl(options.discoveryUrl)
    this.origin = url.origin
    this.discoveryUrl = withSlash(url.href)
    this.timeoutMs = options.timeoutMs ?? 120_000
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const auth = this.options.auth
    const h: Record<string, string> = { Accept: TAXII_MEDIA_TYPE, ...extra }
    if (auth.kind === 'basic') h.Authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`
    if (auth.kind === 'token') h[auth.header] = auth.token
    return h
  }

  /** An absolute URL on the server's origin; anything else is refused. */
  resolve(url: string, base = this.discoveryUrl): string {
    let abs: URL
    try {
      abs = new URL(url, base)
    } catch {
      throw new TaxiiError(`The server gave an address that is not one (“${url.slice(0, 200)}”); it does not speak TAXII 2.1 as expected.`)
    }
    if (abs.origin !== this.origin) throw new TaxiiError(`The server pointed to ${abs.origin}, another server than the one configured (${this.origin}); Watchfloor only talks to the configured server.`)
    return abs.href
  }

  /** One request; follows redirects only within the server's origin; turns every failure into a TaxiiError. */
  async request(method: 'GET' | 'POST', url: string, body?: string): Promise<{ status: number; json: unknown; headers: Headers }> {
    let target = this.resolve(url)
    for (let hops = 0; ; hops++) {
      const signals = [AbortSignal.timeout(this.timeoutMs), ...(this.options.signal ? [this.options.signal] : [])]
      let res: Response
      try {
        res = await fetch(target, {
          method,
          headers: this.headers(body === undefined ? {} : { 'Content-Type': TAXII_MEDIA_TYPE }),
          body,
          redirect: 'manual',
          signal: AbortSignal.any(signals),
        })
      } catch (err) {
        throw this.networkError(err)
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel()
        if (hops >= 5) throw new TaxiiError(`The server at ${this.origin} redirected too many times.`)
        target = this.resolve(res.headers.get('location')!, target)
        continue
      }
      let text: string
      try {
        const declared = Number(res.headers.get('content-length') ?? 0)
        if (declared > MAX_ANSWER_BYTES) throw new TaxiiError(`The server's answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; ask for smaller pages.`)
        text = await res.text()
      } catch (err) {
        if (err instanceof TaxiiError) throw err
        throw this.networkError(err)
      }
      if (!res.ok) throw this.statusError(res.status, text)
      let json: unknown
      try {
        json = text.length > 0 ? JSON.parse(text) : null
      } catch {
        throw new TaxiiError(`The server at ${this.origin} answered ${new URL(target).pathname} with something that is not JSON; it is not a TAXII 2.1 server, or the address is wrong.`)
      }
      return { status: res.status, json, headers: res.headers }
    }
  }

  private networkError(err: unknown): TaxiiError {
    const e = err as Error & { cause?: { code?: string } }
    if (this.options.signal?.aborted) return new TaxiiError('Stopped before the server answered.')
    if (e.name === 'TimeoutError') return new TaxiiError(`The server at ${this.origin} did not answer within ${Math.round(this.timeoutMs / 1000)} seconds; it may be busy or unreachable. Nothing was changed here; try again later.`)
    const code = e.cause?.code
    if (code === 'ECONNREFUSED') return new TaxiiError(`Could not reach the server at ${this.origin}: nothing answers there (connection refused). Check the address, and that the server is running.`)
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new TaxiiError(`Could not reach the server at ${this.origin}: its name does not resolve. Check the address and the network.`)
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new TaxiiError(`The connection to ${this.origin} broke off before the server finished answering. Nothing was changed here; try again.`)
    return new TaxiiError(`Could not reach the server at ${this.origin}: ${code ?? e.message}.`)
  }

  private statusError(status: number, text: string): TaxiiError {
    let said = ''
    try {
      const body = JSON.parse(text) as { title?: unknown; description?: unknown }
      said = [str(body.title), str(body.description)].filter(Boolean).join(': ').slice(0, 300)
    } catch {
      // Not a TAXII error message; the status says enough.
    }
    const tail = said ? ` (the server said: ${said})` : ''
    if (status === 401) return new TaxiiError(`The server at ${this.origin} refused the credentials (401): the user name, password or token is wrong.${tail}`, status)
    if (status === 403) return new TaxiiError(`The server at ${this.origin} does not allow this account to do that (403)${tail}.`, status)
    if (status === 404) return new TaxiiError(`The server at ${this.origin} has no such TAXII resource (404): check the discovery address and the collection.${tail}`, status)
    if (status === 406 || status === 415) return new TaxiiError(`The server at ${this.origin} does not accept TAXII 2.1 (${status}).${tail}`, status)
    if (status === 413) return new TaxiiError(`The server at ${this.origin} refused a page as too large (413); send fewer objects per page.${tail}`, status)
    if (status >= 500) return new TaxiiError(`The server at ${this.origin} failed while answering (${status}); try again later or ask its administrator.${tail}`, status)
    return new TaxiiError(`The server at ${this.origin} refused the request (${status}).${tail}`, status)
  }

  private malformed(what: string): TaxiiError {
    return new TaxiiError(`The server at ${this.origin} sent a malformed TAXII answer: ${what}.`)
  }

  /** The discovery resource: the API roots the server lists (default first). */
  async discover(): Promise<{ title: string; apiRoots: string[] }> {
    const { json } = await this.request('GET', this.discoveryUrl)
    const d = json as { title?: unknown; default?: unknown; api_roots?: unknown }
    if (!d || typeof d !== 'object' || typeof d.title !== 'string') throw this.malformed('its discovery resource has no title')
    const roots = Array.isArray(d.api_roots) ? d.api_roots.filter((r): r is string => typeof r === 'string') : []
    const def = str(d.default)
    const ordered = [...new Set([...(def ? [def] : []), ...roots])].map((r) => withSlash(this.resolve(r)))
    return { title: d.title, apiRoots: ordered }
  }

  async apiRoot(url: string): Promise<ApiRootInfo> {
    const { json } = await this.request('GET', url)
    const r = json as { title?: unknown; max_content_length?: unknown; versions?: unknown }
    if (!r || typeof r !== 'object' || typeof r.title !== 'string') throw this.malformed(`the API root ${url} has no title`)
    if (Array.isArray(r.versions) && !r.versions.some((v) => typeof v === 'string' && v.replace(/\s/g, '').startsWith('application/taxii+json;version=2.1'))) {
      throw new TaxiiError(`The API root ${url} does not offer TAXII 2.1.`)
    }
    const max = typeof r.max_content_length === 'number' && r.max_content_length > 0 ? r.max_content_length : 10 * 1024 * 1024
    return { url: withSlash(this.resolve(url)), title: r.title, maxContentLength: max }
  }

  async collections(apiRoot: string): Promise<CollectionInfo[]> {
    const { json } = await this.request('GET', `${withSlash(apiRoot)}collections/`)
    const list = (json as { collections?: unknown } | null)?.collections ?? []
    if (!Array.isArray(list)) throw this.malformed('its collections list is not a list')
    return list.map((c: Record<string, unknown>) => {
      if (!c || typeof c.id !== 'string' || typeof c.title !== 'string') throw this.malformed('a collection without id or title')
      return { id: c.id, title: c.title, description: str(c.description), canRead: c.can_read === true, canWrite: c.can_write === true, apiRoot: withSlash(apiRoot) }
    })
  }

  private objectsUrl(c: Pick<CollectionInfo, 'apiRoot' | 'id'>): string {
    return `${withSlash(c.apiRoot)}collections/${encodeURIComponent(c.id)}/objects/`
  }

  /** One page of a collection's objects (the latest version of each). */
  async getObjects(c: Pick<CollectionInfo, 'apiRoot' | 'id'>, query: { addedAfter?: string; next?: string; limit?: number; ids?: string[]; allVersions?: boolean } = {}): Promise<Envelope> {
    const url = new URL(this.objectsUrl(c))
    if (query.addedAfter) url.searchParams.set('added_after', query.addedAfter)
    if (query.limit) url.searchParams.set('limit', String(query.limit))
    if (query.next) url.searchParams.set('next', query.next)
    if (query.ids) url.searchParams.set('match[id]', query.ids.join(','))
    if (query.allVersions) url.searchParams.set('match[version]', 'all')
    const { json, headers } = await this.request('GET', url.href)
    const e = (json ?? {}) as { objects?: unknown; more?: unknown; next?: unknown }
    if (typeof e !== 'object') throw this.malformed('an envelope that is not an object')
    const objects = e.objects ?? []
    if (!Array.isArray(objects) || objects.some((o) => !o || typeof o !== 'object' || typeof (o as { id?: unknown }).id !== 'string' || typeof (o as { type?: unknown }).type !== 'string')) {
      throw this.malformed('an envelope whose objects are not STIX objects')
    }
    const more = e.more === true
    const next = str(e.next)
    if (more && !next) throw this.malformed('an envelope says there is more but gives no “next”')
    return { objects: objects as Record<string, unknown>[], more, next, addedLast: headers.get('x-taxii-date-added-last') ?? undefined }
  }

  /** Sends one envelope; answers with the status resource. */
  async addObjects(c: Pick<CollectionInfo, 'apiRoot' | 'id'>, body: string): Promise<StatusResource> {
    const { json } = await this.request('POST', this.objectsUrl(c), body)
    return this.readStatus(json)
  }

  async status(apiRoot: string, id: string): Promise<StatusResource> {
    const { json } = await this.request('GET', `${withSlash(apiRoot)}status/${encodeURIComponent(id)}/`)
    return this.readStatus(json)
  }

  private readStatus(json: unknown): StatusResource {
    const s = json as Record<string, unknown> | null
    if (!s || typeof s.id !== 'string' || (s.status !== 'complete' && s.status !== 'pending')) throw this.malformed('a status resource without id or status')
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is { id: string } => !!x && typeof x.id === 'string') : [])
    const n = (v: unknown) => (typeof v === 'number' ? v : 0)
    return {
      id: s.id,
      status: s.status,
      totalCount: n(s.total_count),
      successCount: n(s.success_count),
      failureCount: n(s.failure_count),
      pendingCount: n(s.pending_count),
      successes: list(s.successes),
      failures: list(s.failures),
      pendings: list(s.pendings),
    }
  }
}
