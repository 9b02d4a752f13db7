// A push to a server that keeps answering “pending”: the wait for each page's status has a deadline, the push then ends saying what was sent and what is not confirmed, and the next push asks about that page first and sends nothing twice.
// medallion confirms every page at once, so a small HTTP stand-in in front of it (everything passed through to the real server) reports its status resources as still pending while `hold` is set.
import { createServer, type Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportStix } from '../../../../electron/core/interchange/stixExport'
import type { SharingService, Target } from '../../../../electron/core/services/SharingService'
import type { SharingProgress } from '../../../../shared/sharing'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { generateIncidents } from '../../../support/generate'
import { closeTestWorkspace, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'
import { plainGetAll, RW_COLLECTION, startTaxiiServer, TAXII_PASSWORD, TAXII_USER, WRITE_ONLY_COLLECTION, type TaxiiServer } from '../../../support/taxiiServer'

/** Passes every request on to the real server; while `hold` is set, a status resource (the answer to a page, or a status read) says the server still works on all but the first `confirm` objects. */
interface PendingStandIn {
  origin: string
  hold: boolean
  confirm: number
  /** Ids of every object sent, in order, over all pushes. */
  posted: string[]
  statusReads: number
  onStatusRead?: () => void
  close(): Promise<void>
}

async function pendingStandIn(): Promise<PendingStandIn> {
  let upstream = ''
  const standIn: PendingStandIn & { server?: Server; upstream(o: string): void } = {
    origin: '',
    hold: true,
    confirm: 0,
    posted: [],
    statusReads: 0,
    upstream: (o) => void (upstream = o),
    close: () => new Promise((resolve) => standIn.server!.close(() => resolve())),
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const url = req.url ?? '/'
      const body = Buffer.concat(chunks)
      const page = req.method === 'POST' && /\/objects\/$/.test(url)
      const statusRead = req.method === 'GET' && /\/status\/[^/]+\/$/.test(url)
      if (page) for (const o of (JSON.parse(body.toString('utf8')) as { objects: { id: string }[] }).objects) standIn.posted.push(o.id)
      if (statusRead) {
        standIn.statusReads++
        standIn.onStatusRead?.()
      }
      const headers: Record<string, string> = {}
      for (const h of ['accept', 'content-type', 'authorization']) if (req.headers[h]) headers[h] = String(req.headers[h])
      const up = await fetch(upstream + url, { method: req.method, headers, body: req.method === 'POST' ? body : undefined })
      let text = await up.text()
      if (standIn.hold && (page || statusRead) && up.ok) {
        const s = JSON.parse(text) as { successes?: { id: string }[] }
        const successes = (s.successes ?? []).slice(0, standIn.confirm)
        const pendings = (s.successes ?? []).slice(standIn.confirm)
        text = JSON.stringify({ ...s, status: 'pending', success_count: successes.length, pending_count: pendings.length, successes, pendings })
      }
      res.writeHead(up.status, { 'Content-Type': up.headers.get('content-type') ?? 'application/taxii+json;version=2.1' })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  standIn.server = server
  standIn.origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  return standIn
}

let configDir: string
let server: TaxiiServer
let standIn: PendingStandIn
const workspaces: TestWorkspace[] = []

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'watchfloor-pending-config-'))
  vi.stubEnv('WATCHFLOOR_CONFIG_DIR', configDir)
  standIn = await pendingStandIn()
  // The real server names the stand-in as its API root, so the client talks to one origin throughout.
  server = await startTaxiiServer({ advertisedOrigin: standIn.origin })
  ;(standIn as unknown as { upstream(o: string): void }).upstream(server.origin)
}, 120_000)

afterAll(async () => {
  for (const t of workspaces) await closeTestWorkspace(t)
  await standIn.close()
  await server.stop()
  vi.unstubAllEnvs()
  await rm(configDir, { recursive: true, force: true })
})

async function workspace(name: string, extra: number): Promise<TestWorkspace & { sharing: SharingService; objects: { id: string }[] }> {
  const data = sampleWorkspace()
  data.incidents.push(...generateIncidents(extra).map((i) => ({ ...i, actorIds: [], attributions: [], sourceIds: [], sample: undefined })))
  const t = await openTestWorkspace(name, { create: { data } })
  workspaces.push(t)
  const objects = exportStix(t.session.services.store.data).objects.filter((o) => o.type !== 'extension-definition')
  return Object.assign(t, { sharing: t.session.services.sharing, objects })
}

const target = (): Target => ({ server: `${standIn.origin}/taxii2/`, auth: { kind: 'basic', user: TAXII_USER, password: TAXII_PASSWORD } })
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: Error) => e.message,
  )
