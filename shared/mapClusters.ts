// Clustering of incident places for the map, done in the page per filter change and zoom level.
// mapbox-gl's own clustering re-indexes every point in its worker on each data change (0.3–0.6 s
// at 100k places); here places are projected once per incident record, a filter change is one
// pass over a grid of cells, and the map receives only the clusters and lone points in view.
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { LonLat } from './mapData'

/** One place of one incident, with its web-mercator position in [0, 1]² (x east, y south). */
export interface Place {
  /** A number per incident record (ids are strings, slow to compare by the 100k). */
  owner: number
  id: string
  title: string
  label: string
  lon: number
  lat: number
  x: number
  y: number
}

/** Web-mercator x, y in [0, 1] of a longitude and latitude (latitude clamped where the projection ends). */
export function mercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180)
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)]
}

function lonLat(x: number, y: number): LonLat {
  return [(x - 0.5) * 360, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI]
}

/** Pixels across the whole world at zoom 0 (mapbox-gl's tile size). */
const WORLD_PX = 512
/** Places closer than this on screen, in pixels, join one cluster. */
export const CLUSTER_RADIUS = 40
/** Beyond this zoom places are never clustered. */
export const CLUSTER_MAX_ZOOM = 8

/** The part of the world to cluster, in mercator units; x0 may be negative and x1 above 1 (world copies). */
export interface ViewBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface ClusterProps {
  /** Index into ClusterSet.groups. */
  cluster: number
  /** Distinct incidents in the cluster. */
  point_count: number
  point_count_abbreviated: string
}

export interface LonePointProps {
  id: string
  title: string
  place: string
}

export interface ClusterSet {
  features: FeatureCollection<Point, ClusterProps | LonePointProps>
  /** Member places (indices into the places clustered) of each cluster feature. */
  groups: number[][]
  /** The integer zoom level the clusters were made for. */
  zoom: number
}

const abbreviate = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n))

function inView(p: Place, view: ViewBox): boolean {
  if (p.y < view.y0 || p.y > view.y1) return false
  const span = view.x1 - view.x0
  if (span >= 1) return true
  const dx = p.x - view.x0
  return dx - Math.floor(dx) <= span
}

/**
 * Clusters places (the places of one incident next to each other, as buildMapData lists them) on a grid of `radius`-pixel cells at the integer zoom level under `zoom`, then
 * merges neighbouring cells whose centres are within `radius` pixels, largest first (so a group
 * split by a cell edge still draws as one). A cell with places of one incident draws as that
 * incident's point. Above CLUSTER_MAX_ZOOM every place is its own point.
 * @param view only places inside it are clustered (null: the whole world).
 */
export function clusterPlaces(places: readonly Place[], zoom: number, view: ViewBox | null, radius = CLUSTER_RADIUS): ClusterSet {
  const z = Math.max(0, Math.floor(zoom))
  const clustering = z <= CLUSTER_MAX_ZOOM
  const n = clustering ? Math.ceil((WORLD_PX * 2 ** z) / radius) : 0
  const index = new Map<number, number>()
  const members: number[][] = []
  const sx: number[] = []
  const sy: number[] = []
  for (let k = 0; k < places.length; k++) {
    const p = places[k]
    if (view && !inView(p, view)) continue
    let c: number | undefined
    if (clustering) {
      const key = Math.max(0, Math.min(n - 1, Math.floor(p.x * n))) * n + Math.max(0, Math.min(n - 1, Math.floor(p.y * n)))
      c = index.get(key)
      if (c === undefined) index.set(key, (c = members.length))
    } else c = members.length
    if (c === members.length) {
      members.push([k])
      sx.push(p.x)
      sy.push(p.y)
    } else {
      members[c].push(k)
      sx[c] += p.x
      sy[c] += p.y
    }
  }
  const merged = new Uint8Array(members.length)
  if (clustering) {
    const reach = radius / (WORLD_PX * 2 ** z)
    const order = [...index.entries()].sort((a, b) => members[b[1]].length - members[a[1]].length)
    for (const [key, c] of order) {
      if (merged[c]) continue
      const cx = Math.floor(key / n)
      const cy = key % n
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          if ((dx === 0 && dy === 0) || cx + dx < 0 || cx + dx >= n || cy + dy < 0 || cy + dy >= n) continue
          const o = index.get((cx + dx) * n + cy + dy)
          if (o === undefined || merged[o]) continue
          const size = members[c].length
          const other = members[o].length
          if (Math.hypot(sx[c] / size - sx[o] / other, sy[c] / size - sy[o] / other) > reach) continue
          for (const m of members[o]) members[c].push(m)
          sx[c] += sx[o]
          sy[c] += sy[o]
          merged[o] = 1
        }
      }
    }
  }
  // Distinct incidents per cluster without hashing ids: a place's incident is known by the index
  // of that incident's first place (its places are listed together), stamped once per cluster.
  const first = new Int32Array(places.length)
  for (let k = 1; k < places.length; k++) first[k] = places[k].owner === places[k - 1].owner ? first[k - 1] : k
  const stamp = new Int32Array(places.length)
  const features: Feature<Point, ClusterProps | LonePointProps>[] = []
  const groups: number[][] = []
  for (let c = 0; c < members.length; c++) {
    if (merged[c]) continue
    const list = members[c]
    let distinct = 0
    for (const m of list) {
      if (stamp[first[m]] === c + 1) continue
      stamp[first[m]] = c + 1
      distinct++
    }
    if (distinct === 1) {
      // One incident: its own point at each of its places here.
      for (const m of list) {
        const p = places[m]
        features.push({ type: 'Feature', properties: { id: p.id, title: p.title, place: p.label }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })
      }
      continue
    }
    features.push({
      type: 'Feature',
      properties: { cluster: groups.length, point_count: distinct, point_count_abbreviated: abbreviate(distinct) },
      geometry: { type: 'Point', coordinates: lonLat(sx[c] / list.length, sy[c] / list.length) },
    })
    groups.push(list)
  }
  return { features: { type: 'FeatureCollection', features }, groups, zoom: z }
}

/**
 * The zoom level at which a cluster's places fall into more than one cell, i.e. where clicking it
 * should zoom to; null when they never part (all at one spot), so the click selects them instead.
 */
export function expansionZoom(places: readonly Place[], group: readonly number[], zoom: number, radius = CLUSTER_RADIUS): number | null {
  const first = places[group[0]]
  for (let z = Math.max(0, Math.floor(zoom)) + 1; z <= CLUSTER_MAX_ZOOM; z++) {
    const n = Math.ceil((WORLD_PX * 2 ** z) / radius)
    const cell = (p: Place) => Math.floor(p.x * n) * n + Math.floor(p.y * n)
    const home = cell(first)
    if (group.some((m) => cell(places[m]) !== home)) return z
  }
  return group.some((m) => places[m].x !== first.x || places[m].y !== first.y) ? CLUSTER_MAX_ZOOM + 1 : null
}
