// The situation map as a briefing figure: the map's PNG export for the incidents in scope, with alt text and caption. Used by the Reports view and by the figures page the CLI opens in Chromium.
import { countryName } from '../../shared/countries'
import type { Incident, ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import { exportMapPng, exportTitle } from '../map/exportMapPng'

/** Size of the map image in CSS pixels, and its pixel density: printed 178 mm wide (about 200 dpi at 1.5×), its 12 px legend stays legible (about 6 pt). Not 2×: the map itself is drawn at 1×, so 2× only made the PNG (about 1 MB) and the PDF slower. */
const MAP_WIDTH = 960
const MAP_HEIGHT = 620
const MAP_SCALE = 1.5
/** The PNG's bytes as base64 (no data: prefix). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'))
    reader.readAsDataURL(blob)
  })
}

export function mapTitle(def: ReportDefinition): string {
  return def.scope.kind === 'filter' ? exportTitle(def.scope.filter.victim, def.scope.filter.sponsor) : 'Incidents picked for this briefing'
}

/** Draws the situation map of `incidents` as a briefing figure. */
export async function drawMapFigure(incidents: readonly Incident[], title: string): Promise<Figure> {
  const png = await exportMapPng({ incidents, title, role: 'victim', theme: 'light', width: MAP_WIDTH, height: MAP_HEIGHT, scale: MAP_SCALE })
  const victims = [...new Set(incidents.flatMap((i) => i.victims.map((v) => v.country)))].map(countryName)
  const n = incidents.length
  return {
    png: await blobToBase64(png.blob),
    width: Math.round(png.width / MAP_SCALE),
    height: Math.round(png.height / MAP_SCALE),
    alt: `World map of the ${n} incident${n === 1 ? '' : 's'} in scope, countries shaded by the number of incidents against them${victims.length ? ` (${victims.slice(0, 12).join(', ')}${victims.length > 12 ? ', …' : ''})` : ''}, with arcs from sponsor to victim.`,
    caption: `Situation map: the ${n} incident${n === 1 ? '' : 's'} in scope by victim country; arcs run from sponsor to victim. Marked TLP:${png.tlp}. Boundaries: Natural Earth.`,
  }
}
