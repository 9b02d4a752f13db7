// The app-wide incident filter shared by every view, and the pure matching and sorting over it.
import { countryName } from './countries'
import { INCIDENT_TYPE_LABELS, type Actor, type Incident, type IncidentType, type StateNexus } from './domain'
import { comparePartialDates, overlapsWindow, partialDateRange, type PartialDate } from './partialDate'

export interface IncidentFilter {
  /** Words that must all appear in the incident's text (title, summary, tags, victims, actors…). */
  text: string
  victim: string | null
  sponsor: string | null
  type: IncidentType | null
  nexus: StateNexus | null
  /**
   * Inclusive window by partial dates: an incident matches when its span overlaps [from, to], or
   * when one of its dated attributions or responses falls in it (unless `incidentDatesOnly`).
   */
  from: PartialDate | null
  to: PartialDate | null
  /** The window looks at the incident's own dates only, not at its attributions and responses (default false). */
  incidentDatesOnly?: boolean
}

export const EMPTY_FILTER: IncidentFilter = { text: '', victim: null, sponsor: null, type: null, nexus: null, from: null, to: null, incidentDatesOnly: false }

/** What put an incident inside a date window: its own dates, or the first of its attributions or responses dated inside it. */
export interface DateMatch {
  by: 'incident' | 'attribution' | 'response'
  date: PartialDate
}

/**
 * Why `incident` falls in the window [from, to) (UTC ms; either end open when undefined): its own
 * span first, else its earliest attribution or response dated in it (skipped with `incidentDatesOnly`).
 * Null when nothing does.
 */
export function dateMatchIn(incident: Incident, from: number | undefined, to: number | undefined, incidentDatesOnly = false): DateMatch | null {
  if (incident.start && overlapsWindow(incident.start, from, to, incident.end)) return { by: 'incident', date: incident.start }
  if (incidentDatesOnly) return null
  let best: DateMatch | null = null
  const consider = (by: DateMatch['by'], date: PartialDate | undefined) => {
    if (date && overlapsWindow(date, from, to) && (!best || comparePartialDates(date, best.date) < 0)) best = { by, date }
  }
  // Responses first: on the same day, the response is what the reader looks for.
  for (const r of incident.responses) consider('response', r.date)
  for (const a of incident.attributions) consider('attribution', a.date)
  return best
}

/** `dateMatchIn` for a filter's window; null when the filter sets no dates. */
export function dateMatch(incident: Incident, f: Pick<IncidentFilter, 'from' | 'to' | 'incidentDatesOnly'>): DateMatch | null {
  if (!f.from && !f.to) return null
  return dateMatchIn(incident, f.from ? partialDateRange(f.from)[0] : undefined, f.to ? partialDateRange(f.to)[1] : undefined, f.incidentDatesOnly)
}

/** True when no criterion is set. */
export function isEmptyFilter(f: IncidentFilter): boolean {
  return f.text.trim() === '' && !f.victim && !f.sponsor && !f.type && !f.nexus && !f.from && !f.to
}

/** Lower-cased text an incident is searched by, actors resolved to their names and aliases. */
export function searchableText(incident: Incident, actors: ReadonlyMap<string, Actor>): string {
  const parts = [incident.title, incident.summary, incident.impact, ...incident.tags, ...incident.techniques]
  for (const v of incident.victims) parts.push(countryName(v.country), v.sector, v.organisation)
  for (const c of incident.sponsorCountries) parts.push(countryName(c))
  for (const t of incident.types) parts.push(INCIDENT_TYPE_LABELS[t])
  for (const id of incident.actorIds) {
    const a = actors.get(id)
    if (a) parts.push(a.name, ...a.aliases)
  }
  for (const a of incident.attributions) parts.push(a.attributor)
  for (const r of incident.responses) parts.push(r.actor)
  return parts.join(' \u0000 ').toLowerCase()
}

/** A compiled filter: `test(incident, textOf)` where `textOf(incident)` gives its searchableText (asked only when words are set). */
export function compileFilter(f: IncidentFilter): (incident: Incident, textOf: (incident: Incident) => string) => boolean {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean)
  const from = f.from ? partialDateRange(f.from)[0] : undefined
  const to = f.to ? partialDateRange(f.to)[1] : undefined
  return (i, textOf) => {
    if (f.victim && !i.victims.some((v) => v.country === f.victim)) return false
    if (f.sponsor && !i.sponsorCountries.includes(f.sponsor)) return false
    if (f.type && !i.types.includes(f.type)) return false
    if (f.nexus && i.nexus !== f.nexus) return false
    if ((from !== undefined || to !== undefined) && !dateMatchIn(i, from, to, f.incidentDatesOnly)) return false
    if (words.length > 0) {
      const haystack = textOf(i)
      if (!words.every((w) => haystack.includes(w))) return false
    }
    return true
  }
}

/** `searchableText` remembered per incident object (an edited incident is a new object); make a new one when actors change. */
export function textIndex(actors: ReadonlyMap<string, Actor>): (incident: Incident) => string {
  const cache = new WeakMap<Incident, string>()
  return (incident) => {
    let text = cache.get(incident)
    if (text === undefined) cache.set(incident, (text = searchableText(incident, actors)))
    return text
  }
}

/** The incidents of `list` that match `filter`, in their order; `list` itself when nothing is set, so callers can reuse work keyed on it. */
export function filterIncidents<L extends readonly Incident[]>(list: L, filter: IncidentFilter, textOf: (incident: Incident) => string): L | Incident[] {
  if (isEmptyFilter(filter)) return list
  const test = compileFilter(filter)
  return list.filter((i) => test(i, textOf))
}

export type SortKey = 'title' | 'start' | 'victims' | 'sponsor' | 'types' | 'status' | 'tlp'
export interface Sort {
  key: SortKey
  dir: 'asc' | 'desc'
}

const TLP_RANK = { CLEAR: 0, GREEN: 1, AMBER: 2, 'AMBER+STRICT': 3, RED: 4 } as const
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const names = (codes: string[]) => codes.map(countryName).join(', ')

/** The value an incident sorts by in a column; dates compare as canonical partial-date strings. */
function sortKey(i: Incident, key: SortKey): string | number {
  switch (key) {
    case 'title':
      return i.title
    case 'start':
      return i.start ?? ''
    case 'victims':
      return names(i.victims.map((v) => v.country))
    case 'sponsor':
      return names(i.sponsorCountries)
    case 'types':
      return i.types.map((t) => INCIDENT_TYPE_LABELS[t]).join(', ')
    case 'status':
      return i.status
    case 'tlp':
      return TLP_RANK[i.tlp]
  }
}

/**
 * Sorts incidents in place by one column; ties by start date then title so the order is stable.
 * Keys are computed once per incident, not per comparison: 100k rows sort in a few hundred ms.
 */
export function sortIncidents(list: Incident[], sort: Sort): Incident[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  const rows = list.map((incident) => ({ incident, key: sortKey(incident, sort.key), start: incident.start, title: incident.title.toLowerCase() }))
  type Row = (typeof rows)[number]
  const compareKeys = (a: Row, b: Row) => {
    if (typeof a.key === 'number') return a.key - (b.key as number)
    if (sort.key === 'start') return comparePartialDates(a.start, b.start)
    return sort.key === 'title' ? collator.compare(a.key, b.key as string) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0
  }
  // Ties compare cheap lower-cased strings: the collator is kept for the title column itself.
  rows.sort((a, b) => sign * (compareKeys(a, b) || comparePartialDates(a.start, b.start) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)))
  for (let n = 0; n < rows.length; n++) list[n] = rows[n].incident
  return list
}
