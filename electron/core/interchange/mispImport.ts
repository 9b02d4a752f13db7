// MISP events planned into workspace changes, accounted for like a STIX bundle: each event, attribute and galaxy cluster is new, updated, a duplicate, merged into a record, or skipped with its reason.
import { findCountry, isCountryCode } from '../../../shared/countries'
import { ActorSchema, CREDIBILITY, IncidentSchema, INCIDENT_TYPES, RELIABILITY, SourceSchema, STATE_NEXUS, TLP_LEVELS, type Actor, type Incident, type Source, type Tlp } from '../../../shared/domain'
import { likelyDuplicates } from '../../../shared/duplicates'
import type { Workspace } from '../../../shared/workspace'
import type { Changes, Fate, Plan, PlanOptions } from './stixImport'
import { incidentStixId, sourceKey } from './stixExport'
import { uuidV5 } from './stixVocabulary'

type Obj = Record<string, unknown>
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object') : [])
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const TLP_TAGS: Record<string, Tlp> = { 'tlp:clear': 'CLEAR', 'tlp:white': 'CLEAR', 'tlp:green': 'GREEN', 'tlp:amber': 'AMBER', 'tlp:amber+strict': 'AMBER+STRICT', 'tlp:red': 'RED' }
/** Tag value of `namespace:predicate="value"`. */
const tagValue = (name: string, prefix: string) => (name.startsWith(`${prefix}="`) && name.endsWith('"') ? name.slice(prefix.length + 2, -1) : undefined)
const SEVERITY: Record<string, number | undefined> = { '1': 4, '2': 3, '3': 2, '4': undefined }

