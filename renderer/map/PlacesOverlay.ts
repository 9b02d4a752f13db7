// Incident places drawn on a 2D canvas over the map: clusters with counts, lone points, selection rings.
// A filter change redraws this canvas at once; through a mapbox-gl source it would wait for the
// worker to re-tile and for several frames (0.1–0.3 s in a software renderer at 100k incidents).
import type mapboxgl from 'mapbox-gl'
import type { ClusterProps, ClusterSet, LonePointProps } from '../../shared/mapClusters'
import type { LonLat } from '../../shared/mapData'
import type { Palette } from './mapStyle'

/** What a place on screen is: a cluster (its member places) or one incident's point. */
export type PlaceHit = { kind: 'cluster'; group: number; count: number; label: string; at: LonLat } | { kind: 'point'; id: string; title: string; place: string; at: LonLat }

/** A drawn item in CSS pixels of the map (the tests and the hit test read these): the circle's centre and radius. */
export interface DrawnPlace {
  x: number
  y: number
  radius: number
  hit: PlaceHit
  /** Where the place itself is when the circle stands above it on a stem (clusters), else x, y. */
  px: number
  py: number
}

/** How far a cluster's circle stands above its place, px: the stem leaves the country under the place clickable. */
export const STEM = 6

const POINT_RADIUS = 6
const RING_RADIUS = 10

/** Cluster radius by the number of incidents in it: 10 px for 2, 16 for 100, 26 for 10 000 and more. */
export function clusterRadius(count: number): number {
  const stops: [number, number][] = [
    [2, 10],
    [100, 16],
    [10_000, 26],
  ]
  if (count <= stops[0][0]) return stops[0][1]
  for (let k = 1; k < stops.length; k++) {
    const [c0, r0] = stops[k - 1]
    const [c1, r1] = stops[k]
    if (count <= c1) return r0 + ((r1 - r0) * (count - c0)) / (c1 - c0)
  }
  return stops[stops.length - 1][1]
}

export class PlacesOverlay {
  readonly canvas: HTMLCanvasElement
  private clusters: ClusterSet | null = null
  private selected = new Set<string>()
  /** What the last draw put on screen, top-most last. */
  drawn: DrawnPlace[] = []

  constructor(
    private readonly map: mapboxgl.Map,
    private palette: Palette,
  ) {
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'map-places'
    this.canvas.setAttribute('aria-hidden', 'true')
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' })
    map.getCanvasContainer().appendChild(this.canvas)
    // Every frame of the map (pan, zoom, resize) redraws the places where the map now puts them.
    map.on('render', this.draw)
  }

  setClusters(clusters: ClusterSet): void {
    this.clusters = clusters
    this.draw()
  }

  setSelection(ids: readonly string[]): void {
    this.selected = new Set(ids)
    this.draw()
  }

  setPalette(palette: Palette): void {
    this.palette = palette
    this.draw()
  }

  /** Incident ids drawn with a selection ring. */
  get highlighted(): string[] {
    return [...new Set(this.drawn.filter((d) => d.hit.kind === 'point' && this.selected.has(d.hit.id)).map((d) => (d.hit as { id: string }).id))]
  }

  /** The items under a point of the map (CSS pixels), within `slop` pixels of their edge, top-most first. */
  hitsAt(x: number, y: number, slop = 0): PlaceHit[] {
    const out: PlaceHit[] = []
    for (let k = this.drawn.length - 1; k >= 0; k--) {
      const d = this.drawn[k]
      if (Math.hypot(d.x - x, d.y - y) <= d.radius + slop) out.push(d.hit)
    }
    return out
  }

  destroy(): void {
    this.map.off('render', this.draw)
    this.canvas.remove()
  }

  private readonly draw = (): void => {
    const source = this.map.getCanvas()
    const width = source.clientWidth
    const height = source.clientHeight
    const ratio = window.devicePixelRatio || 1
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio)
      this.canvas.height = Math.round(height * ratio)
      this.canvas.style.width = `${width}px`
      this.canvas.style.height = `${height}px`
    }
    const ctx = this.canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, width, height)
    this.drawn = []
    if (!this.clusters) return
    // The map repeats the world sideways; a place is drawn on every copy in view.
    const worldWidth = 512 * 2 ** this.map.getZoom()
    const copies = this.map.getRenderWorldCopies() ? [-1, 0, 1] : [0]
    const p = this.palette
    const rings: DrawnPlace[] = []
    for (const f of this.clusters.features.features) {
      const at = f.geometry.coordinates as LonLat
      const base = this.map.project(at)
      const props = f.properties
      const cluster = 'cluster' in props
      const radius = cluster ? clusterRadius((props as ClusterProps).point_count) : POINT_RADIUS
      for (const copy of copies) {
        const x = base.x + copy * worldWidth
        const y = base.y
        if (x < -radius || x > width + radius || y < -radius || y > height + 2 * radius + STEM) continue
        const hit: PlaceHit = cluster
          ? { kind: 'cluster', group: (props as ClusterProps).cluster, count: (props as ClusterProps).point_count, label: (props as ClusterProps).point_count_abbreviated, at }
          : { kind: 'point', id: (props as LonePointProps).id, title: (props as LonePointProps).title, place: (props as LonePointProps).place, at }
        // A cluster stands on a stem above its place: a small country under a big circle stays visible and clickable.
        const d = cluster ? { x, y: y - radius - STEM, radius, hit, px: x, py: y } : { x, y, radius, hit, px: x, py: y }
        this.drawn.push(d)
        if (hit.kind === 'point' && this.selected.has(hit.id)) rings.push(d)
      }
    }
    // Clusters under points, so a lone incident next to a cluster stays clickable.
    this.drawn.sort((a, b) => (a.hit.kind === b.hit.kind ? 0 : a.hit.kind === 'cluster' ? -1 : 1))
    for (const d of this.drawn) {
      if (d.py !== d.y) {
        ctx.beginPath()
        ctx.moveTo(d.px, d.y + d.radius)
        ctx.lineTo(d.px, d.py)
        ctx.lineWidth = 1.5
        ctx.strokeStyle = p.cluster
        ctx.stroke()
        ctx.beginPath()
        ctx.arc(d.px, d.py, 2, 0, 2 * Math.PI)
        ctx.fillStyle = p.cluster
        ctx.fill()
      }
      ctx.beginPath()
      ctx.arc(d.x, d.y, d.radius, 0, 2 * Math.PI)
      // Translucent clusters, so a small shaded country under one (Albania under Tirana's) still shows.
      ctx.globalAlpha = d.hit.kind === 'cluster' ? 0.8 : 1
      ctx.fillStyle = d.hit.kind === 'cluster' ? p.cluster : p.point
      ctx.fill()
      ctx.globalAlpha = 1
      ctx.lineWidth = 1.5
      ctx.strokeStyle = p.halo
      ctx.stroke()
      if (d.hit.kind === 'cluster') {
        ctx.fillStyle = p.clusterText
        ctx.font = '600 12px "Noto Sans", system-ui, sans-serif'
        ctx.textAlign = 'center'
        ctx.textBaseline = 'middle'
        ctx.fillText(d.hit.label, d.x, d.y + 0.5)
      }
    }
    for (const d of rings) {
      ctx.beginPath()
      ctx.arc(d.x, d.y, RING_RADIUS, 0, 2 * Math.PI)
      ctx.lineWidth = 2.5
      ctx.strokeStyle = p.highlight
      ctx.stroke()
    }
  }
}
