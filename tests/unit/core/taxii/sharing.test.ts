// Team sync against the real TAXII 2.1 server (medallion): test, push (only what changed, resumable), pull through the import preview, rights and failures in plain words, and credentials kept out of the workspace.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { incidentStixId } from '../../../../electron/core/interchange/stixExport'
import { exportStix } from '../../../../electron/core/interchange/stixExport'
import { TaxiiClient } from '../../../../electron/core/taxii/TaxiiClient'
import type { SharingService, Target } from '../../../../electron/core/services/SharingService'
import { closeTestWorkspace, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'
import { oasisErrors } from '../../../support/oasisStix'
import { generateIncidents } from '../../../support/generate'
import { plainGetAll, plainPost, READ_ONLY_COLLECTION, RW_COLLECTION, startTaxiiServer, TAXII_PASSWORD, TAXII_USER, WRITE_ONLY_COLLECTION, type TaxiiServer } from '../../../support/taxiiServer'
import { filesUnder } from '../../../support/folder'

let configDir: string
const workspaces: TestWorkspace[] = []
const consoleLines: string[] = []

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'watchfloor-sharing-config-'))
  vi.stubEnv('WATCHFLOOR_CONFIG_DIR', configDir)
  for (const level of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')))
})

afterAll(async () => {
  // Credentials never land in the workspace folder (file, backups, exports, audit log, sharing file) nor in what was logged.
  for (const t of workspaces) {
    for (const file of await filesUnder(t.dir)) expect(await readFile(file, 'utf8'), file).not.toContain(TAXII_PASSWORD)
    await closeTestWorkspace(t)
  }
  expect(consoleLines.join('\n')).not.toContain(TAXII_PASSWORD)
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  await rm(configDir, { recursive: true, force: true })
})


async function workspace(name: string, data = sampleWorkspace()): Promise<TestWorkspace & { sharing: SharingService }> {
  const t = await openTestWorkspace(name, { create: { data } })
  workspaces.push(t)
  return Object.assign(t, { sharing: t.session.services.sharing })
}

const target = (server: TaxiiServer, password = TAXII_PASSWORD): Target => ({ server: server.url, auth: { kind: 'basic', user: TAXII_USER, password } })
const workspaceBytes = async (t: TestWorkspace) => {
  await t.session.services.store.flush()
  return readFile(join(t.dir, 'workspace.json'))
}
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: Error) => e.message,
  )

