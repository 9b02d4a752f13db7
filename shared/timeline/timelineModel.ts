// The timeline's data, built once per incident list and grouping: lanes, and typed arrays of spans and markers sorted by time.

import { countryName } from '../countries'
import { INCIDENT_TYPE_LABELS, RESPONSE_TYPES, type Actor, type Incident } from '../domain'
import { partialDateRange, precisionOf, type PartialDate } from '../partialDate'

export type GroupBy = 'victim' | 'sponsor' | 'type' | 'actor'
export const GROUP_BY_LABELS: Record<GroupBy, string> = { victim: 'Victim country', sponsor: 'Sponsor', type: 'Incident type', actor: 'Actor' }

/** Precision codes kept in typed arrays. */
export const PREC = { year: 0, month: 1, day: 2 } as const

/** Marker kinds: 0 is an attribution, 1 + i is RESPONSE_TYPES[i]. */
export const ATTRIBUTION_KIND = 0

export interface Lane {
  key: string
  label: string
}

/** Spans (incidents) or markers (attributions, responses), sorted by lane then start. */
export interface Entries {
  n: number
  /** Start and end of what is drawn, UTC ms: a partial date covers its whole day, month or year. */
  start: Float64Array
  end: Float64Array
  lane: Int32Array
  /** Index of the incident in `model.incidents`. */
  incident: Int32Array
  /** Precision of the start and of the end (PREC codes). */
  startPrec: Uint8Array
  endPrec: Uint8Array
  /** Items of lane l are [offset[l], offset[l + 1]). */
  offset: Int32Array
  /** Longest item per lane, ms: bounds the binary search for items that started before the window. */
  maxDur: Float64Array
}

export interface Markers extends Entries {
  kind: Uint8Array
  /** Index of the attribution or response within its incident. */
  ref: Int32Array
}

export interface TimelineModel {
  groupBy: GroupBy
  incidents: Incident[]
  lanes: Lane[]
  spans: Entries & { row: Int32Array }
  marks: Markers
  /** Sub-rows per lane after packing overlapping spans. */
  laneRows: Int32Array
  /** Extent of everything drawn, UTC ms; null with nothing dated. */
  extent: [number, number] | null
  /** Incidents with no start date: they cannot be placed. */
  undated: number
}

/** At most this many sub-rows per lane; later overlaps share the row that frees up first. */
export const MAX_ROWS = 4
const NONE = '\u0000none'
const RESPONSE_INDEX = new Map<string, number>(RESPONSE_TYPES.map((t, i) => [t.id, i]))

/** The lane keys of an incident for a grouping (several when it has several victims, sponsors…). */
export function laneKeys(incident: Incident, groupBy: GroupBy): string[] {
  let keys: string[]
  switch (groupBy) {
    case 'victim':
      keys = incident.victims.map((v) => v.country)
      break
    case 'sponsor':
      keys = incident.sponsorCountries
      break
    case 'type':
      keys = incident.types
      break
    case 'actor':
      keys = incident.actorIds
      break
  }
  return keys.length === 0 ? [NONE] : [...new Set(keys)]
}

function laneLabel(key: string, groupBy: GroupBy, actors: ReadonlyMap<string, Actor>): string {
  if (key === NONE) return { victim: 'No victim recorded', sponsor: 'No sponsor recorded', type: 'No type recorded', actor: 'No actor recorded' }[groupBy]
  switch (groupBy) {
    case 'victim':
    case 'sponsor':
      return countryName(key)
    case 'type':
      return INCIDENT_TYPE_LABELS[key as keyof typeof INCIDENT_TYPE_LABELS] ?? key
    case 'actor':
      return actors.get(key)?.name ?? key
  }
}

const prec = (d: PartialDate) => PREC[precisionOf(d)]

interface Raw {
  start: number
  end: number
  lane: number
  incident: number
  sp: number
  ep: number
  kind: number
  ref: number
}

function pack<T extends Entries>(raw: Raw[], laneCount: number, extra: (e: T, r: Raw, i: number) => void, alloc: (n: number) => T): T {
  raw.sort((a, b) => a.lane - b.lane || a.start - b.start || a.end - b.end)
  const e = alloc(raw.length)
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]
    e.start[i] = r.start
    e.end[i] = r.end
    e.lane[i] = r.lane
    e.incident[i] = r.incident
    e.startPrec[i] = r.sp
    e.endPrec[i] = r.ep
    e.maxDur[r.lane] = Math.max(e.maxDur[r.lane], r.end - r.start)
    extra(e, r, i)
  }
  let at = 0
  for (let l = 0; l <= laneCount; l++) {
    while (at < raw.length && raw[at].lane < l) at++
    e.offset[l] = at
  }
  return e
}

