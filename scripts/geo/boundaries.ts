// Turns a world-atlas topology into the map's country GeoJSON: re-cut at ±180°, Antarctica closed, ISO codes, names, label points.
// d3-geo-projection ships no types; this file's own declarations are pulled in here for every build that compiles boundaries.ts.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./d3-geo-projection.d.ts" />
import { geoArea, geoEquirectangular } from 'd3-geo'
import { geoProject } from 'd3-geo-projection'
import polylabel from 'polylabel'
import { feature } from 'topojson-client'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { countryName } from '../../shared/countries'
import { NUMERIC_TO_ALPHA2, UNCODED_UNITS } from './isoNumeric'

/** Mapbox's Web Mercator stops here; latitudes beyond it cannot be drawn. */
export const MAX_LAT = 85.0511
const DIGITS = 1e3

export interface CountryProps {
  /** ISO 3166-1 alpha-2 (XK for Kosovo), or '' for a unit without a code. */
  iso: string
  name: string
}
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>

/** ISO alpha-2 for a world-atlas geometry: by numeric id, else by its Natural Earth name. */
export function isoFor(id: string | number | undefined, neName: string): string {
  if (id !== undefined && id !== null && NUMERIC_TO_ALPHA2[String(id)]) return NUMERIC_TO_ALPHA2[String(id)]
  return UNCODED_UNITS[neName] ?? ''
}

// An equirectangular projection with unit scale is the identity on degrees (x = lon, y = lat);
// projecting through it makes d3 cut every ring at the antimeridian and close the polar cap.
const identity = geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).reflectY(true).precision(0)

function clampRing(ring: Position[]): Position[] {
  const out: Position[] = []
  for (const [x, y] of ring) {
    const p = [Math.round(Math.max(-180, Math.min(180, x)) * DIGITS) / DIGITS, Math.round(Math.max(-MAX_LAT, Math.min(MAX_LAT, y)) * DIGITS) / DIGITS]
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  return out
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

function planarArea(ring: Position[]): number {
  let a = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1])
  return Math.abs(a / 2)
}

/** Re-cuts one geometry at ±180° in degrees; drops slivers the clamp collapses. */
export function recut(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const projected = geoProject({ type: 'Feature', properties: {}, geometry } as Feature, identity) as Feature<Polygon | MultiPolygon> | null
  if (!projected?.geometry) return null
  const polys = polygonsOf(projected.geometry)
    .map((rings) => rings.map(clampRing).filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0 && planarArea(rings[0]) > 0)
  if (polys.length === 0) return null
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }
}

/** The country features of a world-atlas topology (object `countries`), ready for mapbox-gl. */
export function countriesFrom(topology: Topology): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  const fc = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Polygon | MultiPolygon | null, { name: string }>
  const features: CountryFeature[] = []
  for (const f of fc.features) {
    if (!f.geometry) continue
    const iso = isoFor(f.id, f.properties.name)
    const geometry = recut(f.geometry)
    if (!geometry) continue
    features.push({ type: 'Feature', properties: { iso, name: iso ? countryName(iso) : f.properties.name }, geometry })
  }
  return { type: 'FeatureCollection', features }
}

/**
 * One label point per ISO code: the pole of inaccessibility (polylabel) of the code's largest
 * polygon by area on the sphere, so France is labelled in Europe and the US in its mainland.
 */
export function labelPoints(countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>): FeatureCollection<Point, CountryProps & { area: number }> {
  const best = new Map<string, { rings: Position[][]; area: number; name: string; total: number }>()
  for (const f of countries.features) {
    if (!f.properties.iso) continue
    for (const rings of polygonsOf(f.geometry)) {
      const area = geoArea({ type: 'Polygon', coordinates: [[...rings[0]].reverse()] })
      const sphere = area > 2 * Math.PI ? 4 * Math.PI - area : area
      const cur = best.get(f.properties.iso)
      const total = (cur?.total ?? 0) + sphere
      if (!cur || sphere > cur.area) best.set(f.properties.iso, { rings, area: sphere, name: f.properties.name, total })
      else cur.total = total
    }
  }
  const features: Feature<Point, CountryProps & { area: number }>[] = []
  for (const [iso, b] of best) {
    const [x, y] = polylabel(b.rings as [number, number][][], 0.05)
    features.push({
      type: 'Feature',
      properties: { iso, name: b.name, area: Math.round(b.total * 1e6) / 1e6 },
      geometry: { type: 'Point', coordinates: [Math.round(x * 100) / 100, Math.round(y * 100) / 100] },
    })
  }
  features.sort((a, b) => b.properties.area - a.properties.area)
  return { type: 'FeatureCollection', features }
}
