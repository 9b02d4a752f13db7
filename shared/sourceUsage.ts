// Which records cite a source: the incidents, attributions and responses that rest on it, counted and named, and which sources nothing uses.
import { RESPONSE_TYPES, type Incident, type Note, type Source } from './domain'
import { formatPartialDate } from './partialDate'
import { linkedIds } from './wikiLinks'

/** One record that cites a source: an incident as a whole, or one of its claims. */
export interface Citation {
  incidentId: string
  incidentTitle: string
  kind: 'incident' | 'attribution' | 'response'
  /** The attribution's or response's id; absent for the incident itself. */
  claimId?: string
  /** Who made the claim, for an attribution or a response. */
  by?: string
  /** What a response was: "Expel diplomats". */
  what?: string
  date?: string
}

const RESPONSE_LABEL = new Map<string, string>(RESPONSE_TYPES.map((t) => [t.id, t.label]))

type Citing = Pick<Incident, 'id' | 'title' | 'sourceIds' | 'attributions' | 'responses'>

/** Every record of `incidents` that cites source `id`, incident by incident: the incident itself first, then its attributions, then its responses. */
export function citationsOf(incidents: readonly Citing[], id: string): Citation[] {
  const out: Citation[] = []
  for (const i of incidents) {
    const base = { incidentId: i.id, incidentTitle: i.title }
    if (i.sourceIds.includes(id)) out.push({ ...base, kind: 'incident' })
    for (const a of i.attributions) if (a.sourceIds.includes(id)) out.push({ ...base, kind: 'attribution', claimId: a.id, by: a.attributor, date: a.date })
    for (const r of i.responses) if (r.sourceIds.includes(id)) out.push({ ...base, kind: 'response', claimId: r.id, by: r.actor, date: r.date, what: RESPONSE_LABEL.get(r.type) })
  }
  return out
}

/** How many claims (attributions and responses) and how many incidents cite each source, by source id; sources nothing cites are absent. */
export function sourceUseCounts(incidents: readonly Citing[]): Map<string, { claims: number; incidents: number }> {
  const counts = new Map<string, { claims: number; incidents: number }>()
  const entry = (id: string) => {
    let c = counts.get(id)
    if (!c) counts.set(id, (c = { claims: 0, incidents: 0 }))
    return c
  }
  for (const i of incidents) {
    const here = new Set(i.sourceIds)
    for (const claim of [...i.attributions, ...i.responses]) {
      for (const id of new Set(claim.sourceIds)) {
        entry(id).claims++
        here.add(id)
      }
    }
    for (const id of here) entry(id).incidents++
  }
  return counts
}

/** A claim in words: `attribution by Mandiant (Aug 2022)`, `response (Expel diplomats) by Government of Albania (7 Sep 2022)`. */
function claimWords(c: Citation): string {
  const when = c.date ? ` (${formatPartialDate(c.date)})` : ''
  return `${c.kind}${c.what ? ` (${c.what})` : ''} by ${c.by}${when}`
}

/** A citation in words: `attribution by Government of Albania (7 Sep 2022) in “Destructive attack…”`. */
export function describeCitation(c: Citation): string {
  return c.kind === 'incident' ? `incident “${c.incidentTitle}”` : `${claimWords(c)} in “${c.incidentTitle}”`
}

/** What a source supports within one list of citations, grouped per incident: `Destructive attack…: the incident; attribution by Mandiant (Aug 2022)`. */
export function describeSupport(citations: readonly Citation[]): string {
  const byIncident = new Map<string, { title: string; parts: string[] }>()
  for (const c of citations) {
    let group = byIncident.get(c.incidentId)
    if (!group) byIncident.set(c.incidentId, (group = { title: c.incidentTitle, parts: [] }))
    group.parts.push(c.kind === 'incident' ? 'the incident' : claimWords(c))
  }
  return [...byIncident.values()].map((g) => `${g.title}: ${g.parts.join('; ')}`).join(' · ')
}

/** Sources no incident, attribution or response cites and no note links to or names: left behind, safe to clean up. */
export function orphanSources(sources: readonly Source[], incidents: readonly Citing[], notes: readonly Pick<Note, 'body'>[]): Source[] {
  const used = new Set(sourceUseCounts(incidents).keys())
  for (const n of notes) for (const id of linkedIds(n.body)) used.add(id)
  return sources.filter((s) => !used.has(s.id))
}
