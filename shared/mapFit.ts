// Framing whole countries: each country's extent from its boundary, and bounds grown to hold the countries in view entirely.
import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { LonLat } from './mapData'

export type Bounds = [LonLat, LonLat]

/** Parts smaller than this share of the largest part's box (far islands, overseas territories) do not widen a country's extent. */
const MINOR_PART = 0.2

function ringBox(ring: Position[]): Bounds {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) {
    if (x < w) w = x
    if (x > e) e = x
    if (y < s) s = y
    if (y > n) n = y
  }
  return [
    [w, s],
    [e, n],
  ]
}

const area = (b: Bounds) => (b[1][0] - b[0][0]) * (b[1][1] - b[0][1])

/**
 * A country's extent, [[west, south], [east, north]] in degrees: the box of its largest part and of
 * every part at least a fifth that size, so Albania is framed whole and the United States is not
 * stretched to Guam.
 */
export function countryExtent(geometry: Polygon | MultiPolygon): Bounds | null {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  const boxes = polys.filter((p) => p[0]?.length).map((p) => ringBox(p[0]))
  if (boxes.length === 0) return null
  const biggest = Math.max(...boxes.map(area))
  const kept = boxes.filter((b) => area(b) >= biggest * MINOR_PART)
  return [
    [Math.min(...kept.map((b) => b[0][0])), Math.min(...kept.map((b) => b[0][1]))],
    [Math.max(...kept.map((b) => b[1][0])), Math.max(...kept.map((b) => b[1][1]))],
  ]
}

/** `bounds` (may be null) grown to hold each extent entirely; null when there is nothing at all. */
export function unionBounds(bounds: Bounds | null, extents: Iterable<Bounds | null | undefined>): Bounds | null {
  let out = bounds
  for (const e of extents) {
    if (!e) continue
    out = out
      ? [
          [Math.min(out[0][0], e[0][0]), Math.min(out[0][1], e[0][1])],
          [Math.max(out[1][0], e[1][0]), Math.max(out[1][1], e[1][1])],
        ]
      : e
  }
  return out
}
