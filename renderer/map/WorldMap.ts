// One mapbox-gl map and everything it holds outside React: data in sources, counts in feature-state, camera, events.
import mapboxgl, { type GeoJSONSource, type MapboxGeoJSONFeature, type PointLike } from 'mapbox-gl'
import type { CountryRole, LonLat, MapData } from '../../shared/mapData'
import { arcKeysFor, shadeOf } from '../../shared/mapData'
import { clusterPlaces, expansionZoom, mercator, type ClusterSet, type ViewBox } from '../../shared/mapClusters'
import { countryExtent, unionBounds, type Bounds } from '../../shared/mapFit'
import { loadGeo, type GeoData } from './geoAssets'
import { buildStyle, COUNTRY_LAYERS, inFilter, LAYER, PALETTES, SOURCE, type MapTheme } from './mapStyle'
import { PlacesOverlay } from './PlacesOverlay'

const unique = (ids: string[]) => [...new Set(ids)]

export interface HoverInfo {
  kind: 'country' | 'arc' | 'point'
  /** Screen position inside the map, in CSS pixels. */
  x: number
  y: number
  iso?: string
  name?: string
  from?: string
  to?: string
  count?: number
  title?: string
}

export interface WorldMapOptions {
  theme: MapTheme
  /** Folder the app serves geo/ and glyphs/ from, ending in '/'. */
  base: string
  interactive?: boolean
  /** Needed to read the canvas back (PNG export). */
  preserveDrawingBuffer?: boolean
  onCountryClick?: (iso: string) => void
  onSelect?: (ids: string[]) => void
  onHover?: (info: HoverInfo | null) => void
  onError?: (message: string) => void
}


export class WorldMap {
  readonly map: mapboxgl.Map
  private data: MapData | null = null
  private mode: CountryRole = 'victim'
  private selection: readonly string[] = []
  private focus: string | null = null
  /** The country outlined in the map's feature-state now. */
  private focused: string | null = null
  private theme: MapTheme
  private shaded = new Set<string>()
  /** The clusters drawn, and the part of the world they cover (null: all of it). */
  private clusters: ClusterSet | null = null
  private covered: ViewBox | null = null
  readonly places: PlacesOverlay
  /** Arcs in the arcs source (every arc given since the style loaded), and those with a count now. */
  private arcs = new Map<string, GeoJSON.Feature>()
  private counted = new Set<string>()
  /** Arc keys in the highlight layer's filter (setting a filter re-tiles the arcs in the worker, so an unchanged one is not set again). */
  private highlightedArcs: string | null = null
  /** The style (and its sources and layers) exists: data can be applied; sources may still be loading. */
  private styleReady = false
  private geo: GeoData | null = null
  private geoApplied = false
  private geoLoaded!: () => void
  /** Resolves once the boundaries are in the map's sources. */
  private readonly geoReady = new Promise<void>((done) => (this.geoLoaded = done))
  /** performance.now() of the last data change and of the idle that followed it (the bench reads these). */
  readonly stats = { version: 0, appliedAt: 0, idleAt: 0 }

  constructor(container: HTMLElement, private readonly options: WorldMapOptions) {
    this.theme = options.theme
    this.map = new mapboxgl.Map({
      container,
      style: buildStyle(options.theme, options.base),
      center: [20, 30],
      zoom: 1.2,
      minZoom: 0.5,
      maxZoom: 10,
      attributionControl: false,
      interactive: options.interactive ?? true,
      preserveDrawingBuffer: options.preserveDrawingBuffer ?? false,
      fadeDuration: 0,
      renderWorldCopies: true,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    })
    this.map.touchZoomRotate.disableRotation()
    this.places = new PlacesOverlay(this.map, PALETTES[options.theme])
    this.map.on('style.load', () => {
      this.styleReady = true
      this.geoApplied = false
      this.arcs.clear()
      this.counted.clear()
      this.focused = null
      this.highlightedArcs = null
      this.applyGeo()
      this.applyAll()
    })
    loadGeo().then(
      (geo) => {
        this.geo = geo
        this.applyGeo()
      },
      (err: Error) => options.onError?.(err.message),
    )
    this.map.on('moveend', () => {
      if (this.styleReady && this.data && this.needsClusters()) this.applyPlaces()
    })
    this.map.on('error', (e) => options.onError?.(e.error?.message ?? 'The map failed to draw'))
    if (options.interactive ?? true) this.wireEvents()
  }

