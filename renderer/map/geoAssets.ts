// The map's static files as the app serves them: base URL, and the boundaries and label points, each read once.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import type { LonLat } from '../../shared/mapData'

/** Where the app serves geo/ and glyphs/ from, ending in '/' (works under http:// and file://). */
export function assetBase(): string {
  return new URL('./', document.baseURI).href
}

/** Reads one of the app's own JSON files; XHR, not fetch, because Chromium's fetch refuses file:// (Electron's page). */
export function readAsset<T>(path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', assetBase() + path)
    xhr.responseType = 'json'
    const fail = () => reject(new Error(`The map file ${path} could not be read${xhr.status ? ` (HTTP ${xhr.status})` : ''}. Rebuild the app (npm run build:geo, then npm run build).`))
    xhr.onload = () => ((xhr.status === 200 || xhr.status === 0) && xhr.response ? resolve(xhr.response as T) : fail())
    xhr.onerror = fail
    xhr.send()
  })
}

export interface GeoData {
  coarse: FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>
  fine: FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>
  labels: FeatureCollection<Point, { iso: string; name: string; area: number }>
}

let geo: Promise<GeoData> | null = null

/** The boundaries (110m, 50m) and label points, loaded once per page; a failed load is retried on the next call. */
export function loadGeo(): Promise<GeoData> {
  geo ??= Promise.all([readAsset<GeoData['coarse']>('geo/countries-110m.json'), readAsset<GeoData['fine']>('geo/countries-50m.json'), readAsset<GeoData['labels']>('geo/labels.json')])
    .then(([coarse, fine, labels]) => ({ coarse, fine, labels }))
    .catch((err: unknown) => {
      geo = null
      throw err
    })
  return geo
}

/** ISO code → label point (arc anchors). */
export async function loadAnchors(): Promise<Map<string, LonLat>> {
  const { labels } = await loadGeo()
  return new Map(labels.features.map((f) => [f.properties.iso, f.geometry.coordinates as LonLat]))
}
