// Canvas drawing of the time axis, grid, brush window and dated annotations (no React, works on an offscreen canvas).

import { partialDateRange, type PartialDate } from '../partialDate'
import { AXIS_H } from './layout'
import { TIMELINE_PALETTES, type TimelinePalette } from './palette'
import { chooseTicks, type Ticks } from './ticks'
import { xOf, type Camera } from './timeScale'

/**
 * The part of a 2D context the timeline draws with: a canvas's, an offscreen canvas's, or a test's
 * recorder. Structural, so this module needs no DOM.
 */
export interface Ctx {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textBaseline: string
  globalAlpha: number
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  rect(x: number, y: number, w: number, h: number): void
  arc(x: number, y: number, r: number, a0: number, a1: number): void
  fill(): void
  stroke(): void
  clip(): void
  save(): void
  restore(): void
  setLineDash(segments: number[]): void
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): { addColorStop(offset: number, color: string): void }
}

/** A dated annotation on the timeline (dated notes once the notes view lands). */
export interface Annotation {
  id: string
  date: PartialDate
  label: string
  kind: string
}

export const FONT = '11px system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, sans-serif'
export const FONT_BOLD = 'bold 11px system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, sans-serif'

/** Draws the axis band (major labels above, minor ticks below) and the vertical grid over [left, left+width). */
export function drawAxis(ctx: Ctx, cam: Camera, left: number, width: number, height: number, colors: TimelinePalette = TIMELINE_PALETTES.dark, locale?: string): Ticks {
  const ticks = chooseTicks(cam, width, undefined, locale)
  ctx.fillStyle = colors.bg
  ctx.fillRect(left, 0, width, AXIS_H)
  ctx.font = FONT
  ctx.textBaseline = 'middle'
  ctx.lineWidth = 1
  for (const t of ticks.minor) {
    const x = Math.round(left + xOf(cam, width, t.t)) + 0.5
    if (x < left) continue
    ctx.strokeStyle = colors.grid
    ctx.beginPath()
    ctx.moveTo(x, AXIS_H)
    ctx.lineTo(x, height)
    ctx.stroke()
    ctx.strokeStyle = colors.line
    ctx.beginPath()
    ctx.moveTo(x, AXIS_H - 8)
    ctx.lineTo(x, AXIS_H)
    ctx.stroke()
    ctx.fillStyle = colors.muted
    ctx.fillText(t.label, x + 3, AXIS_H - 9)
  }
  ctx.font = FONT_BOLD
  ctx.fillStyle = colors.text
  ticks.major.forEach((t, k) => {
    const x = Math.round(left + xOf(cam, width, t.t)) + 0.5
    if (x >= left) {
      ctx.strokeStyle = colors.line
      ctx.beginPath()
      ctx.moveTo(x, 2)
      ctx.lineTo(x, height)
      ctx.stroke()
    }
    // The tick before the left edge labels the context ("2022" while months scroll by), unless the next one is about to take over.
    const lx = Math.max(x, left) + 4
    const nextX = k + 1 < ticks.major.length ? left + xOf(cam, width, ticks.major[k + 1].t) : Infinity
    if (nextX - lx > ctx.measureText(t.label).width + 8) ctx.fillText(t.label, lx, 11)
  })
  ctx.strokeStyle = colors.line
  ctx.beginPath()
  ctx.moveTo(left, AXIS_H + 0.5)
  ctx.lineTo(left + width, AXIS_H + 0.5)
  ctx.stroke()
  return ticks
}

/** Shades the brushed window [from, to) over the plot, with its edges. */
export function drawBrush(ctx: Ctx, cam: Camera, left: number, width: number, height: number, brush: [number, number], colors: TimelinePalette = TIMELINE_PALETTES.dark): void {
  const x0 = Math.max(left, left + xOf(cam, width, brush[0]))
  const x1 = Math.min(left + width, left + xOf(cam, width, brush[1]))
  if (x1 <= x0) return
  ctx.fillStyle = colors.brushFill
  ctx.fillRect(x0, 0, x1 - x0, height)
  ctx.strokeStyle = colors.accent
  ctx.lineWidth = 1.5
  ctx.beginPath()
  ctx.moveTo(x0, 0)
  ctx.lineTo(x0, height)
  ctx.moveTo(x1, 0)
  ctx.lineTo(x1, height)
  ctx.stroke()
}

/** Draws each annotation as a band (its partial date's span) or a line, with a flag label under the axis. */
export function drawAnnotations(ctx: Ctx, cam: Camera, left: number, width: number, height: number, annotations: readonly Annotation[], colors: TimelinePalette = TIMELINE_PALETTES.dark): void {
  ctx.font = FONT
  ctx.textBaseline = 'middle'
  for (const a of annotations) {
    const [s, e] = partialDateRange(a.date)
    const x0 = left + xOf(cam, width, s)
    const x1 = left + xOf(cam, width, e)
    if (x1 < left || x0 > left + width) continue
    ctx.fillStyle = colors.annotationBand
    if (x1 - x0 > 2) ctx.fillRect(x0, AXIS_H, x1 - x0, height - AXIS_H)
    const x = Math.round(Math.max(left, (x0 + x1) / 2)) + 0.5
    ctx.strokeStyle = colors.annotation
    ctx.setLineDash([4, 3])
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(x, AXIS_H)
    ctx.lineTo(x, height)
    ctx.stroke()
    ctx.setLineDash([])
    const w = Math.min(160, ctx.measureText(a.label).width + 8)
    ctx.fillStyle = colors.annotation
    ctx.fillRect(x, AXIS_H + 2, w, 14)
    ctx.fillStyle = colors.annotationText
    ctx.fillText(a.label, x + 4, AXIS_H + 9, w - 8)
  }
}
