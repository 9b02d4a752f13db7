// The handler table driven as the window drives it, through the typed client over a cloning loopback transport.
import { readFile, writeFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Channel, Client } from '../../../shared/contract'
import type { IncidentInput } from '../../../shared/domain'
import type { Workspace } from '../../../shared/workspace'
import { createHandlers, loopback } from '../../../electron/core/handlers'
import type { Session } from '../../../electron/core/session'
import { AUDIT_FILE, type AuditEntry } from '../../../electron/core/store/AuditLog'
import { WORKSPACE_FILE } from '../../../electron/core/store/files'
import { closeTestWorkspace, failure, openTestWorkspace } from '../../support/testWorkspace'

let root: string
let dir: string
let session: Session
let client: Client

beforeEach(async () => {
  ;({ root, dir, session, client } = await openTestWorkspace('handlers', { create: { name: 'Albania desk' } }))
})

afterEach(() => closeTestWorkspace({ root, session }))

const onDisk = async () => JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as Workspace
const fileBytes = () => readFile(join(dir, WORKSPACE_FILE))
const auditLines = async () =>
  (await readFile(join(dir, AUDIT_FILE), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditEntry)


const albania: IncidentInput = { title: 'Wiper attack on Albanian government', start: '2022-07-15', victims: [{ country: 'AL' }], sponsorCountries: ['IR'], types: ['wiper'] }

describe('incidents', () => {
  it('are created, shown in the snapshot and written to the workspace file', async () => {
    const created = await client.incidents.create(albania)
    expect(created.id).toMatch(/^inc-/)
    expect(created).toMatchObject({ title: albania.title, status: 'draft', tlp: 'CLEAR', victims: [{ country: 'AL', sector: '', organisation: '' }] })

    const snapshot = await client.workspace.snapshot()
    expect(snapshot.info).toMatchObject({ name: 'Albania desk', readOnly: null, counts: { incidents: 1, actors: 0, sources: 0 } })
    expect(snapshot.incidents).toEqual([created])
    expect((await onDisk()).incidents).toEqual([created])
  })

  it('are updated in place, keeping their id and creation time', async () => {
    const created = await client.incidents.create(albania)
    const updated = await client.incidents.update({ id: created.id, input: { ...albania, status: 'confirmed', severity: 5 } })
    expect(updated).toMatchObject({ id: created.id, createdAt: created.createdAt, status: 'confirmed', severity: 5 })
    expect((await onDisk()).incidents).toEqual([updated])
  })

  it('can be deleted and the deletion undone with the same id', async () => {
    const created = await client.incidents.create(albania)
    const deleted = await client.incidents.delete({ id: created.id })
    expect((await onDisk()).incidents).toEqual([])
    const restored = await client.incidents.restore(deleted)
    expect(restored.id).toBe(created.id)
    expect((await onDisk()).incidents).toEqual([created])
  })

  it('cannot be restored twice', async () => {
    const created = await client.incidents.create(albania)
    expect((await failure(client.incidents.restore(created))).code).toBe('conflict')
  })

  it('says an incident is gone when updating or deleting an unknown id', async () => {
    const err = await failure(client.incidents.update({ id: 'inc-gone', input: albania }))
    expect(err.code).toBe('not-found')
    expect(err.message).toMatch(/No incident with id inc-gone/)
    expect((await failure(client.incidents.delete({ id: 'inc-gone' }))).code).toBe('not-found')
  })

  it('refuses references to actors and sources that do not exist', async () => {
    const before = await fileBytes()
    const err = await failure(client.incidents.create({ ...albania, actorIds: ['actor-nobody'], sourceIds: ['src-nowhere'] }))
    expect(err.code).toBe('invalid-input')
    expect(err.issues).toEqual([
      { path: 'actorIds.0', message: 'Unknown actor actor-nobody' },
      { path: 'sourceIds.0', message: 'Unknown source src-nowhere' },
    ])
    expect(await fileBytes()).toEqual(before)
  })
})

describe('actors and sources', () => {
  it('are created, updated, deleted and restored', async () => {
    const actor = await client.actors.create({ name: 'Homeland Justice', kind: 'hacktivist-persona', country: 'IR' })
    const renamed = await client.actors.update({ id: actor.id, input: { name: 'HomeLand Justice', kind: 'hacktivist-persona', aliases: ['Homeland Justice'] } })
    expect(renamed).toMatchObject({ id: actor.id, name: 'HomeLand Justice', aliases: ['Homeland Justice'] })
    expect(renamed.country).toBeUndefined()

    const source = await client.sources.create({ title: 'Microsoft on the Albania attacks', url: 'https://www.microsoft.com/security/blog/2022/09/08/', reliability: 'B', credibility: '2' })
    const retitled = await client.sources.update({ id: source.id, input: { title: 'Microsoft Threat Intelligence, 8 Sep 2022', reliability: 'A' } })
    expect(retitled).toMatchObject({ id: source.id, reliability: 'A', credibility: '6', url: '' })

    const data = await onDisk()
    expect(data.actors).toEqual([renamed])
    expect(data.sources).toEqual([retitled])

    const gone = await client.actors.delete({ id: actor.id })
    await client.sources.delete({ id: source.id })
    expect(await onDisk()).toMatchObject({ actors: [], sources: [] })
    await client.actors.restore(gone)
    expect((await onDisk()).actors).toEqual([renamed])
  })

  it('cannot be deleted while an incident still refers to them', async () => {
    const actor = await client.actors.create({ name: 'Homeland Justice', kind: 'hacktivist-persona' })
    const source = await client.sources.create({ title: 'Mandiant report' })
    await client.incidents.create({ ...albania, actorIds: [actor.id], attributions: [{ id: 'a1', attributor: 'Mandiant', attributorKind: 'company', sourceIds: [source.id] }] })
    const before = await fileBytes()

    const actorErr = await failure(client.actors.delete({ id: actor.id }))
    expect(actorErr.code).toBe('conflict')
    expect(actorErr.message).toBe('This actor is still referenced by incident “Wiper attack on Albanian government”. Remove those references first.')
    const sourceErr = await failure(client.sources.delete({ id: source.id }))
    expect(sourceErr.code).toBe('conflict')
    expect(sourceErr.message).toBe('This source is still referenced by attribution by Mandiant in “Wiper attack on Albanian government”. Remove those references first.')
    expect(await fileBytes()).toEqual(before)
  })
})

describe('malformed calls over the transport', () => {
  const invoke = () => loopback(createHandlers(session))

  it.each<[string, () => Promise<unknown>]>([
    ['a number as title', () => client.incidents.create({ ...albania, title: 42 } as never)],
    ['no input at all', () => client.incidents.create(undefined as never)],
    ['an empty object', () => client.actors.create({} as never)],
    ['an update without its id', () => client.incidents.update({ input: albania } as never)],
    ['an update with an empty id', () => client.sources.update({ id: '', input: { title: 'x' } })],
    ['a delete with extra fields', () => client.incidents.delete({ id: 'inc-1', force: true } as never)],
    ['input where none is expected', () => (client.workspace.snapshot as (x: unknown) => Promise<unknown>)({ all: true })],
    ['a restore missing its timestamps', () => client.actors.restore({ id: 'actor-1', name: 'x', kind: 'state' } as never)],
    ['an array instead of a record', () => client.sources.create([] as never)],
    ['a string instead of a list', () => client.incidents.create({ ...albania, victims: 'AL' } as never)],
  ])('refuses %s as invalid input and leaves the file unchanged', async (_, call) => {
    await client.incidents.create(albania)
    const before = await fileBytes()
    const err = await failure(call())
    expect(err.code).toBe('invalid-input')
    expect(err.message).toMatch(/^Invalid input for [a-z]+:[a-zA-Z]+: /)
    expect(await fileBytes()).toEqual(before)
  })

  it('says which field is wrong in words the analyst can act on', async () => {
    const err = await failure(client.incidents.create({ ...albania, title: 42 } as never))
    expect(err.issues).toEqual([{ path: 'title', message: 'Title is required' }])
    expect(err.message).toBe('Invalid input for incidents:create: title: Title is required')
  })

  it('refuses a 5 MB title without echoing it back', async () => {
    const before = await fileBytes()
    const err = await failure(client.incidents.create({ ...albania, title: 'A'.repeat(5 * 1024 * 1024) }))
    expect(err.code).toBe('invalid-input')
    expect(err.message).toBe('Invalid input for incidents:create: title: Title is too long (at most 300 characters)')
    expect(await fileBytes()).toEqual(before)
  })

  it('refuses a channel the contract does not have', async () => {
    const before = await fileBytes()
    const result = await invoke()('incidents:drop' as Channel, { all: true })
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown channel "incidents:drop".' } })
    expect(await fileBytes()).toEqual(before)
  })

  it('refuses a __proto__ key where the call shape is strict, and pollutes nothing', async () => {
    const created = await client.incidents.create(albania)
    const before = await fileBytes()
    const call = JSON.parse(`{"id":"${created.id}","input":{"title":"Renamed"},"__proto__":{"polluted":true}}`)
    const err = await failure(client.incidents.update(call))
    expect(err.code).toBe('invalid-input')
    expect(err.message).toMatch(/Unrecognized key: "__proto__"/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await fileBytes()).toEqual(before)
  })

  it('drops __proto__ and constructor keys inside a record, so they never reach the file or Object.prototype', async () => {
    const input = JSON.parse(`{"title":"Looks harmless","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`)
    const created = await client.incidents.create(input)
    expect(Object.keys(created)).not.toContain('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const text = await readFile(join(dir, WORKSPACE_FILE), 'utf8')
    expect(text).not.toContain('__proto__')
    expect(text).not.toContain('polluted')
  })
})

describe('the audit log', () => {
  it('gets one line per change naming the user, the action, the record and the changed fields', async () => {
    const actor = await client.actors.create({ name: 'Homeland Justice', kind: 'hacktivist-persona' })
    const created = await client.incidents.create(albania)
    await client.incidents.update({ id: created.id, input: { ...albania, severity: 5, actorIds: [actor.id] } })
    const deleted = await client.incidents.delete({ id: created.id })
    await client.incidents.restore(deleted)
    await failure(client.incidents.create({ title: '' }))

    const lines = await auditLines()
    expect(lines.map((l) => [l.action, l.collection, l.id])).toEqual([
      ['create', 'actors', actor.id],
      ['create', 'incidents', created.id],
      ['update', 'incidents', created.id],
      ['delete', 'incidents', created.id],
      ['restore', 'incidents', created.id],
    ])
    expect(lines.every((l) => l.user === userInfo().username)).toBe(true)
    expect(lines.every((l) => !Number.isNaN(Date.parse(l.at)))).toBe(true)
    expect(lines[2]).toMatchObject({ title: 'Wiper attack on Albanian government', fields: ['actorIds', 'severity'] })
    expect(lines[1].fields).toContain('title')
  })
})

describe('the workspace itself', () => {
  it('answers no-workspace when none is open', async () => {
    await session.close()
    const err = await failure(client.incidents.create(albania))
    expect(err.code).toBe('no-workspace')
    expect(err.message).toMatch(/No workspace is open/)
  })

  it('is restored from a backup through the client when the file is damaged', async () => {
    await client.incidents.create(albania)
    await session.close()
    // Reopening takes a backup of the good file.
    await session.open(dir)
    await session.close()
    await writeFile(join(dir, WORKSPACE_FILE), '{"schemaVersion":1,"name":')
    await session.open(dir)

    const info = await client.workspace.info()
    expect(info.readOnly).toMatch(/not valid JSON/)
    expect(info.restorableBackup).toMatch(/workspace-\d{8}T\d{9}Z\.json$/)
    expect((await failure(client.incidents.create(albania))).code).toBe('read-only')

    const restored = await client.workspace.restoreBackup()
    expect(restored).toMatchObject({ readOnly: null, restorableBackup: null, counts: { incidents: 1 } })
    expect((await onDisk()).incidents.map((i) => i.title)).toEqual([albania.title])
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'restore-backup', collection: 'workspace' })
  })
})
