// Renders a map of any set of incidents to a PNG (title, legend, TLP marking) on a hidden map: the map view need not be open.
import { countryName } from '../../shared/countries'
import { highestTlp, type Incident, type Tlp } from '../../shared/domain'
import { TLP_COLOURS } from '../../shared/report/blocks'
import { assetBase, loadAnchors } from './geoAssets'
import { buildMapData, legendClasses, type CountryRole } from '../../shared/mapData'
import { PALETTES, rampFor, type MapTheme } from './mapStyle'
import { WorldMap } from './WorldMap'

export interface MapPngOptions {
  incidents: readonly Incident[]
  /** Size of the whole image in CSS pixels (map, header and legend); default 1200 × 760. */
  width?: number
  height?: number
  title?: string
  /** Countries shaded as victims (default) or as sponsors. */
  role?: CountryRole
  /** Light by default: briefings are printed. */
  theme?: MapTheme
  /** Pixel density of the image; default 1. */
  scale?: number
  /** The date the header names: today's when absent (an export of the view), none when null (a briefing without a date). */
  date?: string | null
}

export interface MapPng {
  blob: Blob
  width: number
  height: number
  tlp: Tlp
}

const HEADER = 56
const FOOTER = 84
const FONT = 'system-ui, "Noto Sans", "Segoe UI", Roboto, sans-serif'

/** Draws the incidents on a hidden map, waits for it to be idle, and composes the PNG. Rejects with a readable message on failure. */
export async function exportMapPng(options: MapPngOptions): Promise<MapPng> {
  const width = Math.round(options.width ?? 1200)
  const height = Math.round(options.height ?? 760)
  const scale = options.scale ?? 1
  const role = options.role ?? 'victim'
  const theme = options.theme ?? 'light'
  if (width < 320 || height < 240 + HEADER + FOOTER) throw new Error('The map image must be at least 320 × 360 pixels.')
  const anchors = await loadAnchors()
  const data = buildMapData(options.incidents, anchors)
  const tlp = highestTlp(options.incidents.map((i) => i.tlp))

  const box = document.createElement('div')
  box.setAttribute('aria-hidden', 'true')
  Object.assign(box.style, { position: 'fixed', left: '-20000px', top: '0', width: `${width}px`, height: `${height - HEADER - FOOTER}px` })
  document.body.appendChild(box)
  let failure: string | null = null
  const world = new WorldMap(box, { theme, base: assetBase(), interactive: false, preserveDrawingBuffer: true, onError: (m) => (failure = m) })
  try {
    world.setMode(role)
    world.setData(data)
    await world.fit(data.bounds, true)
    await Promise.race([world.whenIdle(), new Promise((_, fail) => setTimeout(() => fail(new Error('The map did not finish drawing within 30 s.')), 30_000))])
    if (failure) throw new Error(`The map could not be drawn: ${failure}`)
    const canvas = document.createElement('canvas')
    canvas.width = width * scale
    canvas.height = height * scale
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('No 2D canvas to compose the image.')
    ctx.scale(scale, scale)
    const p = PALETTES[theme]
    ctx.fillStyle = p.halo
    ctx.fillRect(0, 0, width, height)
    ctx.drawImage(world.map.getCanvas(), 0, HEADER, width, height - HEADER - FOOTER)
    ctx.drawImage(world.places.canvas, 0, HEADER, width, height - HEADER - FOOTER)
    const date = options.date === undefined ? new Date().toISOString().slice(0, 10) : options.date
    drawHeader(ctx, width, options.title ?? `Incidents by ${role} country`, `${data.shown} incident${data.shown === 1 ? '' : 's'}${date ? ` · ${date}` : ''}`, tlp, theme)
    drawLegend(ctx, width, height, data.breaks[role], data.max[role], role, theme, tlp)
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'))
    if (!blob) throw new Error('The image could not be encoded as PNG.')
    return { blob, width: canvas.width, height: canvas.height, tlp }
  } finally {
    world.destroy()
    box.remove()
  }
}

