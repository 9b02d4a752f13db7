// The map's style as plain objects: light and dark palettes, sources by id, and every layer's paint and layout.
import type { AnyLayer, Expression, Style } from 'mapbox-gl'
import { rampPositions } from '../../shared/mapData'

export type MapTheme = 'dark' | 'light'

export interface Palette {
  ocean: string
  land: string
  border: string
  label: string
  halo: string
  /** Choropleth ramp, low → high (5 classes). */
  ramp: string[]
  arcFrom: string
  arcTo: string
  point: string
  cluster: string
  clusterText: string
  highlight: string
}

export const PALETTES: Record<MapTheme, Palette> = {
  dark: {
    ocean: '#0d1117',
    land: '#232a35',
    border: '#3d4757',
    label: '#c5cdd9',
    halo: '#0d1117',
    ramp: ['#3b2f5c', '#5b3a87', '#8a3f9c', '#c2478f', '#f0606b'],
    arcFrom: 'rgba(255, 196, 87, 0.05)',
    arcTo: '#ffc457',
    point: '#4cc3ff',
    cluster: '#1f6feb',
    clusterText: '#ffffff',
    highlight: '#ffffff',
  },
  light: {
    ocean: '#dfe9f3',
    land: '#f7f5f0',
    border: '#a9b1bc',
    label: '#38404c',
    halo: '#ffffff',
    ramp: ['#fdd9b5', '#f8a771', '#ec6f4f', '#cc3a3f', '#8f1b3a'],
    arcFrom: 'rgba(40, 60, 140, 0.08)',
    arcTo: '#24408e',
    point: '#0b6bcb',
    cluster: '#0b4f9c',
    clusterText: '#ffffff',
    highlight: '#111111',
  },
}

/** Zoom at which the 50m boundaries replace the 110m ones. */
export const DETAIL_ZOOM = 2.5
export const FONT = ['Noto Sans Regular']

export const SOURCE = {
  coarse: 'countries-110m',
  fine: 'countries-50m',
  labels: 'country-labels',
  arcs: 'arcs',
} as const

export const LAYER = {
  fillCoarse: 'country-fill-110m',
  fillFine: 'country-fill-50m',
  border: 'country-border',
  countryFocus: 'country-focus',
  arcs: 'arcs',
  arcsHighlight: 'arcs-highlight',
  labels: 'country-labels',
} as const

/** Layers a hover or click on a country answers to. */
export const COUNTRY_LAYERS = [LAYER.fillCoarse, LAYER.fillFine]

/**
 * Fill colour from the feature-state `shade` the map sets per ISO code (shared/mapData shadeOf):
 * land colour at 0, ramp colour n - 1 at n. The expression never changes with the data, because
 * changing a feature-state-driven paint property makes mapbox-gl re-tile the whole source.
 */
export function choroplethColor(palette: Palette): Expression {
  const step: unknown[] = ['step', ['coalesce', ['feature-state', 'shade'], 0], palette.land]
  palette.ramp.forEach((c, n) => step.push(n + 1, c))
  return step as Expression
}

/** The ramp colours used for `classes` classes (spread over the palette's ramp). */
export function rampFor(classes: number, palette: Palette): string[] {
  return rampPositions(classes, palette.ramp.length).map((n) => palette.ramp[n])
}

/** An arc's incidents under the current filter, from its feature-state (set by the map per filter change). */
const ARC_COUNT = ['coalesce', ['feature-state', 'count'], 0]

/** A value no feature property holds: uncoded units have iso '', so '' would match them. */
const NONE = '\u0000none'

/** The whole style; every source starts empty and the map fills it (boundaries from the app's own files, see geoAssets). */
export function buildStyle(theme: MapTheme, base: string): Style {
  const p = PALETTES[theme]
  const empty = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection
  const fill = (id: string, source: string, range: { minzoom?: number; maxzoom?: number }): AnyLayer => ({
    id,
    type: 'fill',
    source,
    ...range,
    paint: { 'fill-color': choroplethColor(p), 'fill-outline-color': p.border },
  })
  return {
    version: 8,
    name: `Watchfloor ${theme}`,
    glyphs: `${base}glyphs/{fontstack}/{range}.pbf`,
    sources: {
      [SOURCE.coarse]: { type: 'geojson', data: empty, promoteId: 'iso' },
      [SOURCE.fine]: { type: 'geojson', data: empty, promoteId: 'iso' },
      [SOURCE.labels]: { type: 'geojson', data: empty },
      // Every arc the map has been given, each shown by its feature-state count (0 hides it): a filter change sends no data.
      [SOURCE.arcs]: { type: 'geojson', data: empty, lineMetrics: true, promoteId: 'key' },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': p.ocean } },
      fill(LAYER.fillCoarse, SOURCE.coarse, { maxzoom: DETAIL_ZOOM }),
      fill(LAYER.fillFine, SOURCE.fine, { minzoom: DETAIL_ZOOM }),
      { id: LAYER.border, type: 'line', source: SOURCE.fine, minzoom: DETAIL_ZOOM, paint: { 'line-color': p.border, 'line-width': 0.6 } },
      // The country the app-wide filter names, outlined by feature-state (a layer filter would re-tile the boundaries).
      { id: LAYER.countryFocus, type: 'line', source: SOURCE.fine, paint: { 'line-color': p.highlight, 'line-width': ['case', ['boolean', ['feature-state', 'focus'], false], 2, 0] } },
      {
        id: LAYER.arcs,
        type: 'line',
        source: SOURCE.arcs,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-width': ['interpolate', ['linear'], ARC_COUNT, 0, 0, 1, 1.5, 10, 4, 100, 8, 10000, 14],
          'line-opacity': ['case', ['>', ARC_COUNT, 0], 1, 0],
          // Faint at the sponsor, solid at the victim: the gradient shows which way the operation ran.
          'line-gradient': ['interpolate', ['linear'], ['line-progress'], 0, p.arcFrom, 1, p.arcTo],
        },
      },
      {
        id: LAYER.arcsHighlight,
        type: 'line',
        source: SOURCE.arcs,
        filter: ['in', 'key', NONE],
        layout: { 'line-cap': 'round' },
        paint: { 'line-width': ['interpolate', ['linear'], ARC_COUNT, 0, 0, 1, 3.5, 10, 6, 100, 10, 10000, 16], 'line-color': p.highlight, 'line-opacity': ['case', ['>', ARC_COUNT, 0], 0.9, 0] },
      },
      {
        id: LAYER.labels,
        type: 'symbol',
        source: SOURCE.labels,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 4, 13, 6, 15],
          'text-max-width': 8,
          'symbol-sort-key': ['-', 0, ['get', 'area']],
          'text-padding': 4,
        },
        paint: { 'text-color': p.label, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
      },
    ],
  } as Style
}

/** Filter for the highlight layers: features whose `prop` is one of `values` (none when empty). */
export function inFilter(prop: string, values: readonly string[]): Expression {
  return ['in', prop, ...(values.length ? values : [NONE])] as unknown as Expression
}
