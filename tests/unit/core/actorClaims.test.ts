// Actors in claims: the 5 → 6 migration (run from a version-4 or version-3 file) linking attributors and responders by name or alias, the backup taken before it, and the integrity rules on the links.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../../electron/core/store/backups'
import { WORKSPACE_FILE } from '../../../electron/core/store/files'
import { Session } from '../../../electron/core/session'
import { integrityProblems, repairWorkspace } from '../../../shared/integrity'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { migrate, WorkspaceSchema, type Workspace } from '../../../shared/workspace'
import { closeTestWorkspace, failure, openTestWorkspace } from '../../support/testWorkspace'

const NOW = '2026-01-01T00:00:00.000Z'
const stamp = { createdAt: NOW, updatedAt: NOW }

function actor(id: string, name: string, aliases: string[] = []) {
  return { id, name, aliases, kind: 'state', description: '', ...stamp }
}

/** A version-4 file: actors, and one incident whose claims name them in several ways. */
function version4(): Record<string, unknown> {
  return {
    schemaVersion: 4,
    name: 'Balkans desk',
    createdAt: NOW,
    actors: [
      actor('actor-al', 'Albania', ['Government of Albania', 'Republic of Albania']),
      actor('actor-us', 'United States', ['USA']),
      actor('actor-nato', 'NATO', ['North Atlantic Treaty Organization']),
      // Two actors share the alias "Council": a label naming it must stay unlinked.
      actor('actor-eu-council', 'Council of the European Union', ['Council']),
      actor('actor-coe', 'Council of Europe', ['Council']),
    ],
    sources: [],
    notes: [],
    reports: [],
    foreign: [],
    incidents: [
      {
        id: 'inc-1',
        title: 'Destructive attack on Albanian government systems',
        summary: '',
        ...stamp,
        attributions: [
          { id: 'att-name', attributor: '  albania ', attributorKind: 'government', basis: [], statement: '', sourceIds: [] },
          { id: 'att-alias', attributor: 'GOVERNMENT   of  ALBANIA', attributorKind: 'government', basis: [], statement: '', sourceIds: [] },
          { id: 'att-none', attributor: 'Mandiant', attributorKind: 'company', basis: [], statement: '', sourceIds: [] },
          { id: 'att-two', attributor: 'Council', attributorKind: 'international-org', basis: [], statement: '', sourceIds: [] },
        ],
        responses: [
          { id: 'resp-alias', actor: 'usa', type: 'sanctions', target: '', description: '', sourceIds: [] },
          { id: 'resp-name', actor: 'NATO', type: 'alliance-statement', target: '', description: '', sourceIds: [] },
          { id: 'resp-none', actor: 'US Department of the Treasury (OFAC)', type: 'sanctions', target: '', description: '', sourceIds: [] },
        ],
      },
    ],
  }
}

type Claims = { attributions: { id: string; attributor: string; attributorActorId?: string }[]; responses: { id: string; actor: string; actorId?: string }[] }

function linksOf(data: Record<string, unknown>) {
  const inc = (data.incidents as Claims[])[0]
  return {
    attributions: Object.fromEntries(inc.attributions.map((a) => [a.id, [a.attributor, a.attributorActorId ?? null]])),
    responses: Object.fromEntries(inc.responses.map((r) => [r.id, [r.actor, r.actorId ?? null]])),
  }
}

const EXPECTED = {
  attributions: {
    'att-name': ['  albania ', 'actor-al'],
    'att-alias': ['GOVERNMENT   of  ALBANIA', 'actor-al'],
    'att-none': ['Mandiant', null],
    'att-two': ['Council', null],
  },
  responses: {
    'resp-alias': ['usa', 'actor-us'],
    'resp-name': ['NATO', 'actor-nato'],
    'resp-none': ['US Department of the Treasury (OFAC)', null],
  },
}