function tlpLabel(ctx: CanvasRenderingContext2D, tlp: Tlp, right: number, y: number): void {
  const text = `TLP:${tlp}`
  ctx.font = `700 14px ${FONT}`
  const w = ctx.measureText(text).width + 16
  ctx.fillStyle = '#000000'
  ctx.fillRect(right - w, y - 13, w, 22)
  ctx.fillStyle = TLP_COLOURS[tlp]
  ctx.fillText(text, right - w + 8, y + 3)
}

function drawHeader(ctx: CanvasRenderingContext2D, width: number, title: string, subtitle: string, tlp: Tlp, theme: MapTheme): void {
  const p = PALETTES[theme]
  ctx.fillStyle = p.halo
  ctx.fillRect(0, 0, width, HEADER)
  ctx.fillStyle = p.label
  ctx.font = `600 18px ${FONT}`
  ctx.fillText(title, 16, 26, width - 180)
  ctx.font = `12px ${FONT}`
  ctx.fillText(subtitle, 16, 45, width - 180)
  tlpLabel(ctx, tlp, width - 16, 24)
}

function drawLegend(ctx: CanvasRenderingContext2D, width: number, height: number, breaks: number[], max: number, role: CountryRole, theme: MapTheme, tlp: Tlp): void {
  const p = PALETTES[theme]
  const top = height - FOOTER
  ctx.fillStyle = p.halo
  ctx.fillRect(0, top, width, FOOTER)
  ctx.fillStyle = p.label
  ctx.font = `600 12px ${FONT}`
  ctx.fillText(`Incidents per country, as ${role}:`, 16, top + 22)
  let x = 16 + ctx.measureText(`Incidents per country, as ${role}:`).width + 12
  ctx.font = `12px ${FONT}`
  const swatch = (color: string, label: string) => {
    ctx.fillStyle = color
    ctx.fillRect(x, top + 11, 16, 14)
    ctx.strokeStyle = p.border
    ctx.strokeRect(x + 0.5, top + 11.5, 15, 13)
    ctx.fillStyle = p.label
    ctx.fillText(label, x + 22, top + 22)
    x += 22 + ctx.measureText(label).width + 14
  }
  swatch(p.land, 'none')
  const colors = rampFor(breaks.length, p)
  legendClasses(breaks, max).forEach((c, n) => swatch(colors[n], c.label))
  ctx.fillStyle = p.label
  // The key's words wrap rather than squeeze, so they print at full size in a narrow figure.
  const words = ['Arcs run from sponsor (faint) to victim (solid); width grows with the number of incidents.', 'Dots are incident locations; a circle on a stem counts the incidents at the place its stem points to.']
  let y = top + 44
  for (const line of wrap(ctx, words, width - 32)) {
    ctx.fillText(line, 16, y)
    y += 16
  }
  ctx.font = `10px ${FONT}`
  const credit = 'Boundaries: Natural Earth'
  ctx.fillText(credit, width - 16 - ctx.measureText(credit).width, top + FOOTER - 6)
  tlpLabel(ctx, tlp, width - 16, top + 22)
}

/** Sentences set in lines at most `max` px wide, each sentence starting a line. */
function wrap(ctx: CanvasRenderingContext2D, sentences: string[], max: number): string[] {
  const lines: string[] = []
  for (const sentence of sentences) {
    let line = ''
    for (const word of sentence.split(' ')) {
      const next = line ? `${line} ${word}` : word
      if (line && ctx.measureText(next).width > max) {
        lines.push(line)
        line = word
      } else line = next
    }
    if (line) lines.push(line)
  }
  return lines.slice(0, 3)
}

/** A short title for the current filter, e.g. "Incidents against Albania". */
export function exportTitle(victim: string | null, sponsor: string | null): string {
  if (victim && sponsor) return `Incidents against ${countryName(victim)} attributed to ${countryName(sponsor)}`
  if (victim) return `Incidents against ${countryName(victim)}`
  if (sponsor) return `Incidents attributed to ${countryName(sponsor)}`
  return 'State-linked cyber incidents'
}
