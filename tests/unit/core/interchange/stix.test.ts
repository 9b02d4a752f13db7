// STIX 2.1 and MISP in and out: valid bundles with stable ids, lossless round trips, foreign content kept, an exact preview, commit and undo, and malformed files refused.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Incident } from '../../../../shared/domain'
import { FilterSchema } from '../../../../shared/domain'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { Workspace } from '../../../../shared/workspace'
import { bundleProblems } from '../../../../electron/core/interchange/stixCheck'
import { exportStix, incidentStixId, type ExportScope } from '../../../../electron/core/interchange/stixExport'
import { exportMisp } from '../../../../electron/core/interchange/mispExport'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { closeTestWorkspace, failure, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'
import { oasisErrors } from '../../../support/oasisStix'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('interchange', { create: { name: 'Receiving desk' } })
})
afterEach(() => closeTestWorkspace(t))

const T0 = '2026-01-01T00:00:00.000Z'
const T1 = '2026-02-01T00:00:00.000Z'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** Imports `text` through the client as the window does: upload, preview, commit. */
async function importText(text: string, fileName = 'file.json', campaignsAsIncidents = false) {
  const uploadId = crypto.randomUUID()
  for (let at = 0; at < Math.max(text.length, 1); at += 4_000_000) await t.client.interchange.upload({ uploadId, chunk: text.slice(at, at + 4_000_000) })
  const preview = await t.client.interchange.preview({ uploadId, fileName, campaignsAsIncidents })
  return { preview, commit: () => t.client.interchange.commit({ token: preview.token }) }
}

const snapshot = async () => t.client.workspace.snapshot()

/** A record without what an import may add (its STIX link) nor its Watchfloor ids. */
function comparable(ws: Pick<Workspace, 'incidents' | 'actors' | 'sources' | 'reports'>) {
  const actorName = new Map(ws.actors.map((a) => [a.id, a.name]))
  const sourceTitle = new Map(ws.sources.map((s) => [s.id, s.title]))
  const strip = <T extends { id?: string; stix?: unknown }>(r: T) => {
    const copy: Record<string, unknown> = { ...r }
    delete copy.id
    delete copy.stix
    return copy
  }
  return {
    incidents: ws.incidents
      .map((i) => ({
        ...strip(i),
        actorIds: i.actorIds.map((a) => actorName.get(a)),
        sourceIds: i.sourceIds.map((s) => sourceTitle.get(s)),
        attributions: i.attributions.map((a) => ({ ...strip(a), id: a.id, toActorId: a.toActorId && actorName.get(a.toActorId), attributorActorId: a.attributorActorId && actorName.get(a.attributorActorId), sourceIds: a.sourceIds.map((s) => sourceTitle.get(s)) })),
        responses: i.responses.map((r) => ({ ...strip(r), id: r.id, actorId: r.actorId && actorName.get(r.actorId), sourceIds: r.sourceIds.map((s) => sourceTitle.get(s)) })),
      }))
      .sort((a, b) => String((a as { title?: string }).title).localeCompare(String((b as { title?: string }).title))),
    actors: ws.actors.map(strip).sort((a, b) => String(a.name).localeCompare(String(b.name))),
    sources: ws.sources.map(strip).sort((a, b) => String(a.title).localeCompare(String(b.title))),
    reports: ws.reports.map((r) => ({ ...strip(r), scope: r.scope.kind })),
  }
}

