// Pure builders of the map's data from incidents: per-country counts, class breaks, sponsor→victim arcs, places, bounds.
import { geoInterpolate } from 'd3-geo'
import type { Feature, FeatureCollection, LineString } from 'geojson'
import type { Incident } from './domain'
import { mercator, type Place } from './mapClusters'

/** Which side of an incident a country is shaded for. */
export type CountryRole = 'victim' | 'sponsor'

/** Longitude, latitude in degrees. */
export type LonLat = [number, number]

export interface CountryCounts {
  victim: Map<string, number>
  sponsor: Map<string, number>
}

/** Incidents per country, as victim and as sponsor; an incident counts once per country even with several victims there. */
export function countByCountry(incidents: readonly Incident[]): CountryCounts {
  const victim = new Map<string, number>()
  const sponsor = new Map<string, number>()
  const seen = new Set<string>()
  for (const i of incidents) {
    if (i.victims.length === 1) victim.set(i.victims[0].country, (victim.get(i.victims[0].country) ?? 0) + 1)
    else if (i.victims.length > 1) {
      seen.clear()
      for (const v of i.victims) {
        if (seen.has(v.country)) continue
        seen.add(v.country)
        victim.set(v.country, (victim.get(v.country) ?? 0) + 1)
      }
    }
    for (const c of i.sponsorCountries) sponsor.set(c, (sponsor.get(c) ?? 0) + 1)
  }
  return { victim, sponsor }
}

/**
 * Lower bounds of up to `classes` choropleth classes over the non-zero counts, by quantiles of
 * the distinct values (so a few large countries do not squash the rest into one colour). The
 * first bound is always 1; bounds are strictly increasing whole numbers.
 */
export function classBreaks(counts: Iterable<number>, classes = 5): number[] {
  const values = [...new Set([...counts].filter((n) => n > 0))].sort((a, b) => a - b)
  if (values.length === 0) return []
  if (values.length <= classes) return values.map((v, n) => (n === 0 ? 1 : v))
  const breaks = [1]
  for (let k = 1; k < classes; k++) {
    const v = values[Math.round((k * (values.length - 1)) / classes)]
    if (v > breaks[breaks.length - 1]) breaks.push(v)
  }
  return breaks
}

/** Positions in a ramp of `rampSize` colours used for `classes` classes: spread end to end, the top class always the darkest. */
export function rampPositions(classes: number, rampSize = 5): number[] {
  if (classes >= rampSize) return Array.from({ length: rampSize }, (_, n) => n)
  if (classes === 1) return [rampSize - 1]
  return Array.from({ length: classes }, (_, n) => Math.round((n * (rampSize - 1)) / (classes - 1)))
}

/**
 * The shade a country gets: 0 for no incidents, else 1 + the ramp position of its class (the
 * highest class whose lower bound it reaches). The map keeps this in feature-state, so a filter
 * change repaints without re-tiling the boundaries.
 */
export function shadeOf(count: number, breaks: readonly number[], rampSize = 5): number {
  if (count <= 0 || breaks.length === 0 || count < breaks[0]) return 0
  let k = 0
  while (k + 1 < breaks.length && count >= breaks[k + 1]) k++
  return rampPositions(breaks.length, rampSize)[k] + 1
}

export interface LegendClass {
  from: number
  /** Inclusive upper bound; undefined for the open top class. */
  to: number | undefined
  label: string
}

/** Legend rows for class breaks: "1", "2–4", "5+"… with the largest count closing the top class when known. */
export function legendClasses(breaks: readonly number[], max?: number): LegendClass[] {
  return breaks.map((from, n) => {
    const next = breaks[n + 1]
    const to = next !== undefined ? next - 1 : max
    const label = to === undefined ? `${from}+` : to === from ? `${from}` : `${from}–${to}`
    return { from, to, label }
  })
}

export interface ArcProps {
  key: string
  from: string
  to: string
  count: number
}

export interface ArcData {
  arcs: FeatureCollection<LineString, ArcProps>
  /** Incident ids behind each arc, by arc key (kept out of feature properties, which mapbox-gl stringifies). */
  ids: Map<string, string[]>
}

