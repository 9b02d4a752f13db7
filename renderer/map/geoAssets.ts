// The map's static files as the app serves them: the base URL and the country label points (arc anchors), loaded once.
import type { LonLat } from '../../shared/mapData'

/** Where the app serves geo/ and glyphs/ from, ending in '/' (works under http:// and file://). */
export function assetBase(): string {
  return new URL('./', document.baseURI).href
}

let anchors: Promise<Map<string, LonLat>> | null = null

/** ISO code → label point, from geo/labels.json; rejects with a readable message when the file is missing. */
export function loadAnchors(): Promise<Map<string, LonLat>> {
  anchors ??= fetch(`${assetBase()}geo/labels.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`The map's country file geo/labels.json could not be read (HTTP ${r.status}). Rebuild the app (npm run build:geo, then npm run build).`)
      return r.json() as Promise<GeoJSON.FeatureCollection<GeoJSON.Point, { iso: string }>>
    })
    .then((fc) => new Map(fc.features.map((f) => [f.properties.iso, f.geometry.coordinates as LonLat])))
    .catch((err: unknown) => {
      anchors = null
      throw err
    })
  return anchors
}