describe('STIX export', () => {
  const ws = sampleWorkspace()
  const albania = FilterSchema.parse({ victim: 'AL' })
  it.each<[string, ExportScope]>([
    ['the sample workspace', {}],
    ['a filtered scope (victim Albania)', { incidentIds: new Set(ws.incidents.filter((i) => i.victims.some((v) => v.country === albania.victim)).map((i) => i.id)) }],
    ['a briefing’s scope', { incidentIds: new Set(ws.incidents.slice(0, 3).map((i) => i.id)), reportIds: new Set([ws.reports[0].id]) }],
  ])('%s validates against the OASIS schemas and Watchfloor’s own check', (_, scope) => {
    const bundle = JSON.parse(JSON.stringify(exportStix(ws, scope)))
    expect(oasisErrors(bundle.objects)).toEqual([])
    expect(bundleProblems(bundle)).toEqual([])
    expect(bundle.objects.filter((o: { type: string }) => o.type === 'incident').length).toBe(scope.incidentIds?.size ?? ws.incidents.length)
  })

  it('gives the same record the same id every time', () => {
    const ids = (b: ReturnType<typeof exportStix>) => b.objects.map((o) => o.id).sort()
    expect(ids(exportStix(sampleWorkspace()))).toEqual(ids(exportStix(sampleWorkspace())))
    expect(exportStix(ws).objects.find((o) => o.type === 'incident' && o.name === ws.incidents[0].title)?.id).toBe(incidentStixId(ws.incidents[0]))
  })

  it('carries attributions as attributed-to relationships with ICD 203 confidence on the STIX scale, and TLP 2.0 markings', () => {
    const bundle = exportStix(ws)
    const albaniaAttack = ws.incidents.find((i) => i.id === 'inc-albania-2022-07')!
    const rels = bundle.objects.filter((o) => o.type === 'relationship' && o.relationship_type === 'attributed-to' && o.source_ref === incidentStixId(albaniaAttack))
    expect(rels.length).toBe(albaniaAttack.attributions.filter((a) => a.toActorId || a.toCountry).length)
    const high = albaniaAttack.attributions.find((a) => a.confidence === 'high')!
    expect(rels.find((r) => (r.extensions as Record<string, { watchfloor_id: string }>)['extension-definition--b3f1d9a2-6c4e-5a7b-8d2f-1e3c5a7b9d0f'].watchfloor_id === high.id)?.confidence).toBe(85)
    expect(bundle.objects.find((o) => o.id === incidentStixId(albaniaAttack))?.object_marking_refs).toEqual(['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'])
  })
})

describe('round trips', () => {
  it('STIX: the sample exported and imported into an empty workspace gives back every record (ids mapped)', async () => {
    const original = sampleWorkspace()
    const { preview, commit } = await importText(JSON.stringify(exportStix(original)))
    expect(preview.totals.skipped).toBe(0)
    await commit()
    const back = await snapshot()
    expect(comparable(back)).toEqual(comparable(original))
  })

  it('STIX: claims linked to actors export the actor’s identity or threat-actor and come back linked', async () => {
    const original = sampleWorkspace()
    const albaniaAttack = original.incidents.find((i) => i.id === 'inc-albania-2022-07')!
    albaniaAttack.responses[0].actorId = 'actor-iran'
    const claim = albaniaAttack.attributions.find((a) => a.attributorActorId === 'actor-homeland-justice')!
    const bundle = exportStix(original, { incidentIds: new Set([albaniaAttack.id]) })
    expect(oasisErrors(JSON.parse(JSON.stringify(bundle.objects)))).toEqual([])
    expect(bundleProblems(JSON.parse(JSON.stringify(bundle)))).toEqual([])
    const persona = bundle.objects.find((o) => o.name === 'HomeLand Justice')!
    const iran = bundle.objects.find((o) => o.name === 'Iran' && o.type === 'identity')!
    const ext = (o: Record<string, unknown>) => (o.extensions as Record<string, Record<string, unknown>> | undefined)?.['extension-definition--b3f1d9a2-6c4e-5a7b-8d2f-1e3c5a7b9d0f']
    const carriers = bundle.objects.filter((o) => o.type === 'relationship' || o.type === 'incident')
    const claimProps = carriers.flatMap((o) => [ext(o), ...((ext(o)?.untargeted_attributions as Record<string, unknown>[] | undefined) ?? [])]).find((p) => p?.watchfloor_id === claim.id)
    expect(claimProps?.attributor_ref).toBe(persona.id)
    expect(bundle.objects.find((o) => o.type === 'x-watchfloor-response' && o.watchfloor_id === albaniaAttack.responses[0].id)?.actor_ref).toBe(iran.id)
    await (await importText(JSON.stringify(bundle))).commit()
    const back = (await snapshot()).incidents.find((i) => i.title === albaniaAttack.title)!
    const names = new Map((await snapshot()).actors.map((a) => [a.id, a.name]))
    expect(names.get(back.responses[0].actorId!)).toBe('Iran')
    expect(names.get(back.attributions.find((a) => a.id === claim.id)!.attributorActorId!)).toBe('HomeLand Justice')
  })

  it('MISP: the fields MISP carries come back; those it cannot carry are listed here', async () => {
    const original = sampleWorkspace()
    const { preview, commit } = await importText(JSON.stringify({ response: exportMisp(original) }), 'events.json')
    expect(preview.format).toBe('misp')
    expect(preview.totals.skipped).toBe(0)
    await commit()
    const back = await snapshot()
    const actorNames = (ws: { actors: { id: string; name: string }[] }, i: Incident) => i.actorIds.map((id) => ws.actors.find((a) => a.id === id)?.name).sort()
    for (const o of original.incidents) {
      const b = back.incidents.find((i) => i.title === o.title)!
      // Carried: title, summary, status, types, nexus, sponsor and victim countries, TLP, tags, the actors involved.
      expect({ title: b.title, summary: b.summary, status: b.status, types: b.types, nexus: b.nexus, sponsors: b.sponsorCountries, victims: [...new Set(b.victims.map((v) => v.country))], tlp: b.tlp, tags: b.tags }).toEqual({
        title: o.title,
        summary: o.summary,
        status: o.status,
        types: o.types,
        nexus: o.nexus,
        sponsors: o.sponsorCountries,
        victims: [...new Set(o.victims.map((v) => v.country))],
        tlp: o.tlp,
        tags: o.tags,
      })
      expect(actorNames(back, b)).toEqual(
        [...new Set([...o.actorIds, ...o.attributions.flatMap((a) => (a.toActorId ? [a.toActorId] : []))])].map((id) => original.actors.find((a) => a.id === id)?.name).sort(),
      )
      // The start day when it is a day; a month or a year comes back as its first day (MISP events carry a full date).
      expect(b.start).toBe(o.start ? o.start.padEnd(7, '-01').padEnd(10, '-01') : o.createdAt.slice(0, 10))
    }
    // Not carried by MISP: end and disclosure dates, date precision, victims' sectors and organisations,
    // severity beyond MISP's three threat levels, impact, places, ATT&CK ids, the structured attributions and
    // responses (MISP shows them as a text report), sources without a URL, sources' publishers and dates, notes, briefings.
    expect(back.notes).toEqual([])
    expect(back.reports).toEqual([])
    expect(back.incidents.every((i) => i.attributions.length === 0 && i.responses.length === 0)).toBe(true)
  })
})