/**
 * Great-circle arcs from each sponsor country to each victim country, one per pair, carrying the
 * number of incidents. Longitudes are unwrapped (may leave [-180, 180]) so an arc over the
 * antimeridian stays one continuous line, which mapbox-gl draws across the date line.
 * @param anchors label point per ISO code; pairs without both anchors are skipped.
 * @param steps points per arc (default 64).
 */
export function buildArcs(incidents: readonly Incident[], anchors: ReadonlyMap<string, LonLat>, steps = 64): ArcData {
  const ids = new Map<string, string[]>()
  for (const i of incidents) {
    if (i.sponsorCountries.length === 0 || i.victims.length === 0) continue
    for (const s of i.sponsorCountries) {
      let last = ''
      for (const v of i.victims) {
        if (v.country === s || v.country === last) continue
        last = v.country
        const key = `${s}>${v.country}`
        const list = ids.get(key)
        if (!list) ids.set(key, [i.id])
        else if (list[list.length - 1] !== i.id) list.push(i.id)
      }
    }
  }
  return arcsFromPairs(ids, anchors, steps)
}

/** Great-circle lines by arc key, per set of anchors: a filter change computes none anew. */
const arcLines = new WeakMap<ReadonlyMap<string, LonLat>, Map<string, LonLat[]>>()

/** Arc features for sponsor>victim pairs; pairs without both anchors are dropped from `ids` too. */
function arcsFromPairs(ids: Map<string, string[]>, anchors: ReadonlyMap<string, LonLat>, steps: number): ArcData {
  let lines = arcLines.get(anchors)
  if (!lines) arcLines.set(anchors, (lines = new Map()))
  const features: Feature<LineString, ArcProps>[] = []
  for (const [key, list] of ids) {
    const [from, to] = key.split('>')
    const a = anchors.get(from)
    const b = anchors.get(to)
    if (!a || !b) {
      ids.delete(key)
      continue
    }
    let line = lines.get(key)
    if (!line || line.length !== steps + 1) lines.set(key, (line = greatCircle(a, b, steps)))
    features.push({ type: 'Feature', properties: { key, from, to, count: list.length }, geometry: { type: 'LineString', coordinates: line } })
  }
  return { arcs: { type: 'FeatureCollection', features }, ids }
}