const entryOf = async (t: { sharing: SharingService }, collection: string) => (await t.sharing.state.read()).collections[`${standIn.origin}/team/collections/${collection}/`]
const sentTwice = (ids: string[]) => ids.filter((id, n) => ids.indexOf(id) !== n)

describe('a push whose page the server keeps “pending”', () => {
  it('ends after the deadline saying what was sent, keeps its progress honest, and the next push asks about that page and sends nothing twice', async () => {
    const t = await workspace('pending', 60)
    const total = t.objects.length
    standIn.hold = true
    standIn.confirm = 10
    const seen: (SharingProgress | null)[] = []
    standIn.onStatusRead = () => seen.push(t.sharing.progress)

    const message = await rejection(t.sharing.push(target(), { id: RW_COLLECTION }, { kind: 'all' }, { pageObjects: 40, statusDeadlineMs: 1500 }))
    expect(message).toBe(
      `The server took the last page sent to “Watchfloor incidents” (40 objects) but has not confirmed 30 of them within 2 seconds: it still reports them as pending. ` +
        `So far 10 objects were sent and accepted; ${total - 40} not sent yet. ` +
        'Push again later: the next push asks the server about that page before sending anything and sends again only what the server does not hold, so nothing is sent twice.',
    )
    expect(standIn.posted).toHaveLength(40)
    // While it waited, the progress line said so, and counted nothing as done that the server had not confirmed.
    expect(seen.length).toBeGreaterThan(0)
    expect(seen[0]).toEqual({ stage: `Sent 40 of ${total} objects to “Watchfloor incidents”; waiting for the server to confirm 30 objects of the last page (under a second)…`, done: 0, total })
    expect(t.sharing.progress).toBeNull()
    // The sharing file remembers the 10 confirmed as sent, and the 30 others with the status to ask about.
    const entry = await entryOf(t, RW_COLLECTION)
    expect(Object.keys(entry.sent)).toHaveLength(10)
    expect(entry.inFlight).toHaveLength(30)
    expect(entry.inFlightStatus).toEqual(expect.any(String))

    // Still pending at the next push: it waits again, then ends the same way, sending nothing new.
    const reads = standIn.statusReads
    expect(await rejection(t.sharing.push(target(), { id: RW_COLLECTION }, { kind: 'all' }, { pageObjects: 40, statusDeadlineMs: 1000 }))).toBe(
      'The server has still not confirmed the 30 objects an earlier push sent to “Watchfloor incidents” (waited 1 second more); nothing new was sent. ' +
        'Push again later: the next push asks the server about that page before sending anything and sends again only what the server does not hold, so nothing is sent twice.',
    )
    expect(standIn.statusReads).toBeGreaterThan(reads)
    expect(standIn.posted).toHaveLength(40)

    // The server confirms: the next push takes the page's 30 as there and sends the rest, each object once.
    standIn.hold = false
    standIn.onStatusRead = undefined
    const result = await t.sharing.push(target(), { id: RW_COLLECTION }, { kind: 'all' }, { pageObjects: 40, statusDeadlineMs: 1500 })
    expect(result).toMatchObject({ failures: [], alreadyThere: 30, succeeded: total - 40, unchanged: 10, total })
    expect(sentTwice(standIn.posted)).toEqual([])
    expect(standIn.posted).toHaveLength(total)
    expect((await entryOf(t, RW_COLLECTION)).inFlight).toBeUndefined()
    const onServer = await plainGetAll(server, RW_COLLECTION, true)
    for (const o of t.objects) expect(onServer.filter((s) => s.id === o.id), o.id).toHaveLength(1)
  }, 120_000)

  it('into a write-only collection, learns the page’s fate from its status, not from reading the collection', async () => {
    const t = await workspace('pending-drop-box', 0)
    standIn.posted.length = 0
    standIn.hold = true
    standIn.confirm = 0
    const message = await rejection(t.sharing.push(target(), { id: WRITE_ONLY_COLLECTION }, { kind: 'all' }, { statusDeadlineMs: 1000 }))
    expect(message).toBe(
      `The server took the last page sent to “Drop box” (${t.objects.length} objects) but has not confirmed it within 1 second: it still reports them as pending. So far 0 objects were sent and accepted. ` +
        'Push again later: the next push asks the server about that page before sending anything, and sends those objects again only if the server no longer knows that page (this collection cannot be read to check).',
    )
    standIn.hold = false
    const result = await t.sharing.push(target(), { id: WRITE_ONLY_COLLECTION }, { kind: 'all' })
    expect(result).toMatchObject({ failures: [], alreadyThere: t.objects.length, succeeded: 0, pages: 0 })
    expect(standIn.posted).toHaveLength(t.objects.length)
    expect(sentTwice(standIn.posted)).toEqual([])
  }, 120_000)
})