describe('STIX 2.0', () => {
  it('upgrades a 2.0 bundle: a campaign read as an incident, attributed to a threat actor', async () => {
    const T20 = '2016-08-01T00:00:00Z'
    const bundle = {
      type: 'bundle',
      id: `bundle--${uuid(30)}`,
      spec_version: '2.0',
      objects: [
        { type: 'campaign', id: `campaign--${uuid(31)}`, created: T20, modified: T20, name: 'Operation against a ministry of finance', first_seen: '2016-05-03T00:00:00Z' },
        { type: 'threat-actor', id: `threat-actor--${uuid(32)}`, created: T20, modified: T20, name: 'Example Crew', labels: ['crime-syndicate'] },
        { type: 'relationship', id: `relationship--${uuid(33)}`, created: T20, modified: T20, relationship_type: 'attributed-to', source_ref: `campaign--${uuid(31)}`, target_ref: `threat-actor--${uuid(32)}` },
      ],
    }
    const without = await importText(JSON.stringify(bundle))
    expect(without.preview.format).toBe('stix-2.0')
    expect(without.preview.totals).toMatchObject({ new: 1, kept: 2 })
    const { preview, commit } = await importText(JSON.stringify(bundle), 'old.json', true)
    expect(preview.totals).toMatchObject({ new: 2, merged: 1 })
    await commit()
    const [incident] = (await snapshot()).incidents
    expect(incident).toMatchObject({ title: 'Operation against a ministry of finance', start: '2016-05-03', createdAt: '2016-08-01T00:00:00.000Z' })
    expect(incident.attributions).toHaveLength(1)
    expect((await snapshot()).actors.find((a) => a.id === incident.attributions[0].toActorId)?.name).toBe('Example Crew')
  })
})

