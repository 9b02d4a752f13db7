// Starts the real TAXII 2.1 server (medallion, ../shared/taxii-server/run.sh) on a free port for a test (another port when one is taken meanwhile), and talks to it with plain HTTP requests.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RUN = join(import.meta.dirname, '../../../shared/taxii-server/run.sh')

export const TAXII_USER = 'analyst'
export const TAXII_PASSWORD = 'analyst-pass'
export const RW_COLLECTION = '2f1c4b7e-3d5a-4f0e-9c1b-7a8d6e5f4c3b'
export const READ_ONLY_COLLECTION = '8b0e2a6d-1c4f-4e7a-b3d9-5f6a7c8e9d01'
export const WRITE_ONLY_COLLECTION = 'c5d7e9f1-2a3b-4c5d-8e6f-0a1b2c3d4e5f'
const MEDIA = 'application/taxii+json;version=2.1'

export interface TaxiiServer {
  /** The discovery URL. */
  url: string
  origin: string
  /** The API root `team`. */
  apiRoot: string
  /** Stops the server (and everything run.sh started). */
  stop(): Promise<void>
  /** Freezes the server, so requests hang as with a server that is too slow. */
  pause(): void
  resume(): void
}

/** A port nobody listens on right now. Another process may take it before run.sh binds it: startTaxiiServer notices and tries another. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** What medallion (werkzeug) says when its port is taken; run.sh passes the server's output on when it exits. */
const BIND_FAILED = /Address already in use|Errno 98|EADDRINUSE/

/** The port was taken by another process between picking it and the server binding it. */
class PortTaken extends Error {}

export interface TaxiiServerOptions {
  /** The API root's request size limit, in bytes (run.sh's default 9765625). */
  maxContentLength?: number
  /** Picks the port to try; default a free one from the system. Asked again for each retry after a taken port. */
  pickPort?: () => Promise<number>
  /** How many ports to try before giving up. Default 5. */
  attempts?: number
  /** The origin the discovery resource names for the API root (a proxy in front of the server); default the server's own. */
  advertisedOrigin?: string
}

/**
 * Starts run.sh and resolves once it prints `taxii ready` and the server answering there is this one.
 * The port is picked before the server binds it, so another process can take it meanwhile: the server
 * then fails to bind (run.sh exits with medallion's "Address already in use"), or another TAXII server
 * answers in its place (its discovery lacks this start's mark); either way a fresh port is tried.
 */
export async function startTaxiiServer(options: TaxiiServerOptions = {}): Promise<TaxiiServer> {
  const attempts = options.attempts ?? 5
  const taken: number[] = []
  for (;;) {
    const port = await (options.pickPort ?? freePort)()
    try {
      return await startOn(port, options.maxContentLength ?? 9765625, options.advertisedOrigin)
    } catch (err) {
      if (!(err instanceof PortTaken)) throw err
      taken.push(port)
      if (taken.length >= attempts) throw new Error(`the TAXII server could not bind a port: other processes took ${taken.join(', ')} first`)
    }
  }
}

async function startOn(port: number, maxContentLength: number, advertisedOrigin?: string): Promise<TaxiiServer> {
  const mark = randomUUID()
  const dir = await mkdtemp(join(tmpdir(), 'watchfloor-taxii-'))
  const data = join(dir, 'data.json')
  await writeFile(data, dataFile(advertisedOrigin ?? `http://127.0.0.1:${port}`, maxContentLength, mark))
  const child = spawn('bash', [RUN, '--port', String(port), '--data', data], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // Already gone.
    }
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    group('SIGCONT')
    group('SIGTERM')
    await exited
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let out = ''
      let err = ''
      child.stderr!.on('data', (d) => (err += d))
      child.once('exit', (code) => reject(BIND_FAILED.test(err) ? new PortTaken(err) : new Error(`the TAXII server exited with ${code}: ${err}`)))
      child.stdout!.on('data', (d) => {
        out += d
        if (/taxii ready http:\/\/127\.0\.0\.1:\d+\/taxii2\//.test(out)) resolve()
      })
    })
    // run.sh's readiness check only asks whether something on the port takes these credentials: make sure it is this server.
    const origin = `http://127.0.0.1:${port}`
    const res = await fetch(`${origin}/taxii2/`, { headers: { Accept: MEDIA, Authorization: authHeader() } })
    const discovery = (await res.json().catch(() => ({}))) as { description?: string }
    if (!discovery.description?.includes(mark)) throw new PortTaken(`another server answers on port ${port}`)
    return {
      url: `${origin}/taxii2/`,
      origin,
      apiRoot: `${origin}/team/`,
      stop,
      pause: () => group('SIGSTOP'),
      resume: () => group('SIGCONT'),
    }
  } catch (err) {
    await stop()
    throw err
  }
}

const authHeader = (password = TAXII_PASSWORD) => `Basic ${Buffer.from(`${TAXII_USER}:${password}`).toString('base64')}`

/** A plain GET of every object of a collection (all versions with `allVersions`), following `next`. */
export async function plainGetAll(server: TaxiiServer, collection: string, allVersions = false): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  let next: string | undefined
  do {
    const url = new URL(`${server.apiRoot}collections/${collection}/objects/`)
    // medallion wants the limit again with `next`.
    url.searchParams.set('limit', '100')
    if (next) url.searchParams.set('next', next)
    if (allVersions) url.searchParams.set('match[version]', 'all')
    const res = await fetch(url, { headers: { Accept: MEDIA, Authorization: authHeader() } })
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`)
    const body = (await res.json()) as { objects?: Record<string, unknown>[]; more?: boolean; next?: string }
    out.push(...(body.objects ?? []))
    next = body.more ? body.next : undefined
  } while (next)
  return out
}

/** A plain POST of objects to a collection, as another analyst's tool would; resolves with the status resource. */
export async function plainPost(server: TaxiiServer, collection: string, objects: object[]): Promise<{ status: string; success_count: number; failure_count: number }> {
  const res = await fetch(`${server.apiRoot}collections/${collection}/objects/`, {
    method: 'POST',
    headers: { Accept: MEDIA, 'Content-Type': MEDIA, Authorization: authHeader() },
    body: JSON.stringify({ objects }),
  })
  if (res.status !== 202) throw new Error(`POST answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as { status: string; success_count: number; failure_count: number }
}

/** A medallion data file like run.sh's default, with the API root at `origin`, the given size limit per request and `mark` in the discovery's description. */
function dataFile(origin: string, maxContentLength: number, mark: string): string {
  const root = `${origin}/team/`
  const collection = (id: string, title: string, read: boolean, write: boolean) => ({ id, title, description: title, can_read: read, can_write: write, media_types: ['application/stix+json;version=2.1'], objects: [], manifest: [] })
  return JSON.stringify({
    '/discovery': { title: 'Test TAXII server', description: `medallion ${mark}`, default: root, api_roots: [root] },
    team: {
      information: { title: 'Team', description: 'The team’s API root', versions: [MEDIA], max_content_length: maxContentLength },
      status: [],
      collections: [collection(RW_COLLECTION, 'Watchfloor incidents', true, true), collection(READ_ONLY_COLLECTION, 'Partner feed', true, false), collection(WRITE_ONLY_COLLECTION, 'Drop box', false, true)],
    },
  })
}
