// One mapbox-gl map and everything it holds outside React: data in sources, counts in feature-state, camera, events.
import mapboxgl, { type GeoJSONSource, type MapboxGeoJSONFeature, type PointLike } from 'mapbox-gl'
import type { CountryRole, LonLat, MapData } from '../../shared/mapData'
import { arcKeysFor, shadeOf } from '../../shared/mapData'
import { loadGeo, type GeoData } from './geoAssets'
import { buildStyle, CLUSTER_MAX_ZOOM, COUNTRY_LAYERS, inFilter, LAYER, SOURCE, type MapTheme } from './mapStyle'

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
  private theme: MapTheme
  private shaded = new Set<string>()
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
    this.map.on('style.load', () => {
      this.styleReady = true
      this.geoApplied = false
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
    if (this.styleReady) this.applySelection()
  }

  /** Outlines the country the app-wide filter names. */
  setFocus(iso: string | null): void {
    this.focus = iso
    if (this.styleReady) this.map.setFilter(LAYER.countryFocus, inFilter('iso', iso ? [iso] : []))
  }

  setTheme(theme: MapTheme): void {
    if (theme === this.theme) return
    this.theme = theme
    this.shaded.clear()
    this.styleReady = false
    // A new style drops sources and feature-state; style.load re-applies everything.
    this.map.setStyle(buildStyle(theme, this.options.base), { diff: false })
  }

  /** Moves the camera to show the bounds (no animation when `instant`). */
  fit(bounds: [LonLat, LonLat] | null, instant = false): void {
    if (!bounds) return
    const [[w, s], [e, n]] = bounds
    const pad = (a: number, b: number) => (a === b ? 2 : 0)
    this.map.fitBounds(
      [
        [w - pad(w, e), s - pad(s, n)],
        [e + pad(w, e), n + pad(s, n)],
      ],
      { padding: 40, maxZoom: 5, duration: instant ? 0 : 600 },
    )
  }

  resize(): void {
    this.map.resize()
  }

  destroy(): void {
    this.map.remove()
  }

  private applyAll(): void {
    if (!this.data) return
    ;(this.map.getSource(SOURCE.arcs) as GeoJSONSource).setData(this.data.arcs.arcs)
    ;(this.map.getSource(SOURCE.points) as GeoJSONSource).setData(this.data.points)
    this.applyCounts()
    this.applySelection()
    this.map.setFilter(LAYER.countryFocus, inFilter('iso', this.focus ? [this.focus] : []))
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
    this.map.setFilter(LAYER.arcsHighlight, inFilter('key', keys))
    this.map.setFilter(LAYER.pointsHighlight, inFilter('id', this.selection))
  }

  private hit(point: mapboxgl.Point, layers: string[], slop = 0): MapboxGeoJSONFeature | undefined {
    const box: PointLike | [PointLike, PointLike] = slop ? [
      [point.x - slop, point.y - slop],
      [point.x + slop, point.y + slop],
    ] : point
    const present = layers.filter((l) => this.map.getLayer(l))
    return present.length ? this.map.queryRenderedFeatures(box, { layers: present })[0] : undefined
  }

  private hits(point: mapboxgl.Point, layers: string[], slop: number): MapboxGeoJSONFeature[] {
    const present = layers.filter((l) => this.map.getLayer(l))
    return present.length ? this.map.queryRenderedFeatures([
      [point.x - slop, point.y - slop],
      [point.x + slop, point.y + slop],
    ], { layers: present }) : []
  }

  private wireEvents(): void {
    const m = this.map
    m.on('click', (e) => {
      const cluster = this.hit(e.point, [LAYER.clusters])
      if (cluster) {
        const id = cluster.properties?.cluster_id as number
        const source = m.getSource(SOURCE.points) as GeoJSONSource
        source.getClusterExpansionZoom(id, (err, zoom) => {
          if (err) return
          // Incidents at one place never split: select them instead of zooming further.
          if (zoom <= CLUSTER_MAX_ZOOM && zoom <= m.getMaxZoom()) m.easeTo({ center: (cluster.geometry as GeoJSON.Point).coordinates as LonLat, zoom })
          else source.getClusterLeaves(id, 1000, 0, (e2, leaves) => !e2 && this.options.onSelect?.(unique(leaves.map((f) => f.properties?.id as string))))
        })
        return
      }
      const points = this.hits(e.point, [LAYER.points], 3)
      if (points.length) return this.options.onSelect?.(unique(points.map((f) => f.properties?.id as string)))
      const arc = this.hit(e.point, [LAYER.arcs], 4)
      if (arc && this.data) return this.options.onSelect?.(this.data.arcs.ids.get(arc.properties?.key as string) ?? [])
      const country = this.hit(e.point, COUNTRY_LAYERS)
      const iso = country?.properties?.iso as string | undefined
      if (iso) this.options.onCountryClick?.(iso)
    })
    m.on('mousemove', (e) => {
      const p = { x: e.point.x, y: e.point.y }
      const point = this.hit(e.point, [LAYER.points, LAYER.clusters], 3)
      const arc = point ? undefined : this.hit(e.point, [LAYER.arcs], 4)
      const country = point || arc ? undefined : this.hit(e.point, COUNTRY_LAYERS)
      m.getCanvas().style.cursor = point || arc || country?.properties?.iso ? 'pointer' : ''
      if (point) {
        const props = point.properties ?? {}
        this.options.onHover?.(props.point_count ? { kind: 'point', ...p, count: props.point_count as number } : { kind: 'point', ...p, title: props.title as string, name: props.place as string })
      } else if (arc) {
        const props = arc.properties ?? {}
        this.options.onHover?.({ kind: 'arc', ...p, from: props.from as string, to: props.to as string, count: props.count as number })
      } else if (country) {
        this.options.onHover?.({ kind: 'country', ...p, iso: country.properties?.iso as string, name: country.properties?.name as string })
      } else this.options.onHover?.(null)
    })
    m.getCanvas().addEventListener('mouseleave', () => this.options.onHover?.(null))
  }
}
