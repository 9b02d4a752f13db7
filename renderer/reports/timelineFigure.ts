// The timeline as a briefing figure: the timeline's PNG export of the incidents in scope over their whole extent, lanes by victim country. Used by the Reports view and the CLI's figures page.
import { highestTlp, type Actor, type Incident } from '../../shared/domain'
import { comparePartialDates, formatPartialDate } from '../../shared/partialDate'
import type { Figure } from '../../shared/report/blocks'
import { buildModel } from '../../shared/timeline/timelineModel'
import { GUTTER } from '../../shared/timeline/drawTimeline'
import { TIMELINE_PALETTES } from '../../shared/timeline/palette'
import { fitWindowPx } from '../../shared/timeline/timeScale'
import { exportTimelinePng } from '../timeline/exportTimelinePng'
import { blobToBase64 } from './mapFigure'

/**
 * Width in CSS pixels and pixel density: printed about 170 mm wide, one pixel is about 0.75 pt, so
 * the 11 px labels print near 8 pt and the 10 px marker symbols near 7.5 pt (none under 7 pt).
 * 640 × 2.25 gives the same 1440 image pixels as the map figure.
 */
const TIMELINE_WIDTH = 640
const TIMELINE_SCALE = 2.25

/** "Jul 2022 – Sep 2022": the earliest start and latest end of the incidents, at their precision. */
function rangeOf(incidents: readonly Incident[]): string {
  const starts = incidents.flatMap((i) => (i.start ? [i.start] : [])).sort(comparePartialDates)
  const ends = incidents.flatMap((i) => (i.end ?? i.start ? [(i.end ?? i.start)!] : [])).sort(comparePartialDates)
  const [from, to] = [formatPartialDate(starts[0]), formatPartialDate(ends.at(-1))]
  return from === to ? from : `${from} – ${to}`
}

/** Draws the timeline of `incidents` (every lane, the whole extent) as a briefing figure; rejects when none has a date. */
export async function drawTimelineFigure(incidents: readonly Incident[], actors: ReadonlyMap<string, Actor>): Promise<Figure> {
  const list = [...incidents]
  const model = buildModel(list, 'victim', actors)
  if (!model.extent) throw new Error('no incident in scope has a date to place on a timeline')
  // Drawn for paper: the light scheme, every mark at its date, room at both ends for the glyphs, and a key.
  const window = fitWindowPx(model.extent[0], model.extent[1], TIMELINE_WIDTH - GUTTER, 24)
  const blob = await exportTimelinePng({ incidents: list, window, groupBy: 'victim', actors, width: TIMELINE_WIDTH, scale: TIMELINE_SCALE, palette: TIMELINE_PALETTES.light, key: true })
  const bitmap = await createImageBitmap(blob)
  const size = { width: Math.round(bitmap.width / TIMELINE_SCALE), height: Math.round(bitmap.height / TIMELINE_SCALE) }
  bitmap.close()
  const n = list.length
  const placed = n - model.undated
  const range = rangeOf(list)
  return {
    png: await blobToBase64(blob),
    ...size,
    alt: `Timeline of the ${placed} dated incident${placed === 1 ? '' : 's'} in scope from ${range}, one lane per victim country (${model.lanes.map((l) => l.label).slice(0, 12).join(', ')}${model.lanes.length > 12 ? ', …' : ''}), with attributions and responses marked above each incident.`,
    caption:
      `Timeline: the incidents in scope by victim country, ${range}; bars span each incident at the precision of its dates, symbols above them are attributions and responses, each at its date (see the key).` +
      `${model.undated ? ` ${model.undated} undated incident${model.undated === 1 ? ' is' : 's are'} not drawn.` : ''} Drawn from incidents marked up to TLP:${highestTlp(list.map((i) => i.tlp))}.`,
  }
}
