// A workspace, or part of it, as a STIX 2.1 bundle: incidents with the Incident Core Extension, actors, countries, attribution claims as relationships, responses as Watchfloor objects, notes, briefings, and every kept foreign object.
import { randomUUID } from 'node:crypto'
import { countryName } from '../../../shared/countries'
import type { Actor, Incident, Note, Report, Source, StixLink } from '../../../shared/domain'
import { citedSourceIds } from '../../../shared/references'
import { RESPONSE_TYPES } from '../../../shared/domain'
import { scopedIncidents } from '../../../shared/report/model'
import { linkedIds } from '../../../shared/wikiLinks'
import type { Workspace } from '../../../shared/workspace'
import {
  actorStixType,
  INCIDENT_CORE,
  RESPONSE_TYPE,
  STIX_CONFIDENCE,
  stixId,
  stixTime,
  TLP_MARKINGS,
  tlpMarking,
  WATCHFLOOR_IDENTITY,
  WATCHFLOOR_PROPERTIES,
  WATCHFLOOR_RESPONSE,
  watchfloorDefinitions,
  type Bundle,
  type StixObject,
} from './stixVocabulary'

/** What to export: everything, or the incidents with these ids and what they bring along (their actors, sources, notes), and these briefings. */
export interface ExportScope {
  incidentIds?: ReadonlySet<string>
  reportIds?: ReadonlySet<string>
}

/** The object without its empty properties (undefined, '', []), which STIX forbids or which say nothing. */
function clean<T extends Record<string, unknown>>(o: T): T {
  // Copied rather than deleted from: objects with deleted keys turn slow to stringify.
  const out: Record<string, unknown> = {}
  for (const k in o) {
    const v = o[k]
    if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) out[k] = v
  }
  return out as T
}

/** The STIX identifier a record exports under: the one it was imported with, else a stable one derived from its Watchfloor id. */
export const incidentStixId = (i: Incident) => i.stix?.id ?? stixId('incident', i.id)
export const actorStixId = (a: Actor) => a.stix?.id ?? stixId(actorStixType(a.kind), a.id)
export const sourceKey = (s: Source) => s.stix?.id ?? stixId('x-watchfloor-source', s.id)
export const noteStixId = (n: Note) => n.stix?.id ?? stixId('note', n.id)
export const reportStixId = (r: Report) => r.stix?.id ?? stixId('report', r.id)
export const locationId = (country: string) => stixId('location', `country:${country}`)

function common(record: { createdAt: string; updatedAt: string; stix?: { extra?: Record<string, unknown> } }) {
  return { spec_version: '2.1', created: stixTime(record.createdAt), modified: stixTime(record.updatedAt), ...(record.stix?.extra ?? {}) }
}

/** Merges Watchfloor's extensions into those a record kept from its import. */
function extensions(record: { stix?: { extra?: Record<string, unknown> } }, own: Record<string, unknown>): Record<string, unknown> {
  const kept = (record.stix?.extra?.extensions ?? {}) as Record<string, unknown>
  return { ...kept, ...own }
}