/** Points along the great circle from a to b, longitudes unwrapped so no step jumps by more than 180°. */
export function greatCircle(a: LonLat, b: LonLat, steps = 64): LonLat[] {
  const at = geoInterpolate(a, b)
  const out: LonLat[] = []
  let prev = a[0]
  for (let k = 0; k <= steps; k++) {
    const [lon, lat] = at(k / steps)
    let x = lon
    while (x - prev > 180) x -= 360
    while (x - prev < -180) x += 360
    out.push([Math.round(x * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4])
    prev = x
  }
  return out
}

/** Every place of the incidents, in order (incidents without locations add none). */
export function buildPlaces(incidents: readonly Incident[]): Place[] {
  return incidents.flatMap((i) => {
    const owner = ++owners
    return i.locations.map((l) => {
      const [x, y] = mercator(l.lon, l.lat)
      return { owner, id: i.id, title: i.title, label: l.label, lon: l.lon, lat: l.lat, x, y }
    })
  })
}

let owners = 0

/** Arc keys that carry any of the selected incidents (for the highlight layer's filter). */
export function arcKeysFor(selection: readonly string[], ids: ReadonlyMap<string, string[]>): string[] {
  if (selection.length === 0) return []
  const wanted = new Set(selection)
  const keys: string[] = []
  for (const [key, list] of ids) if (list.some((id) => wanted.has(id))) keys.push(key)
  return keys
}

/** The smallest lon/lat box around the points added to it. */
class BoundsBox {
  private w = Infinity
  private s = Infinity
  private e = -Infinity
  private n = -Infinity

  add(lon: number, lat: number): void {
    if (lon < this.w) this.w = lon
    if (lon > this.e) this.e = lon
    if (lat < this.s) this.s = lat
    if (lat > this.n) this.n = lat
  }

  /** [[west, south], [east, north]], or null when nothing was added. */
  bounds(): [LonLat, LonLat] | null {
    return this.w === Infinity ? null : [
      [this.w, this.s],
      [this.e, this.n],
    ]
  }
}

/** [[west, south], [east, north]] around the incidents' locations and their countries' label points; null when there is nothing to show. */
export function incidentBounds(incidents: readonly Incident[], anchors: ReadonlyMap<string, LonLat>): [LonLat, LonLat] | null {
  const box = new BoundsBox()
  const countries = new Set<string>()
  for (const i of incidents) {
    for (const l of i.locations) box.add(l.lon, l.lat)
    for (const v of i.victims) countries.add(v.country)
    for (const c of i.sponsorCountries) countries.add(c)
  }
  for (const c of countries) {
    const p = anchors.get(c)
    if (p) box.add(p[0], p[1])
  }
  return box.bounds()
}

/** True when at least one incident names a country or a location, i.e. the map has something to draw. */
export function hasMappable(incidents: readonly Incident[]): boolean {
  return incidents.some((i) => i.victims.length > 0 || i.sponsorCountries.length > 0 || i.locations.length > 0)
}

export interface MapData {
  counts: CountryCounts
  breaks: Record<CountryRole, number[]>
  max: Record<CountryRole, number>
  arcs: ArcData
  /** Every place of the incidents, clustered by the map (shared/mapClusters). */
  places: Place[]
  bounds: [LonLat, LonLat] | null
  /** Incidents drawn (under the filter). */
  shown: number
  /** False when no incident names a country or a place: the map shows an empty state. */
  mappable: boolean
}

/** What one incident adds to the map, worked out once per incident record (an edited incident is a new object). */
interface Contribution {
  /** Victim countries, each once. */
  victims: string[]
  sponsors: readonly string[]
  /** sponsor>victim keys, each once. */
  pairs: string[]
  places: Place[]
}

const contributions = new WeakMap<Incident, Contribution>()

function contributionOf(i: Incident): Contribution {
  let c = contributions.get(i)
  if (c) return c
  const victims = [...new Set(i.victims.map((v) => v.country))]
  const pairs = new Set<string>()
  for (const s of i.sponsorCountries) for (const v of victims) if (v !== s) pairs.add(`${s}>${v}`)
  c = { victims, sponsors: i.sponsorCountries, pairs: [...pairs], places: buildPlaces([i]) }
  contributions.set(i, c)
  return c
}

/**
 * Everything the map draws for a set of incidents, in one pass over them (the same results as
 * countByCountry, buildArcs, buildPlaces, incidentBounds and hasMappable, which the tests compare).
 */
export function buildMapData(incidents: readonly Incident[], anchors: ReadonlyMap<string, LonLat>): MapData {
  const victim = new Map<string, number>()
  const sponsor = new Map<string, number>()
  const pairs = new Map<string, string[]>()
  const places: Place[] = []
  const box = new BoundsBox()
  let mappable = false
  for (const i of incidents) {
    const c = contributionOf(i)
    for (const v of c.victims) victim.set(v, (victim.get(v) ?? 0) + 1)
    for (const v of c.sponsors) sponsor.set(v, (sponsor.get(v) ?? 0) + 1)
    for (const key of c.pairs) {
      const list = pairs.get(key)
      if (list) list.push(i.id)
      else pairs.set(key, [i.id])
    }
    for (const p of c.places) {
      places.push(p)
      box.add(p.lon, p.lat)
    }
    if (!mappable && (c.victims.length > 0 || c.sponsors.length > 0 || c.places.length > 0)) mappable = true
  }
  for (const countries of [victim.keys(), sponsor.keys()]) {
    for (const c of countries) {
      const p = anchors.get(c)
      if (p) box.add(p[0], p[1])
    }
  }
  const maxOf = (m: Map<string, number>) => {
    let x = 0
    for (const v of m.values()) if (v > x) x = v
    return x
  }
  return {
    counts: { victim, sponsor },
    breaks: { victim: classBreaks(victim.values()), sponsor: classBreaks(sponsor.values()) },
    max: { victim: maxOf(victim), sponsor: maxOf(sponsor) },
    arcs: arcsFromPairs(pairs, anchors, 64),
    places,
    bounds: box.bounds(),
    shown: incidents.length,
    mappable,
  }
}
