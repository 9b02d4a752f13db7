// Incidents as MISP events (MISP core format): one Event per incident, standard taxonomy tags, threat actors as Galaxy clusters, sources as link attributes, the summary as an EventReport.
import { countryName } from '../../../shared/countries'
import { LIKELIHOOD_TERMS, type Actor, type Incident, type Source, type Tlp } from '../../../shared/domain'
import { citedSourceIds } from '../../../shared/references'
import type { Workspace } from '../../../shared/workspace'
import type { ExportScope } from './stixExport'
import { uuidV5 } from './stixVocabulary'

export type MispEvent = { Event: Record<string, unknown> }

/** MISP distribution for a TLP level: who may receive the event. */
const DISTRIBUTION: Record<Tlp, string> = { CLEAR: '3', GREEN: '2', AMBER: '1', 'AMBER+STRICT': '0', RED: '0' }
/** MISP threat level (1 high … 4 undefined) for a severity of 1–5. */
const threatLevel = (severity?: number) => (severity === undefined ? '4' : severity >= 4 ? '1' : severity === 3 ? '2' : '3')
const epoch = (iso: string) => String(Math.floor(Date.parse(iso) / 1000))

/** The UUID an incident's event carries: the one of its STIX identifier, so MISP and STIX exports of one incident agree. */
export const eventUuid = (i: Incident) => (i.stix?.id ?? `incident--${uuidV5(`incident:${i.id}`)}`).split('--')[1]

const tag = (name: string) => ({ name })
const admiralty = (s: Source) => [tag(`admiralty-scale:source-reliability="${s.reliability.toLowerCase()}"`), tag(`admiralty-scale:information-credibility="${s.credibility}"`)]

/** One MISP event per incident in scope. */
export function exportMisp(ws: Workspace, scope: ExportScope = {}): MispEvent[] {
  const incidents = scope.incidentIds ? ws.incidents.filter((i) => scope.incidentIds!.has(i.id)) : ws.incidents
  const actors = new Map(ws.actors.map((a) => [a.id, a]))
  const sources = new Map(ws.sources.map((s) => [s.id, s]))
  return incidents.map((i) => {
    const cited = citedSourceIds(i)
      .map((id) => sources.get(id))
      .filter((s): s is Source => !!s)
    const involved = [...new Set([...i.actorIds, ...i.attributions.flatMap((a) => (a.toActorId ? [a.toActorId] : []))])].map((id) => actors.get(id)).filter((a): a is Actor => !!a)
    const likelihoods = [...new Set(i.attributions.flatMap((a) => (a.likelihood ? [a.likelihood] : [])))]
    const confidences = [...new Set(i.attributions.flatMap((a) => (a.confidence ? [a.confidence] : [])))]
    const uuid = eventUuid(i)
    const timestamp = epoch(i.updatedAt)
    return {
      Event: {
        uuid,
        info: i.title,
        date: (i.start ?? i.createdAt.slice(0, 10)).padEnd(7, '-01').padEnd(10, '-01'),
        threat_level_id: threatLevel(i.severity),
        analysis: i.status === 'confirmed' ? '2' : '1',
        distribution: DISTRIBUTION[i.tlp],
        published: false,
        timestamp,
        Tag: [
          tag(`tlp:${i.tlp.toLowerCase()}`),
          ...likelihoods.map((l) => tag(`estimative-language:likelihood-probability="${l}"`)),
          ...confidences.map((c) => tag(`estimative-language:confidence-in-analytic-judgment="${c}"`)),
          ...i.types.map((t) => tag(`watchfloor:incident-type="${t}"`)),
          tag(`watchfloor:state-nexus="${i.nexus}"`),
          ...i.sponsorCountries.map((c) => tag(`watchfloor:sponsor-country="${c}"`)),
          ...i.tags.map((t) => tag(t)),
        ],
        Attribute: cited
          .filter((s) => s.url)
          .map((s) => ({ uuid: uuidV5(`misp-link:${i.id}:${s.id}`), type: 'link', category: 'External analysis', value: s.url, comment: s.title, to_ids: false, distribution: '5', timestamp, Tag: admiralty(s) })),
        Galaxy: [
          ...(involved.length > 0
            ? [{ type: 'threat-actor', name: 'Threat Actor', GalaxyCluster: involved.map((a) => ({ type: 'threat-actor', value: a.name, description: a.description, meta: { synonyms: a.aliases, ...(a.country ? { country: [a.country] } : {}) } })) }]
            : []),
          ...(i.victims.length > 0
            ? [{ type: 'target-information', name: 'Target Information', GalaxyCluster: [...new Set(i.victims.map((v) => v.country))].map((c) => ({ type: 'target-information', value: countryName(c), meta: { 'country-code': [c] } })) }]
            : []),
        ],
        EventReport: [
          { uuid: uuidV5(`misp-report:${i.id}`), name: 'Summary', content: i.summary, distribution: '5', timestamp },
          ...(i.attributions.length > 0 || i.responses.length > 0
            ? [{ uuid: uuidV5(`misp-claims:${i.id}`), name: 'Attributions and responses', content: claimsText(i, actors), distribution: '5', timestamp }]
            : []),
        ],
      },
    }
  })
}

/** The attributions and responses in words, for the event report MISP shows beside the event. */
function claimsText(i: Incident, actors: Map<string, Actor>): string {
  const lines = ['## Attributions', '']
  for (const a of i.attributions) {
    const to = a.toActorId ? (actors.get(a.toActorId)?.name ?? a.toActorId) : a.toCountry ? countryName(a.toCountry) : 'unnamed'
    const likely = LIKELIHOOD_TERMS.find((t) => t.id === a.likelihood)?.label
    lines.push(`- ${a.date ?? 'undated'}: ${named(a.attributor, a.attributorActorId, actors)} attributes it to ${to}${likely ? ` (${likely}` : ''}${a.confidence ? `${likely ? ', ' : ' ('}${a.confidence} confidence)` : likely ? ')' : ''}`)
  }
  lines.push('', '## Responses', '')
  for (const r of i.responses) lines.push(`- ${r.date ?? 'undated'}: ${named(r.actor, r.actorId, actors)} — ${r.type}${r.target ? ` against ${r.target}` : ''}`)
  return lines.join('\n')
}

/** A claim's label, with the actor it names when that actor's name differs: "Government of Albania (actor: Albania)". */
function named(label: string, actorId: string | undefined, actors: Map<string, Actor>): string {
  const actor = actorId ? actors.get(actorId) : undefined
  return actor && actor.name !== label ? `${label} (actor: ${actor.name})` : label
}