  /** Resolves at the next `idle` (everything loaded and drawn). */
  async whenIdle(): Promise<void> {
    await this.geoReady
    await new Promise<void>((done) => {
      this.map.once('idle', () => done())
      this.map.triggerRepaint()
    })
  }

  setData(data: MapData): void {
    this.data = data
    this.stats.version++
    this.stats.appliedAt = performance.now()
    this.trackIdle()
    if (this.styleReady) this.applyAll()
  }

  /** Notes when the map is idle with the current data and the boundaries drawn. */
  private trackIdle(): void {
    const version = this.stats.version
    this.map.once('idle', () => {
      if (this.stats.version === version && this.geoApplied) this.stats.idleAt = performance.now()
    })
  }

  private applyGeo(): void {
    if (!this.geo || !this.styleReady || this.geoApplied) return
    ;(this.map.getSource(SOURCE.coarse) as GeoJSONSource).setData(this.geo.coarse)
    ;(this.map.getSource(SOURCE.fine) as GeoJSONSource).setData(this.geo.fine)
    ;(this.map.getSource(SOURCE.labels) as GeoJSONSource).setData(this.geo.labels)
    this.geoApplied = true
    this.geoLoaded()
    this.trackIdle()
  }

  setMode(mode: CountryRole): void {
    this.mode = mode
    if (this.styleReady) this.applyCounts()
  }

  setSelection(ids: readonly string[]): void {
    this.selection = ids
    this.places.setSelection(ids)
    if (this.styleReady) this.applySelection()
  }

  /** Outlines the country the app-wide filter names. */
  setFocus(iso: string | null): void {
    this.focus = iso
    if (this.styleReady) this.applyFocus()
  }

  private applyFocus(): void {
    if (this.focused === this.focus) return
    if (this.focused) this.map.setFeatureState({ source: SOURCE.fine, id: this.focused }, { focus: false })
    if (this.focus) this.map.setFeatureState({ source: SOURCE.fine, id: this.focus }, { focus: true })
    this.focused = this.focus
  }

  setTheme(theme: MapTheme): void {
    if (theme === this.theme) return
    this.theme = theme
    this.shaded.clear()
    this.places.setPalette(PALETTES[theme])
    this.styleReady = false
    // A new style drops sources and feature-state; style.load re-applies everything.
    this.map.setStyle(buildStyle(theme, this.options.base), { diff: false })
  }

  /**
   * Shows a country chosen from the keyboard: pans to its label point when that is out of view, then
   * tells it as a hover would (the tooltip); null hides the tooltip.
   */
  showCountry(iso: string | null, at: LonLat | null, name: string): void {
    if (!iso || !at) return void this.options.onHover?.(null)
    const tell = () => {
      const p = this.map.project(at)
      this.options.onHover?.({ kind: 'country', x: p.x, y: p.y, iso, name })
    }
    if (this.map.getBounds().contains(at)) return tell()
    this.map.once('moveend', tell)
    this.map.easeTo({ center: at, duration: 300 })
  }

  /** Each country's extent from the fine boundaries, worked out once. */
  private extents: Map<string, Bounds | null> | null = null

  private extentOf(iso: string): Bounds | null {
    if (!this.geo) return null
    if (!this.extents) {
      this.extents = new Map()
      for (const f of this.geo.fine.features) this.extents.set(f.properties.iso, countryExtent(f.geometry))
    }
    return this.extents.get(iso) ?? null
  }