describe('migration to 6: claims link to actors', () => {
  it('links attributors and responders by name or alias, ignoring case and spacing, keeping every label; unmatched and ambiguous labels stay text only', () => {
    const outcome = migrate(version4())
    expect(outcome.kind).toBe('migrated')
    if (outcome.kind !== 'migrated') return
    expect(outcome.from).toBe(4)
    expect(outcome.data.schemaVersion).toBe(6)
    expect(linksOf(outcome.data)).toEqual(EXPECTED)
    expect(() => WorkspaceSchema.parse(outcome.data)).not.toThrow()
    expect(integrityProblems(WorkspaceSchema.parse(outcome.data))).toEqual([])
  })

  it('migrates a version-3 file the same way (kept objects added, claims linked)', () => {
    const { foreign: _foreign, ...v3 } = { ...version4(), schemaVersion: 3 } as Record<string, unknown>
    const outcome = migrate(v3)
    expect(outcome.kind).toBe('migrated')
    if (outcome.kind !== 'migrated') return
    expect(outcome.from).toBe(3)
    expect(outcome.data.foreign).toEqual([])
    expect(linksOf(outcome.data)).toEqual(EXPECTED)
  })

  it('links a version-5 file’s claims the same way', () => {
    const outcome = migrate({ ...version4(), schemaVersion: 5 })
    expect(outcome.kind === 'migrated' && outcome.from).toBe(5)
    expect(outcome.kind === 'migrated' && linksOf(outcome.data)).toEqual(EXPECTED)
  })

  it('keeps a link already there and skips content not shaped like a workspace', () => {
    const data = version4()
    const claims = (data.incidents as Claims[])[0]
    claims.attributions[0].attributorActorId = 'actor-us'
    const outcome = migrate(data)
    expect(outcome.kind === 'migrated' && linksOf(outcome.data).attributions['att-name']).toEqual(['  albania ', 'actor-us'])
    expect(migrate({ schemaVersion: 4, incidents: 'none', actors: null })).toMatchObject({ kind: 'migrated', data: { incidents: 'none', actors: null } })
  })

  it('opens a version-4 file: the untouched file is backed up first, then the migrated one written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'watchfloor-claims-'))
    try {
      const dir = join(root, 'ws')
      await mkdir(dir)
      const original = JSON.stringify(version4())
      await writeFile(join(dir, WORKSPACE_FILE), original)
      const session = new Session()
      await session.open(dir)
      expect(session.info()).toMatchObject({ schemaVersion: 6, readOnly: null })
      await session.close()
      const backups = await listBackups(dir)
      expect(backups).toHaveLength(1)
      expect(await readFile(backups[0], 'utf8')).toBe(original)
      const disk = JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as Record<string, unknown>
      expect(disk.schemaVersion).toBe(6)
      // The schema trims labels as it validates the migrated file.
      expect(linksOf(disk)).toEqual({ ...EXPECTED, attributions: { ...EXPECTED.attributions, 'att-name': ['albania', 'actor-al'] } })
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

describe('claims naming actors: integrity', () => {
  let t: Awaited<ReturnType<typeof openTestWorkspace>>
  beforeEach(async () => {
    t = await openTestWorkspace('claims', { create: { data: sampleWorkspace() } })
  })
  afterEach(() => closeTestWorkspace(t))

  it('links the sample’s self-claims to their personas', async () => {
    const snap = await t.client.workspace.snapshot()
    const albania = snap.incidents.find((i) => i.id === 'inc-albania-2022-07')!
    expect(albania.attributions.find((a) => a.attributor === 'HomeLand Justice')?.attributorActorId).toBe('actor-homeland-justice')
  })

  it('refuses a claim naming a missing actor, and says which', async () => {
    const albania = (await t.client.workspace.snapshot()).incidents.find((i) => i.id === 'inc-albania-2022-07')!
    const { id, createdAt: _c, updatedAt: _u, ...input } = albania
    input.responses = input.responses.map((r, n) => (n === 0 ? { ...r, actorId: 'actor-gone' } : r))
    const err = await failure(t.client.incidents.update({ id, input }))
    expect(err.code).toBe('invalid-input')
    expect(err.issues).toContainEqual({ path: 'responses.0.actorId', message: 'Unknown actor actor-gone' })
  })

  it('refuses to delete an actor that claims cite, naming the claims; deletes it once they no longer do', async () => {
    const created = await t.client.actors.create({ name: 'Albania', kind: 'state', country: 'AL', aliases: [] })
    const albania = (await t.client.workspace.snapshot()).incidents.find((i) => i.id === 'inc-albania-2022-07')!
    const { id, createdAt: _c, updatedAt: _u, ...input } = albania
    const n = input.responses.findIndex((r) => r.actor === 'Government of Albania')
    input.responses[n] = { ...input.responses[n], actorId: created.id }
    await t.client.incidents.update({ id, input })
    const err = await failure(t.client.actors.delete({ id: created.id }))
    expect(err.code).toBe('conflict')
    expect(err.message).toContain('the response by “Government of Albania” in incident “Destructive attack on Albanian government systems”')
    input.responses[n] = { ...input.responses[n], actorId: undefined }
    await t.client.incidents.update({ id, input })
    await expect(t.client.actors.delete({ id: created.id })).resolves.toMatchObject({ id: created.id })
  })

  it('reports and repairs a link to a missing actor, keeping the label', () => {
    const ws = sampleWorkspace() as Workspace
    ws.incidents[0].attributions[0].attributorActorId = 'actor-gone'
    expect(integrityProblems(ws)).toEqual([`incident ${ws.incidents[0].id}: attributions.0.attributorActorId: Unknown actor actor-gone`])
    const { workspace, fixes } = repairWorkspace(ws, (p) => `${p}-new`)
    expect(fixes).toHaveLength(1)
    expect(workspace.incidents[0].attributions[0].attributorActorId).toBeUndefined()
    expect(workspace.incidents[0].attributions[0].attributor).toBe(ws.incidents[0].attributions[0].attributor)
    expect(integrityProblems(workspace)).toEqual([])
  })
})