describe('foreign content', () => {
  it('keeps indicators, malware, x_ properties and other extensions, and exports them again unchanged', async () => {
    const indicator = { type: 'indicator', spec_version: '2.1', id: `indicator--${uuid(1)}`, created: T0, modified: T0, pattern: "[file:hashes.'SHA-256' = 'ab']", pattern_type: 'stix', valid_from: T0, x_vendor_score: 7 }
    const malware = { type: 'malware', spec_version: '2.1', id: `malware--${uuid(2)}`, created: T0, modified: T0, name: 'ZeroCleare', is_family: true }
    const incident = {
      type: 'incident',
      spec_version: '2.1',
      id: `incident--${uuid(3)}`,
      created: T0,
      modified: T0,
      name: 'Wiper attack on a ministry',
      x_vendor_case: 'CASE-42',
      extensions: { 'extension-definition--00000000-0000-4000-8000-000000000099': { extension_type: 'property-extension', vendor_field: 'kept' } },
    }
    const indicates = { type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(4)}`, created: T0, modified: T0, relationship_type: 'indicates', source_ref: indicator.id, target_ref: incident.id }
    const { preview, commit } = await importText(JSON.stringify({ type: 'bundle', id: `bundle--${uuid(5)}`, objects: [indicator, malware, incident, indicates] }))
    expect(preview.totals).toMatchObject({ new: 1, kept: 3 })
    await commit()
    const out = JSON.parse(await readFile((await t.client.interchange.export({ format: 'stix', scope: { kind: 'all' } })).path, 'utf8')).objects as Record<string, unknown>[]
    expect(out.find((o) => o.id === indicator.id)).toEqual(indicator)
    expect(out.find((o) => o.id === malware.id)).toEqual(malware)
    expect(out.find((o) => o.id === indicates.id)).toEqual(indicates)
    const back = out.find((o) => o.id === incident.id)!
    expect(back.x_vendor_case).toBe('CASE-42')
    expect((back.extensions as Record<string, unknown>)['extension-definition--00000000-0000-4000-8000-000000000099']).toEqual({ extension_type: 'property-extension', vendor_field: 'kept' })
  })
})

describe('the preview', () => {
  it('accounts exactly for every case, and commit then undo leaves the workspace file byte-identical', async () => {
    const base = exportStix(sampleWorkspace())
    // Seed the workspace with two incidents first.
    const seeded = base.objects.filter((o) => o.type === 'incident').slice(0, 2)
    await (await importText(JSON.stringify({ ...base, objects: seeded }))).commit()
    const before = await readFile(join(t.dir, WORKSPACE_FILE))
    const [first, second] = seeded
    const objects = [
      { ...first, modified: T1, name: `${String(first.name)} (revised)` }, // update: same id, newer
      { ...second, modified: '2000-01-01T00:00:00.000Z', created: '2000-01-01T00:00:00.000Z' }, // older version
      { type: 'incident', spec_version: '2.1', id: `incident--${uuid(10)}`, created: T0, modified: T0, name: 'Ransomware on Costa Rica’s finance ministry' }, // new
      {
        type: 'incident',
        spec_version: '2.1',
        id: `incident--${uuid(11)}`,
        created: T0,
        modified: T0,
        name: 'Destructive attack on Albania government systems',
        extensions: { 'extension-definition--b3f1d9a2-6c4e-5a7b-8d2f-1e3c5a7b9d0f': { extension_type: 'property-extension', start: '2022-07', victims: [{ country: 'AL' }] } },
      }, // duplicate of the sample's Albania attack (not imported yet) — see below
      { type: 'indicator', spec_version: '2.1', id: `indicator--${uuid(12)}`, created: T0, modified: T0, pattern: '[ipv4-addr:value = 192.0.2.1]', pattern_type: 'stix', valid_from: T0 }, // kept
      { type: 'x-vendor-thing', spec_version: '2.1', id: `x-vendor-thing--${uuid(13)}`, created: T0, modified: T0, note: 'unknown type' }, // kept (unknown type)
      { type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(14)}`, created: T0, modified: T0, relationship_type: 'targets', source_ref: `incident--${uuid(10)}`, target_ref: `location--${uuid(99)}` }, // broken reference
      { type: 'incident', spec_version: '2.1', id: 'incident--not-a-uuid', created: T0, modified: T0, name: 'Broken' }, // invalid
    ]
    // The duplicate needs an existing look-alike: the first seeded incident is the Albania attack.
    const { preview, commit } = await importText(JSON.stringify({ type: 'bundle', id: `bundle--${uuid(20)}`, objects }))
    expect(preview.total).toBe(objects.length)
    expect(preview.totals).toEqual({ new: 1, updated: 1, duplicate: 1, merged: 0, kept: 2, skipped: 3, conflict: 0 })
    expect(Object.values(preview.totals).reduce((a, b) => a + b, 0)).toBe(objects.length)
    const reasons = Object.fromEntries(preview.notImported.map((n) => [n.id, n.reason]))
    expect(reasons[second.id]).toBe('not newer than the version the workspace has')
    expect(reasons[`incident--${uuid(11)}`]).toMatch(/^likely the same as “Destructive attack on Albanian government systems”/)
    expect(reasons[`relationship--${uuid(14)}`]).toBe(`refers to location--${uuid(99)}, which is neither in the file nor in the workspace`)
    expect(reasons['incident--not-a-uuid']).toMatch(/^invalid: its id "incident--not-a-uuid" is not/)
    const result = await commit()
    expect((await snapshot()).incidents.map((i) => i.title)).toContain(`${String(first.name)} (revised)`)
    await t.client.interchange.undo({ importId: result.importId })
    expect(await readFile(join(t.dir, WORKSPACE_FILE))).not.toEqual(Buffer.alloc(0))
    // The in-memory state matches the file as it was; the file is rewritten with it.
    expect(JSON.parse((await readFile(join(t.dir, WORKSPACE_FILE))).toString())).toEqual(JSON.parse(before.toString()))
    expect(await readFile(join(t.dir, WORKSPACE_FILE))).toEqual(before)
  })

  it('accounts for entries of a bundle that are not objects at all, by where they stand in the file', async () => {
    const { preview } = await importText(JSON.stringify({ type: 'bundle', id: `bundle--${uuid(21)}`, objects: [null, 5, 'x', [], { type: 'incident' }] }))
    expect(preview.total).toBe(5)
    expect(preview.totals.skipped).toBe(5)
    expect(preview.notImported.slice(0, 4).map((n) => [n.id, n.type, n.reason])).toEqual([
      ['entry 1 of the file', 'null', 'invalid: not an object'],
      ['entry 2 of the file', 'number', 'invalid: not an object'],
      ['entry 3 of the file', 'string', 'invalid: not an object'],
      ['entry 4 of the file', 'array', 'invalid: not an object'],
    ])
    expect(preview.notImported[4].reason).toBe('invalid: its id is missing (it must be "incident--<uuid>")')
  })

  it('refuses a commit after the workspace changed, and an undo after an imported record was edited', async () => {
    const bundle = exportStix(sampleWorkspace())
    const first = await importText(JSON.stringify(bundle))
    await t.client.incidents.create({ title: 'Typed while the preview was open' })
    expect((await failure(first.commit())).message).toMatch(/changed since this preview/)
    const again = await importText(JSON.stringify(bundle))
    const { importId } = await again.commit()
    const imported = (await snapshot()).incidents.find((i) => i.title.startsWith('Destructive attack on Albanian'))!
    await t.client.incidents.update({ id: imported.id, input: { ...imported, title: 'Edited after the import' } })
    expect((await failure(t.client.interchange.undo({ importId }))).message).toMatch(/cannot be undone in one step: incident/)
  })
})