  /**
   * Moves the camera to show the bounds and every country with incidents in the data whole, with a
   * margin (no animation when `instant`). Waits for the boundaries when they are still loading.
   */
  async fit(bounds: [LonLat, LonLat] | null, instant = false): Promise<void> {
    await this.geoReady
    const countries = this.data ? [...new Set([...this.data.counts.victim.keys(), ...this.data.counts.sponsor.keys()])] : []
    const all = unionBounds(bounds, countries.map((iso) => this.extentOf(iso)))
    if (!all) return
    const [[w, s], [e, n]] = all
    const pad = (a: number, b: number) => (a === b ? 2 : 0)
    const c = this.map.getContainer()
    // A margin of a twelfth of the frame (at least 32 px) around the outermost coast or border.
    const margin = Math.max(32, Math.round(Math.min(c.clientWidth, c.clientHeight) / 12))
    this.map.fitBounds(
      [
        [w - pad(w, e), s - pad(s, n)],
        [e + pad(w, e), n + pad(s, n)],
      ],
      { padding: margin, maxZoom: 5, duration: instant ? 0 : 600 },
    )
  }

  resize(): void {
    this.map.resize()
  }

  destroy(): void {
    this.places.destroy()
    this.map.remove()
  }

  private applyAll(): void {
    if (!this.data) return
    this.applyPlaces()
    this.applyArcs()
    this.applyCounts()
    this.applySelection()
    this.applyFocus()
  }

  /** Adds arcs not yet in the source (a rare data change), then shows each arc by its count. */
  private applyArcs(): void {
    if (!this.data) return
    const { arcs, ids } = this.data.arcs
    const missing = arcs.features.filter((f) => !this.arcs.has(f.properties.key))
    if (missing.length > 0) {
      // The count a filter leaves lives in feature-state; the feature keeps only what never changes.
      for (const f of missing) this.arcs.set(f.properties.key, { ...f, properties: { key: f.properties.key, from: f.properties.from, to: f.properties.to } })
      ;(this.map.getSource(SOURCE.arcs) as GeoJSONSource).setData({ type: 'FeatureCollection', features: [...this.arcs.values()] })
    }
    for (const key of this.counted) if (!ids.has(key)) this.map.setFeatureState({ source: SOURCE.arcs, id: key }, { count: 0 })
    for (const [key, list] of ids) this.map.setFeatureState({ source: SOURCE.arcs, id: key }, { count: list.length })
    this.counted = new Set(ids.keys())
  }

  /** The view plus half a screen around it, in mercator units; null when that spans the whole world. */
  private viewBox(): ViewBox | null {
    const b = this.map.getBounds()
    const [x0, y1] = mercator(b.getWest(), b.getSouth())
    const [x1, y0] = mercator(b.getEast(), b.getNorth())
    const mx = (x1 - x0) / 2
    const my = (y1 - y0) / 2
    return x1 - x0 + 2 * mx >= 1 && y1 - y0 + 2 * my >= 1 ? null : { x0: x0 - mx, x1: x1 + mx, y0: y0 - my, y1: y1 + my }
  }

  /** True when the zoom level changed or the view left the part of the world last clustered. */
  private needsClusters(): boolean {
    if (!this.clusters || Math.floor(this.map.getZoom()) !== this.clusters.zoom) return true
    const c = this.covered
    if (!c) return false
    const v = this.viewBox()
    return !v || v.y0 < c.y0 - 1e-9 || v.y1 > c.y1 + 1e-9 || (c.x1 - c.x0 < 1 && (v.x0 < c.x0 - 1e-9 || v.x1 > c.x1 + 1e-9))
  }

  /** Clusters the places in and around the view at the current zoom level and draws them. */
  private applyPlaces(): void {
    if (!this.data) return
    this.covered = this.viewBox()
    this.clusters = clusterPlaces(this.data.places, this.map.getZoom(), this.covered)
    this.places.setClusters(this.clusters)
  }

