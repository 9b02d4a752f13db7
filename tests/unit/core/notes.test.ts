// Notes through the handler table (links checked, backlinks block deletion, undo) and the 1 → 2 workspace migration.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Client } from '../../../shared/contract'
import { migrate, SCHEMA_VERSION, type Workspace } from '../../../shared/workspace'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { Session } from '../../../electron/core/session'
import { validateWorkspace } from '../../../electron/core/store/validate'
import { WORKSPACE_FILE } from '../../../electron/core/store/files'
import { closeTestWorkspace, failure, openTestWorkspace } from '../../support/testWorkspace'

let root: string
let dir: string
let session: Session
let client: Client

beforeEach(async () => {
  ;({ root, dir, session, client } = await openTestWorkspace('notes', { create: { data: sampleWorkspace() } }))
})

afterEach(() => closeTestWorkspace({ root, session }))


describe('notes', () => {
  it('are created with links and an attached incident, counted and written to disk', async () => {
    const note = await client.notes.create({ title: 'Timing of the wiper', body: 'Before the MEK summit: see [[inc-albania-2022-07]] and [[actor-iran]].', incidentId: 'inc-albania-2022-07', date: '2022-07' })
    expect(note).toMatchObject({ id: expect.stringMatching(/^note-/), pinned: false, tags: [], date: '2022-07' })
    const snap = await client.workspace.snapshot()
    expect(snap.notes.map((n) => n.title)).toEqual(['Timing of the wiper'])
    expect(snap.info.counts.notes).toBe(1)
    await session.services.store.flush()
    const disk = JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as Workspace
    expect(disk.schemaVersion).toBe(SCHEMA_VERSION)
    expect(disk.notes[0].body).toContain('[[inc-albania-2022-07]]')
  })

  it('saves a link to a record that does not exist (shown as broken), and refuses an attachment to one', async () => {
    const saved = await client.notes.create({ title: 'Dangling', body: 'See [[inc-nowhere]].' })
    expect(saved.body).toBe('See [[inc-nowhere]].')
    const attached = await failure(client.notes.create({ title: 'Dangling', incidentId: 'inc-nowhere' }))
    expect(attached.issues).toEqual([{ path: 'incidentId', message: 'Unknown incident inc-nowhere' }])
  })

  it('refuses an empty title with a clear message', async () => {
    const err = await failure(client.notes.create({ title: '  ', body: 'x' }))
    expect(err.issues).toEqual([{ path: 'title', message: 'Title is required' }])
  })

  it('keep the incident they mention from being deleted, and delete with undo', async () => {
    const note = await client.notes.create({ title: 'On TIMS', body: 'Second attack: [[inc-albania-tims-2022-09]]' })
    const blocked = await failure(client.incidents.delete({ id: 'inc-albania-tims-2022-09' }))
    expect(blocked.code).toBe('conflict')
    expect(blocked.message).toContain('note “On TIMS”')
    const removed = await client.notes.delete({ id: note.id })
    expect((await client.workspace.snapshot()).notes).toEqual([])
    await client.notes.restore(removed)
    expect((await client.workspace.snapshot()).notes).toEqual([note])
  })

  it('may link to themselves and to other notes; a linked note cannot be deleted', async () => {
    const a = await client.notes.create({ title: 'A', body: '' })
    const b = await client.notes.create({ title: 'B', body: `Builds on [[${a.id}]]` })
    const updated = await client.notes.update({ id: a.id, input: { title: 'A', body: `Self [[${a.id}]], see [[${b.id}]]` } })
    expect(updated.body).toContain(b.id)
    expect((await failure(client.notes.delete({ id: a.id }))).message).toContain('note “B”')
  })
})

describe('workspace versions 1, 2 and 3 → 6 (notes arrive in version 3, kept STIX objects in version 4)', () => {
  it('adds an empty notes list and an empty list of kept objects, and keeps every record', () => {
    const v2 = { schemaVersion: 2, name: 'Albania desk', createdAt: '2026-01-01T00:00:00.000Z', incidents: [{ id: 'x' }], actors: [], sources: [], reports: [] }
    expect(SCHEMA_VERSION).toBe(6)
    expect(migrate(structuredClone(v2))).toEqual({ kind: 'migrated', from: 2, data: { ...v2, schemaVersion: 6, notes: [], foreign: [] } })
    const { reports: _reports, ...v1 } = { ...v2, schemaVersion: 1 }
    expect(migrate(structuredClone(v1))).toEqual({ kind: 'migrated', from: 1, data: { ...v1, schemaVersion: 6, reports: [], notes: [], foreign: [] } })
    const v3 = { ...v2, schemaVersion: 3, notes: [] }
    expect(migrate(structuredClone(v3))).toEqual({ kind: 'migrated', from: 3, data: { ...v3, schemaVersion: 6, foreign: [] } })
  })

  it('opens a version 1 file, migrates it on disk and validates it', async () => {
    const old = join(root, 'old')
    await mkdir(old)
    const { notes: _notes, reports: _reports, foreign: _foreign, ...rest } = sampleWorkspace()
    await writeFile(join(old, WORKSPACE_FILE), JSON.stringify({ ...rest, schemaVersion: 1 }))
    const before = await validateWorkspace(old)
    expect(before.ok && before.warnings).toEqual([`The file is at schema version 1; opening it in Watchfloor migrates it to ${SCHEMA_VERSION}.`])
    const s = new Session()
    await s.open(old)
    expect(s.info()).toMatchObject({ schemaVersion: 6, readOnly: null, counts: { incidents: 14, notes: 0 } })
    await s.close()
    const disk = JSON.parse(await readFile(join(old, WORKSPACE_FILE), 'utf8')) as Workspace
    expect(disk.schemaVersion).toBe(6)
    expect(disk.foreign).toEqual([])
    expect(disk.notes).toEqual([])
    expect(disk.reports).toEqual([])
  })

  it('reports a note attached to a missing incident when validating a file, and its broken links as warnings', async () => {
    const ws = sampleWorkspace()
    ws.notes.push({ id: 'note-1', title: 'Broken', body: 'see [[inc-gone]]', tags: [], pinned: false, incidentId: 'inc-gone2', createdAt: ws.createdAt, updatedAt: ws.createdAt })
    const bad = join(root, 'bad')
    await mkdir(bad)
    await writeFile(join(bad, WORKSPACE_FILE), JSON.stringify(ws))
    const result = await validateWorkspace(bad)
    expect(result.ok ? [] : result.problems).toEqual(['note note-1: incidentId: Unknown incident inc-gone2'])
    ws.notes[0].incidentId = undefined
    await writeFile(join(bad, WORKSPACE_FILE), JSON.stringify(ws))
    const linksOnly = await validateWorkspace(bad)
    expect(linksOnly.ok && linksOnly.warnings).toEqual(['note note-1: the link [[inc-gone]] names no incident, actor, source or note (shown as broken until relinked)'])
  })
})