describe('pushing to a real TAXII server', () => {
  let server: TaxiiServer
  beforeAll(async () => {
    server = await startTaxiiServer()
  }, 120_000)
  afterAll(() => server.stop())

  it('tests a connection: API roots, collections with titles and rights', async () => {
    const t = await workspace('test')
    const test = await t.sharing.test(target(server))
    expect(test.title).toBe('Test TAXII server')
    expect(test.apiRoots.map((r) => r.title)).toEqual(['Team'])
    expect(test.apiRoots[0].collections.map((c) => [c.title, c.canRead, c.canWrite])).toEqual([
      ['Watchfloor incidents', true, true],
      ['Partner feed', true, false],
      ['Drop box', false, true],
    ])
    // The server redirects an address without its trailing slash to the one with it, on its own origin: followed.
    const client = new TaxiiClient({ discoveryUrl: server.url, auth: { kind: 'basic', user: TAXII_USER, password: TAXII_PASSWORD } })
    expect(((await client.request('GET', server.url.replace(/\/$/, ''))).json as { title: string }).title).toBe('Test TAXII server')
  })

  it('pushes the sample, every object readable and valid; a second push sends only what changed', async () => {
    const t = await workspace('push')
    // Extension definitions stay home (see SharingService.push); everything else goes.
    const before = exportStix(t.session.services.store.data).objects.filter((o) => o.type !== 'extension-definition')
    const first = await t.sharing.push(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { kind: 'all' })
    expect(first).toMatchObject({ collection: 'Watchfloor incidents', total: before.length, unchanged: 0, succeeded: before.length, failures: [] })

    const onServer = await plainGetAll(server, RW_COLLECTION)
    const byId = new Map(onServer.map((o) => [o.id as string, o]))
    for (const o of before) expect(byId.get(o.id), o.id).toEqual(o)
    expect(oasisErrors(onServer as { type: string; id: string }[])).toEqual([])

    const again = await t.sharing.push(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { kind: 'all' })
    expect(again).toMatchObject({ total: before.length, unchanged: before.length, succeeded: 0, pages: 0 })

    const incident = t.session.services.store.data.incidents[0]
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = incident
    await t.client.incidents.update({ id: incident.id, input: { ...input, summary: `${incident.summary} Updated after the push.` } })
    const after = exportStix(t.session.services.store.data).objects.filter((o) => o.type !== 'extension-definition')
    const version = (o: object) => String((o as { modified?: unknown }).modified ?? (o as { created?: unknown }).created)
    const was = new Map(before.map((o) => [o.id, version(o)]))
    const changed = after.filter((o) => was.get(o.id) !== version(o)).map((o) => o.id)
    expect(changed).toContain(incidentStixId(incident))
    expect(changed.length).toBeLessThan(after.length / 4)

    const third = await t.sharing.push(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { kind: 'all' })
    expect(third).toMatchObject({ succeeded: changed.length, unchanged: after.length - changed.length, failures: [] })
    const latest = await plainGetAll(server, RW_COLLECTION)
    expect((latest.find((o) => o.id === incidentStixId(incident)) as { description: string }).description).toContain('Updated after the push.')
    expect(oasisErrors(latest as { type: string; id: string }[])).toEqual([])
  })

  it('resumes an interrupted push without sending anything twice', async () => {
    const data = sampleWorkspace()
    data.incidents.push(...generateIncidents(60).map((i) => ({ ...i, actorIds: [], attributions: [], sourceIds: [], sample: undefined })))
    const t = await workspace('resume', data)
    const objects = exportStix(t.session.services.store.data).objects.filter((o) => o.type !== 'extension-definition')
    const stop = new AbortController()
    const message = await rejection(
      t.sharing.push(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { kind: 'all' }, { pageObjects: 40, signal: stop.signal, onProgress: (p) => p.done >= 80 && stop.abort() }),
    )
    expect(message).toMatch(/Stopped before the server/)
    const resumed = await t.sharing.push(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { kind: 'all' }, { pageObjects: 40 })
    expect(resumed.failures).toEqual([])
    // The sample's objects went up in the test before: those are unchanged; the rest went up once, over the two pushes.
    expect(resumed.unchanged + resumed.succeeded + resumed.alreadyThere).toBe(objects.length)
    const versions = await plainGetAll(server, RW_COLLECTION, true)
    const mine = new Set(objects.map((o) => o.id))
    const copies = new Map<string, number>()
    for (const o of versions) if (mine.has(o.id as string)) copies.set(`${o.id} ${o.modified ?? o.created}`, (copies.get(`${o.id} ${o.modified ?? o.created}`) ?? 0) + 1)
    expect([...copies.values()].filter((n) => n > 1)).toEqual([])
    expect(new Set(versions.map((o) => o.id)).size).toBeGreaterThanOrEqual(mine.size)
    for (const id of mine) expect(versions.some((o) => o.id === id), id).toBe(true)
  })

  it('refuses in plain words: a read-only collection, a write-only one, a wrong password, a slow server; the workspace stays as it was', async () => {
    const t = await workspace('refusals')
    const bytes = await workspaceBytes(t)
    expect(await rejection(t.sharing.push(target(server), { apiRoot: server.apiRoot, id: READ_ONLY_COLLECTION }, { kind: 'all' }))).toMatch(/“Partner feed” is read only for this account/)
    expect(await rejection(t.sharing.pull(target(server), { apiRoot: server.apiRoot, id: WRITE_ONLY_COLLECTION }))).toMatch(/“Drop box” is write only/)
    expect(await rejection(t.sharing.test(target(server, 'not-the-password')))).toMatch(/refused the credentials \(401\)/)
    expect(await rejection(t.sharing.pull(target(server, 'not-the-password'), { apiRoot: server.apiRoot, id: RW_COLLECTION }))).toMatch(/refused the credentials/)

    // The server's own answer when a client writes where it may not.
    const client = new TaxiiClient({ discoveryUrl: server.url, auth: { kind: 'basic', user: TAXII_USER, password: TAXII_PASSWORD } })
    expect(await rejection(client.addObjects({ apiRoot: server.apiRoot, id: READ_ONLY_COLLECTION }, JSON.stringify({ objects: [] })))).toMatch(/does not allow this account to do that \(403\)/)
    expect(await rejection(client.getObjects({ apiRoot: server.apiRoot, id: WRITE_ONLY_COLLECTION }))).toMatch(/\(403\)/)
    expect(() => client.resolve('http://elsewhere.example/taxii2/')).toThrow(/another server than the one configured/)

    // An API token the server does not take; an address that answers JSON but not TAXII; the server failing (medallion answers 500 to a `next` without `limit`).
    expect(await rejection(t.sharing.test({ server: server.url, auth: { kind: 'token', header: 'Authorization', token: 'Bearer not-a-token' } }))).toMatch(/refused the credentials \(401\)/)
    expect(await rejection(t.sharing.test({ server: `${server.apiRoot}collections/`, auth: { kind: 'basic', user: TAXII_USER, password: TAXII_PASSWORD } }))).toMatch(/sent a malformed TAXII answer: its discovery resource has no title/)
    const T = '2026-03-01T10:00:00.000Z'
    await plainPost(server, RW_COLLECTION, [1, 2, 3].map((n) => ({ type: 'indicator', spec_version: '2.1', id: `indicator--0d9c8b7a-0000-4000-8000-00000000000${n}`, created: T, modified: T, pattern: `[ipv4-addr:value = '192.0.2.${n}']`, pattern_type: 'stix', valid_from: T })))
    const first = await client.getObjects({ apiRoot: server.apiRoot, id: RW_COLLECTION }, { limit: 2 })
    expect(first.more).toBe(true)
    expect(await rejection(client.getObjects({ apiRoot: server.apiRoot, id: RW_COLLECTION }, { next: first.next }))).toMatch(/failed while answering \(500\); try again later/)
    expect(await rejection(t.sharing.test({ server: `${server.origin}/no-such-place/`, auth: { kind: 'basic', user: TAXII_USER, password: TAXII_PASSWORD } }))).toMatch(/has no such TAXII resource \(404\)/)

    server.pause()
    try {
      expect(await rejection(t.sharing.test(target(server), { timeoutMs: 1500 }))).toMatch(/did not answer within 2 seconds/)
    } finally {
      server.resume()
    }
    expect(await workspaceBytes(t)).toEqual(bytes)
  })
})