describe('malformed files', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', 'STIX? no.', /not JSON/],
    ['truncated', JSON.stringify(exportStix(sampleWorkspace())).slice(0, 5000), /not valid JSON at line 1, column \d+/],
    ['wrong spec_version', JSON.stringify({ type: 'bundle', id: `bundle--${uuid(1)}`, spec_version: '3.0', objects: [] }), /spec_version "3.0"/],
    ['not a bundle', JSON.stringify({ type: 'report', id: `report--${uuid(1)}` }), /not a STIX bundle/],
    ['deep nesting', '['.repeat(5000) + ']'.repeat(5000), /nests deeper than 64 levels/],
  ]
  it.each(cases)('%s: a clear error and nothing written', async (_, text, message) => {
    const before = await readFile(join(t.dir, WORKSPACE_FILE))
    expect((await failure(importText(text))).message).toMatch(message)
    expect(await readFile(join(t.dir, WORKSPACE_FILE))).toEqual(before)
  })

  it('skips an object with a 10 MB string, and lets no prototype key reach Object.prototype', async () => {
    const huge = { type: 'incident', spec_version: '2.1', id: `incident--${uuid(1)}`, created: T0, modified: T0, name: 'x'.repeat(10 * 1024 * 1024) }
    const proto = `{"type":"incident","spec_version":"2.1","id":"incident--${uuid(2)}","created":"${T0}","modified":"${T0}","name":"Prototype test","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`
    const text = `{"type":"bundle","id":"bundle--${uuid(3)}","objects":[${JSON.stringify(huge)},${proto}]}`
    const { preview, commit } = await importText(text)
    expect(preview.notImported.find((n) => n.id === huge.id)?.reason).toMatch(/larger than 1 MB/)
    await commit()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((await snapshot()).incidents.map((i) => i.title)).toEqual(['Prototype test'])
  })
})