export function exportStix(ws: Workspace, scope: ExportScope = {}): Bundle {
  const incidents = scope.incidentIds ? ws.incidents.filter((i) => scope.incidentIds!.has(i.id)) : ws.incidents
  const actorById = new Map(ws.actors.map((a) => [a.id, a]))
  const sourceById = new Map(ws.sources.map((s) => [s.id, s]))
  const wantedActors = new Set<string>()
  for (const i of incidents) {
    i.actorIds.forEach((id) => wantedActors.add(id))
    i.attributions.forEach((a) => a.toActorId && wantedActors.add(a.toActorId))
    i.attributions.forEach((a) => a.attributorActorId && wantedActors.add(a.attributorActorId))
    i.responses.forEach((r) => r.actorId && wantedActors.add(r.actorId))
  }
  const actors = scope.incidentIds ? ws.actors.filter((a) => wantedActors.has(a.id)) : ws.actors
  const inScope = new Set(incidents.map((i) => i.id))
  const notes = scope.incidentIds ? ws.notes.filter((n) => n.incidentId && inScope.has(n.incidentId)) : ws.notes
  const reports = scope.reportIds ? ws.reports.filter((r) => scope.reportIds!.has(r.id)) : scope.incidentIds ? [] : ws.reports

  const objects: StixObject[] = [...watchfloorDefinitions()]
  /** Objects carrying references kept from an import, which may point at what is not exported. */
  const withKeptRefs: StixObject[] = []
  const kept = <O extends StixObject>(record: { stix?: StixLink }, o: O): O => {
    if (record.stix?.extra && refsOf(record.stix.extra).length > 0) withKeptRefs.push(o)
    return o
  }
  const countries = new Set<string>()
  const markings = new Set<keyof typeof TLP_MARKINGS>()
  const relationship = (id: string, type: string, source: string, target: string, created: string, modified: string, more: Record<string, unknown> = {}) =>
    objects.push(clean({ type: 'relationship', spec_version: '2.1', id, created, modified, relationship_type: type, source_ref: source, target_ref: target, ...more }))
  const place = (country: string | undefined) => (country ? (countries.add(country), locationId(country)) : undefined)

  for (const a of actors) {
    const type = actorStixType(a.kind)
    const id = actorStixId(a)
    const props = clean({ extension_type: 'property-extension', kind: a.kind, country: a.country, aliases: a.aliases, sample: a.sample })
    objects.push(
      kept(a, clean({
        type,
        id,
        ...common(a),
        name: a.name,
        description: a.description,
        ...(type === 'identity' ? { identity_class: a.kind === 'state' ? 'group' : 'organization', sectors: a.kind === 'state' || a.kind === 'state-agency' ? ['government'] : undefined } : { aliases: a.aliases }),
        ...(type === 'threat-actor' ? { threat_actor_types: [a.kind === 'criminal-group' ? 'crime-syndicate' : 'activist'] } : {}),
        extensions: extensions(a, { [WATCHFLOOR_PROPERTIES]: props }),
      })),
    )
    if (a.country) relationship(stixId('relationship', `${a.id}/country`), type === 'identity' ? 'located-at' : 'originates-from', id, place(a.country)!, stixTime(a.createdAt), stixTime(a.updatedAt))
  }

  for (const i of incidents) {
    const id = incidentStixId(i)
    const cited = citedSourceIds(i)
      .map((s) => sourceById.get(s))
      .filter((s): s is Source => !!s)
    const created = stixTime(i.createdAt)
    const modified = stixTime(i.updatedAt)
    markings.add(i.tlp)
    const untargeted = i.attributions.filter((a) => !a.toActorId && !a.toCountry)
    objects.push(
      kept(i, clean({
        type: 'incident',
        id,
        ...common(i),
        name: i.title,
        description: i.summary,
        external_references: cited.map((s) => clean({ source_name: s.publisher || 'source', description: s.title, url: s.url, hashes: s.sha256 ? { 'SHA-256': s.sha256 } : undefined, external_id: sourceKey(s) })),
        object_marking_refs: [TLP_MARKINGS[i.tlp]],
        extensions: extensions(i, {
          [INCIDENT_CORE]: clean({
            extension_type: 'property-extension',
            determination: i.status === 'confirmed' ? 'successful-attempt' : 'suspected',
            investigation_status: i.status === 'confirmed' ? 'closed' : 'open',
            incident_types: i.types,
            criticality: i.severity ? i.severity * 20 : undefined,
          }),
          [WATCHFLOOR_PROPERTIES]: clean({
            extension_type: 'property-extension',
            status: i.status,
            types: i.types,
            start: i.start,
            end: i.end,
            disclosed: i.disclosed,
            victims: i.victims.map((v) => clean({ ...v })),
            sponsor_countries: i.sponsorCountries,
            nexus: i.nexus,
            impact: i.impact,
            severity: i.severity,
            techniques: i.techniques,
            tags: i.tags,
            locations: i.locations,
            actor_refs: i.actorIds.map((a) => (actorById.has(a) ? actorStixId(actorById.get(a)!) : a)),
            source_keys: i.sourceIds.map((s) => (sourceById.has(s) ? sourceKey(sourceById.get(s)!) : s)),
            sources: cited.map((s) => clean({ key: sourceKey(s), title: s.title, publisher: s.publisher, url: s.url, published: s.published, captured: s.captured, reliability: s.reliability, credibility: s.credibility, sha256: s.sha256, sample: s.sample, created: stixTime(s.createdAt), modified: stixTime(s.updatedAt), extra: s.stix?.extra })),
            untargeted_attributions: untargeted.map((a) => ({ ...claimProps(a, sourceById, actorById), order: i.attributions.indexOf(a) })),
            sample: i.sample,
          }),
        }),
      })),
    )
    for (const v of new Set(i.victims.map((v) => v.country))) relationship(stixId('relationship', `${i.id}/targets/${v}`), 'targets', id, place(v)!, created, modified)
    for (const c of i.sponsorCountries) relationship(stixId('relationship', `${i.id}/originates-from/${c}`), 'originates-from', id, place(c)!, created, modified)
    for (const a of i.actorIds) if (actorById.has(a)) relationship(stixId('relationship', `${i.id}/related-to/${a}`), 'related-to', id, actorStixId(actorById.get(a)!), created, modified)
    i.attributions.forEach((a, order) => {
      const target = a.toActorId && actorById.has(a.toActorId) ? actorStixId(actorById.get(a.toActorId)!) : place(a.toCountry)
      if (!target) return
      relationship(a.stix?.id ?? stixId('relationship', `${i.id}/${a.id}`), 'attributed-to', id, target, created, modified, {
        ...(a.stix?.extra ?? {}),
        description: a.statement || undefined,
        confidence: a.confidence ? STIX_CONFIDENCE[a.confidence] : undefined,
        object_marking_refs: [TLP_MARKINGS[i.tlp]],
        extensions: extensions(a, { [WATCHFLOOR_PROPERTIES]: { ...claimProps(a, sourceById, actorById), order } }),
      })
      kept(a, objects[objects.length - 1])
    })
    i.responses.forEach((r, order) => {
      const type = RESPONSE_TYPES.find((t) => t.id === r.type)
      objects.push(
        kept(r, clean({
          type: RESPONSE_TYPE,
          spec_version: '2.1',
          id: r.stix?.id ?? stixId(RESPONSE_TYPE, `${i.id}/${r.id}`),
          created,
          modified,
          ...(r.stix?.extra ?? {}),
          name: `${type?.label ?? r.type}: ${r.actor}`,
          response_type: r.type,
          cameo_code: type?.cameo,
          actor: r.actor,
          actor_ref: r.actorId && actorById.has(r.actorId) ? actorStixId(actorById.get(r.actorId)!) : undefined,
          actor_location_ref: place(r.actorCountry),
          target: r.target,
          target_location_ref: place(r.targetCountry),
          date: r.date,
          description: r.description,
          incident_ref: id,
          source_keys: r.sourceIds.map((s) => (sourceById.has(s) ? sourceKey(sourceById.get(s)!) : s)),
          watchfloor_id: r.id,
          order,
          object_marking_refs: [TLP_MARKINGS[i.tlp]],
          extensions: extensions(r, { [WATCHFLOOR_RESPONSE]: { extension_type: 'new-sdo' } }),
        })),
      )
    })
  }

  const exportedIds = new Set(objects.map((o) => o.id))
  for (const n of notes) {
    const refs = [n.incidentId && inScope.has(n.incidentId) ? incidentStixId(ws.incidents.find((i) => i.id === n.incidentId)!) : undefined]
    for (const linked of linkedIds(n.body)) {
      const hit = ws.incidents.find((i) => i.id === linked) ?? undefined
      if (hit && inScope.has(hit.id)) refs.push(incidentStixId(hit))
      const actor = actorById.get(linked)
      if (actor && exportedIds.has(actorStixId(actor))) refs.push(actorStixId(actor))
    }
    const objectRefs = [...new Set(refs.filter((r): r is string => !!r))]
    objects.push(
      kept(n, clean({
        type: 'note',
        id: noteStixId(n),
        ...common(n),
        abstract: n.title,
        content: n.body || n.title,
        object_refs: objectRefs.length > 0 ? objectRefs : [WATCHFLOOR_IDENTITY],
        extensions: extensions(n, { [WATCHFLOOR_PROPERTIES]: clean({ extension_type: 'property-extension', title: n.title, body: n.body, date: n.date, tags: n.tags, pinned: n.pinned, incident_ref: n.incidentId && inScope.has(n.incidentId) ? refs[0] : undefined }) }),
      })),
    )
  }

  for (const r of reports) {
    markings.add(r.tlp)
    const covered = scopedIncidents(ws, r).map(incidentStixId)
    objects.push(
      kept(r, clean({
        type: 'report',
        id: reportStixId(r),
        ...common(r),
        name: r.title,
        description: r.bluf,
        published: r.date ? new Date(`${r.date.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00.000Z`).toISOString() : stixTime(r.updatedAt),
        report_types: ['threat-report'],
        object_refs: covered.length > 0 ? covered : [WATCHFLOOR_IDENTITY],
        object_marking_refs: [TLP_MARKINGS[r.tlp]],
        extensions: extensions(r, {
          [WATCHFLOOR_PROPERTIES]: clean({ extension_type: 'property-extension', report_name: r.name, title: r.title, author: r.author, date: r.date, scope: r.scope, sections: r.sections, bluf: r.bluf, tlp: r.tlp, sample: r.sample }),
        }),
      })),
    )
  }

  for (const c of [...countries].sort()) objects.push({ type: 'location', spec_version: '2.1', id: locationId(c), created: stixTime(ws.createdAt), modified: stixTime(ws.createdAt), name: countryName(c), country: c })
  for (const t of markings) objects.push(tlpMarking(t))

  // Kept foreign objects: all of them for the whole workspace; for a part, those that refer to or are referred to by what is exported.
  const ids = new Set(objects.map((o) => o.id))
  let foreign = (scope.incidentIds || scope.reportIds ? ws.foreign.filter((f) => refsOf(f).some((r) => ids.has(r)) || objects.some((o) => refsOf(o).includes(f.id))) : ws.foreign) as StixObject[]
  // A foreign object travels unchanged or not at all: one whose references would dangle stays behind.
  for (let changed = true; changed; ) {
    const known = new Set([...ids, ...foreign.map((f) => f.id), ...Object.values(TLP_MARKINGS), INCIDENT_CORE])
    const whole = foreign.filter((f) => refsOf(f).every((r) => known.has(r)))
    changed = whole.length !== foreign.length
    foreign = whole
  }
  const known = new Set([...ids, ...foreign.map((f) => f.id), ...Object.values(TLP_MARKINGS), INCIDENT_CORE])
  for (const o of withKeptRefs) dropDanglingRefs(o, known)
  return { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [...objects, ...foreign] }
}