  private applyCounts(): void {
    if (!this.data) return
    const counts = this.data.counts[this.mode]
    const breaks = this.data.breaks[this.mode]
    const next = new Set(counts.keys())
    for (const source of [SOURCE.coarse, SOURCE.fine]) {
      for (const iso of this.shaded) if (!next.has(iso)) this.map.setFeatureState({ source, id: iso }, { shade: 0 })
      for (const [iso, count] of counts) this.map.setFeatureState({ source, id: iso }, { shade: shadeOf(count, breaks) })
    }
    this.shaded = next
  }

  private applySelection(): void {
    const keys = this.data ? arcKeysFor(this.selection, this.data.arcs.ids) : []
    const joined = keys.join('\n')
    if (joined === this.highlightedArcs) return
    this.highlightedArcs = joined
    this.map.setFilter(LAYER.arcsHighlight, inFilter('key', keys))
  }

  /** The top feature of the layers at a point (within `slop` pixels); arcs count only when the filter leaves them incidents. */
  private hit(point: mapboxgl.Point, layers: string[], slop = 0): MapboxGeoJSONFeature | undefined {
    const box: PointLike | [PointLike, PointLike] = slop ? [
      [point.x - slop, point.y - slop],
      [point.x + slop, point.y + slop],
    ] : point
    const present = layers.filter((l) => this.map.getLayer(l))
    if (!present.length) return undefined
    return this.map.queryRenderedFeatures(box, { layers: present }).find((f) => f.layer.id !== LAYER.arcs || (f.state as { count?: number }).count)
  }

  private wireEvents(): void {
    const m = this.map
    m.on('click', (e) => {
      const hits = this.places.hitsAt(e.point.x, e.point.y, 3)
      const top = hits[0]
      if (top?.kind === 'cluster' && this.data && this.clusters) {
        // Incidents at one spot never part: select them instead of zooming further.
        const places = this.data.places
        const group = this.clusters.groups[top.group]
        const zoom = expansionZoom(places, group, m.getZoom())
        if (zoom !== null && zoom <= m.getMaxZoom()) m.easeTo({ center: top.at, zoom })
        else this.options.onSelect?.(unique(group.map((k) => places[k].id)))
        return
      }
      if (top) return this.options.onSelect?.(unique(hits.flatMap((h) => (h.kind === 'point' ? [h.id] : []))))
      // Inside a country a click filters to it; an arc takes the click only over other countries than its own two ends.
      const country = this.hit(e.point, COUNTRY_LAYERS)
      const iso = country?.properties?.iso as string | undefined
      const arc = this.hit(e.point, [LAYER.arcs], 4)
      const arcEnds = [arc?.properties?.from, arc?.properties?.to]
      if (arc && this.data && !(iso && arcEnds.includes(iso))) return this.options.onSelect?.(this.data.arcs.ids.get(arc.properties?.key as string) ?? [])
      if (iso) this.options.onCountryClick?.(iso)
    })
    m.on('mousemove', (e) => {
      const p = { x: e.point.x, y: e.point.y }
      const place = this.places.hitsAt(e.point.x, e.point.y, 3)[0]
      const arc = place ? undefined : this.hit(e.point, [LAYER.arcs], 4)
      const country = place || arc ? undefined : this.hit(e.point, COUNTRY_LAYERS)
      m.getCanvas().style.cursor = place || arc || country?.properties?.iso ? 'pointer' : ''
      if (place) {
        this.options.onHover?.(place.kind === 'cluster' ? { kind: 'point', ...p, count: place.count } : { kind: 'point', ...p, title: place.title, name: place.place })
      } else if (arc) {
        const props = arc.properties ?? {}
        this.options.onHover?.({ kind: 'arc', ...p, from: props.from as string, to: props.to as string, count: (arc.state as { count: number }).count })
      } else if (country) {
        this.options.onHover?.({ kind: 'country', ...p, iso: country.properties?.iso as string, name: country.properties?.name as string })
      } else this.options.onHover?.(null)
    })
    m.getCanvas().addEventListener('mouseleave', () => this.options.onHover?.(null))
  }
}