describe('a server with a small size limit per request', () => {
  let server: TaxiiServer
  beforeAll(async () => {
    server = await startTaxiiServer({ maxContentLength: 16_000 })
  }, 120_000)
  afterAll(() => server.stop())

  it('pages a push under the limit, and refuses an object too big for it before sending anything', async () => {
    const t = await workspace('limit')
    const result = await t.sharing.push(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { kind: 'all' })
    expect(result.failures).toEqual([])
    expect(result.pages).toBeGreaterThan(1)
    expect((await plainGetAll(server, RW_COLLECTION)).length).toBe(result.total)

    const big = await workspace('too-big')
    const incident = big.session.services.store.data.incidents[0]
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = incident
    await big.client.incidents.update({ id: incident.id, input: { ...input, summary: 'A very long account. '.repeat(900) } })
    const bytes = await workspaceBytes(big)
    const sharingBefore = await readFile(join(big.dir, 'sharing.json'), 'utf8').catch(() => null)
    expect(await rejection(big.sharing.push(target(server), { apiRoot: server.apiRoot, id: WRITE_ONLY_COLLECTION }, { kind: 'all' }))).toMatch(/more than the server accepts in one request .* Nothing was sent/)
    expect(await workspaceBytes(big)).toEqual(bytes)
    expect(await readFile(join(big.dir, 'sharing.json'), 'utf8').catch(() => null)).toEqual(sharingBefore)

    // A page over the limit, sent anyway, gets the server's 413 in plain words.
    const client = new TaxiiClient({ discoveryUrl: server.url, auth: { kind: 'basic', user: TAXII_USER, password: TAXII_PASSWORD } })
    const objects = exportStix(big.session.services.store.data).objects
    expect(await rejection(client.addObjects({ apiRoot: server.apiRoot, id: RW_COLLECTION }, JSON.stringify({ objects })))).toMatch(/refused a page as too large \(413\)/)
  })
})

