// The situation map as a briefing figure: the map's PNG export for the incidents in scope, with alt text and caption. Used by the Reports view and by the figures page the CLI opens in Chromium.
import { countryName } from '../../shared/countries'
import type { Incident, ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import { formatPartialDate } from '../../shared/partialDate'
import { exportMapPng, exportTitle } from '../map/exportMapPng'

/**
 * Size of the map image in CSS pixels, and its pixel density: printed 178 mm wide, one pixel is
 * 0.7 pt, so the 10 px country labels and credit print at 7 pt and the 12 px legend at 8.4 pt.
 * 720 × 2 gives 1440 image pixels across (about 205 dpi).
 */
const MAP_WIDTH = 720
const MAP_HEIGHT = 560
const MAP_SCALE = 2
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

/** The date a briefing's figures carry: the briefing's own ("October 2022"), or none (never the day it was exported). */
export function figureDate(def: ReportDefinition): string | null {
  return def.date ? formatPartialDate(def.date, 'long') : null
}

/** Draws the situation map of `incidents` as a briefing figure, dated `date` or not at all. */
export async function drawMapFigure(incidents: readonly Incident[], title: string, date: string | null = null): Promise<Figure> {
  const png = await exportMapPng({ incidents, title, role: 'victim', theme: 'light', width: MAP_WIDTH, height: MAP_HEIGHT, scale: MAP_SCALE, date: date ? `as of ${date}` : null })
  const victims = [...new Set(incidents.flatMap((i) => i.victims.map((v) => v.country)))].map(countryName)
  const n = incidents.length
  return {
    png: await blobToBase64(png.blob),
    width: Math.round(png.width / MAP_SCALE),
    height: Math.round(png.height / MAP_SCALE),
    alt: `World map of the ${n} incident${n === 1 ? '' : 's'} in scope, countries shaded by the number of incidents against them${victims.length ? ` (${victims.slice(0, 12).join(', ')}${victims.length > 12 ? ', …' : ''})` : ''}, with arcs from sponsor to victim.`,
    caption: `Situation map: the ${n} incident${n === 1 ? '' : 's'} in scope by victim country${date ? `, as of ${date}` : ''}; every country in scope is framed whole; arcs run from sponsor to victim. Marked TLP:${png.tlp}. Boundaries: Natural Earth.`,
  }
}