/** Plans MISP events (`{Event: …}` each) into the workspace; nothing is written. */
export function planMispImport(ws: Workspace, events: readonly unknown[], _options: PlanOptions = {}): Plan {
  const fates: Fate[] = []
  const changes: Changes = { incidents: [], actors: [], sources: [], notes: [], reports: [], foreign: [] }
  const existingIncidents = new Map(ws.incidents.map((i) => [incidentStixId(i), i]))
  const existingSources = new Map(ws.sources.map((s) => [sourceKey(s), s]))
  const actorsByName = new Map<string, Actor>()
  for (const a of ws.actors) for (const n of [a.name, ...a.aliases]) actorsByName.set(n.toLowerCase(), a)
  const now = new Date().toISOString()

  for (const wrapped of events) {
    const e = ((wrapped as Obj)?.Event ?? null) as Obj | null
    const uuid = str(e?.uuid)?.toLowerCase()
    const eventId = uuid ? `misp-event--${uuid}` : '(event without uuid)'
    if (!e || !uuid || !UUID.test(uuid)) {
      fates.push({ id: eventId, type: 'misp-event', outcome: 'skipped', reason: 'invalid: the event has no uuid' })
      continue
    }
    const innerFates: Fate[] = []
    const newActors: Actor[] = []
    const inner = (outcome: Fate['outcome'], type: string, id: string, reason?: string) => innerFates.push({ id, type, outcome, ...(reason ? { reason } : {}) })
    /** The event is not imported: nor is anything in it. */
    const refuse = (outcome: Fate['outcome'], reason: string) => {
      fates.push({ id: eventId, type: 'misp-event', outcome, reason })
      for (const f of innerFates) fates.push(f.outcome === 'skipped' ? f : { ...f, outcome: 'skipped', reason: `belongs to event ${uuid}, which is not imported` })
    }
    const stixId = `incident--${uuid}`
    const old = existingIncidents.get(stixId)
    const stamp = Number(str(e.timestamp) ?? e.timestamp)
    const modified = Number.isFinite(stamp) && stamp > 0 ? new Date(stamp * 1000).toISOString() : now
    const tags = list(e.Tag).flatMap((t) => (typeof t.name === 'string' ? [t.name] : []))
    const known = (t: string) => t.startsWith('tlp:') || t.startsWith('watchfloor:') || t.startsWith('estimative-language:') || t.startsWith('admiralty-scale:')
    const sources: Source[] = []
    const actorIds: string[] = []
    const attributes = list(e.Attribute)
    for (const a of attributes) {
      const id = `misp-attribute--${str(a.uuid) ?? uuidV5(JSON.stringify(a))}`
      const type = `misp-attribute:${str(a.type) ?? 'unknown'}`
      const url = str(a.value)
      if (a.type !== 'link' || !url || !/^https?:\/\/\S+$/i.test(url)) {
        inner('skipped', type, id, a.type === 'link' ? 'the link is not an http(s) address' : `a MISP ${String(a.type)} attribute has no Watchfloor meaning (import indicators as STIX to keep them)`)
        continue
      }
      const atags = list(a.Tag).flatMap((t) => (typeof t.name === 'string' ? [t.name] : []))
      const reliability = atags.map((t) => tagValue(t, 'admiralty-scale:source-reliability')?.toUpperCase()).find((v) => (RELIABILITY as readonly string[]).includes(v ?? ''))
      const credibility = atags.map((t) => tagValue(t, 'admiralty-scale:information-credibility')).find((v) => (CREDIBILITY as readonly string[]).includes(v ?? ''))
      const key = `x-watchfloor-source--${uuidV5(`misp:${url}`)}`
      const existing = ws.sources.find((s) => s.url === url) ?? existingSources.get(key)
      if (existing) {
        sources.push(existing)
        inner('merged', type, id, `cites the workspace's source “${existing.title}”`)
        continue
      }
      const parsed = SourceSchema.safeParse({ id: `src-${uuidV5(`import:${key}`)}`, title: str(a.comment) || url, url, reliability: reliability ?? 'F', credibility: credibility ?? '6', createdAt: modified, updatedAt: modified, stix: { id: key } })
      if (!parsed.success) {
        inner('skipped', type, id, `invalid: ${parsed.error.issues[0].message}`)
        continue
      }
      sources.push(parsed.data)
      inner('merged', type, id, 'a source of the incident')
    }
    const victims: string[] = []
    for (const g of list(e.Galaxy)) {
      for (const c of list(g.GalaxyCluster)) {
        const id = `misp-galaxy-cluster--${str(c.uuid) ?? uuidV5(`${String(g.type)}:${String(c.value)}`)}`
        const value = str(c.value) ?? ''
        const meta = (c.meta ?? {}) as Obj
        if (g.type === 'target-information') {
          const code = [...(Array.isArray(meta['country-code']) ? meta['country-code'] : []), value].map((v) => (typeof v === 'string' ? (isCountryCode(v) ? v : findCountry(v)) : undefined)).find(Boolean)
          if (code) victims.push(code)
          inner(code ? 'merged' : 'skipped', 'misp-galaxy-cluster:target-information', id, code ? `victim ${code}` : `“${value}” is not a country Watchfloor knows`)
        } else if (g.type === 'threat-actor' && value) {
          const match = actorsByName.get(value.toLowerCase())
          if (match) {
            actorIds.push(match.id)
            inner('merged', 'misp-galaxy-cluster:threat-actor', id, `the workspace's actor “${match.name}”`)
            continue
          }
          const countries = Array.isArray(meta.country) ? meta.country.filter((x): x is string => typeof x === 'string' && isCountryCode(x)) : []
          const actor = ActorSchema.safeParse({ id: `actor-${uuidV5(`import:misp:${value}`)}`, name: value, aliases: Array.isArray(meta.synonyms) ? meta.synonyms.filter((x) => typeof x === 'string' && x.trim()) : [], kind: countries.length > 0 ? 'state-sponsored-group' : 'criminal-group', country: countries[0], description: str(c.description) ?? '', createdAt: modified, updatedAt: modified })
          if (!actor.success) {
            inner('skipped', 'misp-galaxy-cluster:threat-actor', id, `invalid: ${actor.error.issues[0].message}`)
            continue
          }
          actorsByName.set(value.toLowerCase(), actor.data)
          newActors.push(actor.data)
          actorIds.push(actor.data.id)
          inner('new', 'misp-galaxy-cluster:threat-actor', id)
        } else inner('skipped', `misp-galaxy-cluster:${String(g.type)}`, id, `the ${String(g.type)} galaxy has no Watchfloor meaning`)
      }
    }
    const summary = list(e.EventReport).find((r) => r.name === 'Summary') ?? list(e.EventReport)[0]
    for (const r of list(e.EventReport)) inner('merged', 'misp-event-report', `misp-event-report--${str(r.uuid) ?? uuidV5(String(r.name))}`, r === summary ? 'the summary' : 'shown in MISP only (Watchfloor keeps the structured claims)')
    const tlp = tags.map((t) => TLP_TAGS[t]).filter((t): t is Tlp => !!t).sort((a, b) => TLP_LEVELS.indexOf(b) - TLP_LEVELS.indexOf(a))[0] ?? 'CLEAR'
    const candidate = IncidentSchema.safeParse({
      id: old?.id ?? `inc-${uuidV5(`import:${stixId}`)}`,
      title: str(e.info),
      summary: str(summary?.content) ?? '',
      status: e.analysis === '2' || e.analysis === 2 ? 'confirmed' : 'draft',
      types: tags.map((t) => tagValue(t, 'watchfloor:incident-type')).filter((t) => (INCIDENT_TYPES as readonly string[]).includes(t ?? '')),
      start: typeof e.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : undefined,
      victims: [...new Set(victims)].map((country) => ({ country })),
      sponsorCountries: tags.map((t) => tagValue(t, 'watchfloor:sponsor-country')).filter((c): c is string => !!c && isCountryCode(c)),
      actorIds: [...new Set(actorIds)],
      nexus: tags.map((t) => tagValue(t, 'watchfloor:state-nexus')).find((n) => (STATE_NEXUS as readonly string[]).includes(n ?? '')) ?? 'unknown',
      severity: SEVERITY[String(e.threat_level_id)],
      tags: tags.filter((t) => !known(t)),
      tlp,
      sourceIds: sources.map((s) => s.id),
      createdAt: old?.createdAt ?? modified,
      updatedAt: modified,
      stix: { id: stixId },
    })
    if (!candidate.success) {
      refuse('skipped', `invalid: ${candidate.error.issues[0].path.join('.')} ${candidate.error.issues[0].message}`)
      continue
    }
    const incident: Incident = old ? { ...candidate.data, attributions: old.attributions, responses: old.responses, locations: old.locations } : candidate.data
    if (old && modified <= old.updatedAt) {
      refuse('skipped', 'not newer than the version the workspace has')
      continue
    }
    const dupes = old ? [] : likelyDuplicates(incident, ws.incidents)
    if (dupes.length > 0) {
      refuse('duplicate', `likely the same as “${dupes[0].title}” (${dupes[0].id})`)
      continue
    }
    fates.push(...innerFates)
    changes.actors.push(...newActors)
    changes.incidents.push(incident)
    for (const s of sources) if (!ws.sources.includes(s) && !changes.sources.some((x) => x.id === s.id)) changes.sources.push(s)
    fates.push({ id: eventId, type: 'misp-event', outcome: old ? 'updated' : 'new', ...(old ? { reason: `replaces incident ${old.id}` } : {}) })
  }
  return { fates, changes }
}