describe('pulling another analyst’s objects', () => {
  let server: TaxiiServer
  beforeAll(async () => {
    server = await startTaxiiServer()
  }, 120_000)
  afterAll(() => server.stop())

  const T = '2026-03-01T10:00:00.000Z'
  const id = (type: string, n: number) => `${type}--7d3b1c2e-0000-4000-8000-${String(n).padStart(12, '0')}`
  const theirs = [
    { type: 'incident', spec_version: '2.1', id: id('incident', 1), created: T, modified: T, name: 'Wiper on a port operator', description: 'Partner reporting.', x_partner_case: 'PX-17' },
    { type: 'threat-actor', spec_version: '2.1', id: id('threat-actor', 2), created: T, modified: T, name: 'Harbour Spider', threat_actor_types: ['nation-state'], x_partner_rating: 4 },
    { type: 'relationship', spec_version: '2.1', id: id('relationship', 3), created: T, modified: T, relationship_type: 'attributed-to', source_ref: id('incident', 1), target_ref: id('threat-actor', 2) },
    { type: 'indicator', spec_version: '2.1', id: id('indicator', 4), created: T, modified: T, pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: T },
    { type: 'malware', spec_version: '2.1', id: id('malware', 5), created: T, modified: T, name: 'PortWipe', is_family: true },
    { type: 'x-partner-watchlist', spec_version: '2.1', id: id('x-partner-watchlist', 6), created: T, modified: T, entries: ['one', 'two'] },
  ]

  it('previews every object, commits, and a second pull brings nothing new', async () => {
    expect(await plainPost(server, RW_COLLECTION, theirs)).toMatchObject({ status: 'complete', success_count: theirs.length, failure_count: 0 })
    const t = await workspace('pull', { ...sampleWorkspace(), incidents: [], actors: [], sources: [], notes: [], reports: [] })
    const bytes = await workspaceBytes(t)
    const pulled = await t.sharing.pull(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { pageObjects: 2 })
    expect(pulled).toMatchObject({ collection: 'Watchfloor incidents', fetched: theirs.length, pages: 3 })
    const p = pulled.preview!
    expect(p.total).toBe(theirs.length)
    expect(Object.values(p.totals).reduce((a, b) => a + b, 0)).toBe(theirs.length)
    expect(p.totals).toMatchObject({ new: 2, merged: 1, kept: 3, skipped: 0, duplicate: 0, updated: 0 })
    expect(p.writes).toMatchObject({ incidents: 1, actors: 1, kept: 3 })
    expect(await workspaceBytes(t)).toEqual(bytes)

    await t.client.interchange.commit({ token: p.token })
    const snap = await t.client.workspace.snapshot()
    expect(snap.incidents.map((i) => i.title)).toEqual(['Wiper on a port operator'])
    expect(snap.actors.map((a) => a.name)).toEqual(['Harbour Spider'])
    expect(snap.incidents[0].stix?.extra).toMatchObject({ x_partner_case: 'PX-17' })

    expect(await t.sharing.pull(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION })).toMatchObject({ fetched: 0, preview: null })

    const later = { type: 'incident', spec_version: '2.1', id: id('incident', 7), created: T, modified: T, name: 'Second partner case' }
    await plainPost(server, RW_COLLECTION, [later])
    const next = await t.sharing.pull(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION })
    expect(next).toMatchObject({ fetched: 1 })
    expect(next.preview!.totals.new).toBe(1)
  })

  it('a pull the server dies in the middle of says so and changes nothing', async () => {
    const more = Array.from({ length: 30 }, (_, n) => ({ type: 'indicator', spec_version: '2.1', id: id('indicator', 100 + n), created: T, modified: T, pattern: `[ipv4-addr:value = '203.0.113.${n}']`, pattern_type: 'stix', valid_from: T }))
    await plainPost(server, RW_COLLECTION, more)
    const t = await workspace('killed')
    const bytes = await workspaceBytes(t)
    let killed: Promise<void> | null = null
    const message = await rejection(
      t.sharing.pull(target(server), { apiRoot: server.apiRoot, id: RW_COLLECTION }, { pageObjects: 5, onProgress: () => void (killed ??= server.stop()) }).finally(() => killed),
    )
    expect(message).toMatch(/Could not reach the server at http:\/\/127\.0\.0\.1:\d+: nothing answers there|connection to .* broke off/)
    expect(await workspaceBytes(t)).toEqual(bytes)
    expect(await readFile(join(t.dir, 'sharing.json'), 'utf8').catch(() => 'none')).toBe('none')
  })
})

describe('saved connections', () => {
  let server: TaxiiServer
  beforeAll(async () => {
    server = await startTaxiiServer()
  }, 120_000)
  afterAll(() => server.stop())

  it('keeps the password in a 0600 file outside the workspace and tells the window only that one is saved', async () => {
    const t = await workspace('connections')
    const saved = await t.client.sharing.save({ name: 'Team server', server: server.url, auth: 'basic', user: TAXII_USER, secret: TAXII_PASSWORD })
    expect(saved).toMatchObject({ name: 'Team server', savedCredentials: true })
    const overview = await t.client.sharing.list()
    expect(JSON.stringify(overview)).not.toContain(TAXII_PASSWORD)
    expect(overview.connections.map((c) => [c.name, c.user, c.savedCredentials])).toEqual([['Team server', TAXII_USER, true]])

    const secrets = join(configDir, 'secrets.json')
    expect((await stat(secrets)).mode & 0o777).toBe(0o600)
    expect(await readFile(secrets, 'utf8')).toContain(TAXII_PASSWORD)
    expect(await readFile(join(t.dir, 'sharing.json'), 'utf8')).not.toContain(TAXII_PASSWORD)

    const test = await t.client.sharing.test({ id: saved.id })
    expect(JSON.stringify(test)).not.toContain(TAXII_PASSWORD)
    const pushed = await t.client.sharing.push({ connection: saved.id, collection: { apiRoot: server.apiRoot, id: RW_COLLECTION }, scope: { kind: 'filter', filter: { ...(await import('../../../../shared/filter')).EMPTY_FILTER, victim: 'AL' } } })
    expect(pushed.succeeded).toBeGreaterThan(0)
    expect(pushed.succeeded).toBeLessThan(exportStix(t.session.services.store.data).objects.length)
    const exported = await t.client.interchange.export({ format: 'stix', scope: { kind: 'all' } })
    expect(await readFile(exported.path, 'utf8')).not.toContain(TAXII_PASSWORD)
  })
})