/** What an attribution claim carries beyond the relationship's own properties. */
/** An attribution's Watchfloor properties; `attributor_ref` is the attributor's identity or threat-actor when it is linked to an actor. */
function claimProps(a: Incident['attributions'][number], sources: Map<string, Source>, actors: Map<string, Actor>) {
  const by = a.attributorActorId ? actors.get(a.attributorActorId) : undefined
  return clean({
    extension_type: 'property-extension',
    watchfloor_id: a.id,
    attributor: a.attributor,
    attributor_ref: by ? actorStixId(by) : undefined,
    attributor_kind: a.attributorKind,
    attributor_country: a.attributorCountry,
    date: a.date,
    to_country: a.toCountry,
    basis: a.basis,
    confidence: a.confidence,
    likelihood: a.likelihood,
    statement: a.statement,
    source_keys: a.sourceIds.map((s) => (sources.has(s) ? sourceKey(sources.get(s)!) : s)),
  })
}

/** Removes from a record's object the references it kept from its import (created_by_ref, …) whose targets are not exported with it. */
function dropDanglingRefs(o: StixObject, known: ReadonlySet<string>): void {
  for (const [k, v] of Object.entries(o)) {
    if (k.endsWith('_ref') && typeof v === 'string' && !known.has(v)) delete o[k]
    if (k.endsWith('_refs') && Array.isArray(v)) {
      const kept = v.filter((r) => typeof r !== 'string' || known.has(r))
      if (kept.length > 0) o[k] = kept
      else delete o[k]
    }
  }
}

/** Every identifier an object refers to (`*_ref`, `*_refs`, at any depth). */
export function refsOf(o: unknown): string[] {
  const out: string[] = []
  const walk = (v: unknown, isRef: boolean) => {
    if (typeof v === 'string') {
      if (isRef) out.push(v)
    } else if (Array.isArray(v)) for (const x of v) walk(x, isRef)
    else if (v && typeof v === 'object') for (const k in v) walk((v as Record<string, unknown>)[k], k.endsWith('_ref') || k.endsWith('_refs'))
  }
  walk(o, false)
  return out
}