function entries(n: number, laneCount: number): Entries {
  return {
    n,
    start: new Float64Array(n),
    end: new Float64Array(n),
    lane: new Int32Array(n),
    incident: new Int32Array(n),
    startPrec: new Uint8Array(n),
    endPrec: new Uint8Array(n),
    offset: new Int32Array(laneCount + 1),
    maxDur: new Float64Array(laneCount),
  }
}

/**
 * Assigns each span of a lane (sorted by start) the first sub-row free at its start; with all
 * MAX_ROWS taken, the row that frees up first. Returns the row count used.
 */
export function packRows(start: Float64Array, end: Float64Array, from: number, to: number, row: Int32Array): number {
  const rowEnd: number[] = []
  for (let i = from; i < to; i++) {
    let r = rowEnd.findIndex((e) => e <= start[i])
    if (r < 0) {
      if (rowEnd.length < MAX_ROWS) r = rowEnd.push(0) - 1
      else r = rowEnd.indexOf(Math.min(...rowEnd))
    }
    row[i] = r
    rowEnd[r] = Math.max(rowEnd[r], end[i])
  }
  return Math.max(1, rowEnd.length)
}

/** Builds the model: lanes ordered by name (the "none" lane last), spans and markers sorted per lane. */
export function buildModel(incidents: Incident[], groupBy: GroupBy, actors: ReadonlyMap<string, Actor> = new Map()): TimelineModel {
  const keys = new Set<string>()
  let undated = 0
  for (const inc of incidents) {
    if (!inc.start) undated++
    else for (const k of laneKeys(inc, groupBy)) keys.add(k)
  }
  const lanes = [...keys]
    .map((key) => ({ key, label: laneLabel(key, groupBy, actors) }))
    .sort((a, b) => (a.key === NONE ? 1 : b.key === NONE ? -1 : a.label.localeCompare(b.label)))
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]))

  const spanRaw: Raw[] = []
  const markRaw: Raw[] = []
  let lo = Infinity
  let hi = -Infinity
  incidents.forEach((inc, n) => {
    if (!inc.start) return
    const [s] = partialDateRange(inc.start)
    const end = inc.end && inc.end >= inc.start.slice(0, inc.end.length) ? inc.end : inc.start
    const e = partialDateRange(end)[1]
    lo = Math.min(lo, s)
    hi = Math.max(hi, e)
    for (const key of laneKeys(inc, groupBy)) {
      const lane = laneIndex.get(key)!
      spanRaw.push({ start: s, end: e, lane, incident: n, sp: prec(inc.start), ep: prec(end), kind: 0, ref: 0 })
      const mark = (date: PartialDate | undefined, kind: number, ref: number) => {
        if (!date) return
        const [ms, me] = partialDateRange(date)
        lo = Math.min(lo, ms)
        hi = Math.max(hi, me)
        markRaw.push({ start: ms, end: me, lane, incident: n, sp: prec(date), ep: prec(date), kind, ref })
      }
      inc.attributions.forEach((a, i) => mark(a.date, ATTRIBUTION_KIND, i))
      inc.responses.forEach((r, i) => mark(r.date, 1 + (RESPONSE_INDEX.get(r.type) ?? 0), i))
    }
  })

  const L = lanes.length
  const spans = pack(spanRaw, L, () => undefined, (n) => ({ ...entries(n, L), row: new Int32Array(n) }))
  const marks = pack<Markers>(
    markRaw,
    L,
    (m, r, i) => {
      m.kind[i] = r.kind
      m.ref[i] = r.ref
    },
    (n) => ({ ...entries(n, L), kind: new Uint8Array(n), ref: new Int32Array(n) }),
  )
  const laneRows = new Int32Array(L)
  for (let l = 0; l < L; l++) laneRows[l] = packRows(spans.start, spans.end, spans.offset[l], spans.offset[l + 1], spans.row)
  return { groupBy, incidents, lanes, spans, marks, laneRows, extent: lo <= hi ? [lo, hi] : null, undated }
}
