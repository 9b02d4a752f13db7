// Draws one frame of the timeline on a 2D context: lanes, spans, markers, density when zoomed out, connectors, brush, annotations.

import { aggregateColumns, countVisible, itemExtent, shouldAggregate, visibleSlice } from './aggregate'
import { FONT, drawAnnotations, drawAxis, drawBrush, type Annotation, type Ctx } from './drawAxis'
import { AXIS_H, ROW_H, type LaneLayout } from './layout'
import { TIMELINE_PALETTES, markerColor, type TimelinePalette } from './palette'
import { MARK_R, STACK_H, placeMarkers, stackLimit } from './markerLayout'
import { drawShape, markerStyle } from './symbols'
import type { Ticks } from './ticks'
import { PREC, type TimelineModel } from './timelineModel'
import { xOf, type Camera } from './timeScale'

/** Width of the lane-label gutter left of the plot, px. */
export const GUTTER = 170
const MILESTONE_R = 5
/** Radius of a counted group's glyph, px. */
export const GROUP_R = 7
const MAX_HITS = 5000

/** An item drawn this frame, with its box in canvas px. */
export interface Hit {
  /** A span, a marker, or a counted glyph standing for markers at one place. */
  kind: 'span' | 'mark' | 'group'
  /** Index into model.spans or model.marks (a group's first member). */
  i: number
  /** A group's markers (indices into model.marks), in time order. */
  members?: number[]
  x0: number
  x1: number
  y0: number
  y1: number
}

export interface Scene {
  model: TimelineModel
  cam: Camera
  /** Canvas size in CSS px. */
  width: number
  height: number
  layout: LaneLayout
  scrollY: number
  /** 1 for each selected incident index. */
  selected?: Uint8Array
  hoverIncident?: number
  /** Index into model.spans of the keyboard cursor's span, drawn with a focus ring. */
  focusSpan?: number
  brush?: [number, number] | null
  annotations?: readonly Annotation[]
  /** The theme's colours (dark by default). */
  palette?: TimelinePalette
  /** The locale the axis is labelled in (fixed English without one). */
  locale?: string
}

export interface Frame {
  ticks: Ticks
  hits: Hit[]
  /** Lanes drawn as density this frame. */
  aggregated: number
}

let columns = new Float32Array(0)
const widths = new Map<string, number>()

/** `text` when it fits in `max` px whole, else '' (a cut title reads as a different one; the tooltip and list give it in full). */
function fitText(ctx: Ctx, text: string, max: number): string {
  let w = widths.get(text)
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear()
    widths.set(text, (w = ctx.measureText(text).width))
  }
  return w <= max ? text : ''
}

function softRect(ctx: Ctx, x0: number, x1: number, y: number, h: number, color: string, softStart: boolean, softEnd: boolean): void {
  const w = x1 - x0
  if (w < 8 || (!softStart && !softEnd)) {
    ctx.globalAlpha = softStart || softEnd ? 0.55 : 0.9
    ctx.fillStyle = color
    ctx.fillRect(x0, y, Math.max(w, 1), h)
    ctx.globalAlpha = 1
    return
  }
  // An imprecise end fades in over the first (or out over the last) part of its month or year.
  const edge = Math.min(w * 0.3, 40) / w
  const g = ctx.createLinearGradient(x0, 0, x1, 0)
  g.addColorStop(0, softStart ? 'rgba(0,0,0,0)' : color)
  g.addColorStop(edge, color)
  g.addColorStop(1 - edge, color)
  g.addColorStop(1, softEnd ? 'rgba(0,0,0,0)' : color)
  ctx.globalAlpha = 0.6
  ctx.fillStyle = g
  ctx.fillRect(x0, y, w, h)
  ctx.globalAlpha = 1
}

/** Column counts as one filled step outline (log scale), bottom at y + h: one fill per lane, not one per column. */
function density(ctx: Ctx, counts: Float32Array, max: number, left: number, y: number, h: number, color: string): void {
  const base = y + h
  const scale = h / Math.log1p(max)
  ctx.fillStyle = color
  ctx.beginPath()
  ctx.moveTo(left, base)
  let prev = 0
  for (let c = 0; c < counts.length; c++) {
    const v = counts[c]
    const bh = v === 0 ? 0 : Math.max(2, Math.log1p(v) * scale)
    if (bh !== prev) {
      ctx.lineTo(left + c, base - prev)
      ctx.lineTo(left + c, base - bh)
      prev = bh
    }
  }
  ctx.lineTo(left + counts.length, base - prev)
  ctx.lineTo(left + counts.length, base)
  ctx.closePath()
  ctx.fill()
}

/** A counted glyph: a ring with the count, over a thin bar spanning its members' range when wider than itself. */
function drawGroup(ctx: Ctx, x: number, x0: number, x1: number, y: number, count: number, colors: TimelinePalette): void {
  if (x1 - x0 > 2 * GROUP_R) {
    ctx.strokeStyle = colors.muted
    ctx.lineWidth = 2
    ctx.beginPath()
    ctx.moveTo(x0, y)
    ctx.lineTo(x1, y)
    ctx.moveTo(x0, y - 3)
    ctx.lineTo(x0, y + 3)
    ctx.moveTo(x1, y - 3)
    ctx.lineTo(x1, y + 3)
    ctx.stroke()
  }
  ctx.fillStyle = colors.bg
  ctx.strokeStyle = colors.text
  ctx.lineWidth = 1.5
  ctx.beginPath()
  ctx.arc(x, y, GROUP_R, 0, Math.PI * 2)
  ctx.fill()
  ctx.stroke()
  ctx.fillStyle = colors.text
  ctx.font = 'bold 10px system-ui, sans-serif'
  ctx.textBaseline = 'middle'
  const label = count > 99 ? '99+' : String(count)
  ctx.fillText(label, x - ctx.measureText(label).width / 2, y + 0.5)
}

/** Draws the frame and returns what was drawn item by item (for hit testing and the accessible list). */
export function drawTimeline(ctx: Ctx, s: Scene): Frame {
  const { model, cam, width, height, layout, scrollY } = s
  const colors = s.palette ?? TIMELINE_PALETTES.dark
  const plotW = Math.max(1, width - GUTTER)
  if (columns.length !== Math.floor(plotW)) columns = new Float32Array(Math.floor(plotW))
  ctx.fillStyle = colors.bg
  ctx.fillRect(0, 0, width, height)

  // Lane backgrounds first, so the grid lines sit on top of them.
  const visibleLanes: number[] = []
  for (let l = 0; l < layout.lanes.length; l++) {
    const b = layout.lanes[l]
    const top = AXIS_H + b.top - scrollY
    if (top + b.height < AXIS_H || top > height) continue
    visibleLanes.push(l)
    ctx.fillStyle = l % 2 === 0 ? colors.bg : colors.laneAlt
    ctx.fillRect(0, top, width, b.height)
  }
  const ticks = drawAxis(ctx, cam, GUTTER, plotW, height, colors, s.locale)
  ctx.save()
  ctx.beginPath()
  ctx.rect(GUTTER, AXIS_H + 1, plotW, height - AXIS_H - 1)
  ctx.clip()

  const hits: Hit[] = []
  let aggregated = 0
  const { spans, marks, incidents } = model
  const sel = s.selected
  const x = (t: number) => GUTTER + xOf(cam, plotW, t)
  for (const l of visibleLanes) {
    const b = layout.lanes[l]
    const top = AXIS_H + b.top - scrollY
    const markY = AXIS_H + b.markY - scrollY
    ctx.strokeStyle = colors.line
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(GUTTER, top + b.height - 0.5)
    ctx.lineTo(width, top + b.height - 0.5)
    ctx.stroke()

    // Spans.
    const [i0, i1] = visibleSlice(spans.start, spans.offset[l], spans.offset[l + 1], cam.from, cam.to, spans.maxDur[l])
    const rowsTop = b.collapsed ? top + 3 : AXIS_H + b.rowsTop - scrollY
    const rowsH = b.collapsed ? b.height - 6 : model.laneRows[l] * ROW_H
    if (b.collapsed || shouldAggregate(countVisible(spans.end, i0, i1, cam.from), plotW)) {
      aggregated++
      const max = aggregateColumns(spans.start, spans.end, i0, i1, cam, columns)
      if (max > 0) density(ctx, columns, max, GUTTER, rowsTop, rowsH, colors.spanDensity)
    } else {
      ctx.font = FONT
      ctx.textBaseline = 'middle'
      for (let i = i0; i < i1; i++) {
        if (spans.end[i] <= cam.from) continue
        const inc = incidents[spans.incident[i]]
        const color = colors.nexus[inc.nexus]
        const y = rowsTop + spans.row[i] * ROW_H
        const milestone = spans.startPrec[i] === PREC.day && spans.endPrec[i] === PREC.day && spans.end[i] - spans.start[i] <= 86_400_000
        const isSel = sel?.[spans.incident[i]] === 1
        let x0: number
        let x1: number
        if (milestone && x(spans.end[i]) - x(spans.start[i]) < 2 * MILESTONE_R) {
          const cx = (x(spans.start[i]) + x(spans.end[i])) / 2
          x0 = cx - MILESTONE_R
          x1 = cx + MILESTONE_R
          drawShape(ctx, 'diamond', cx, y + ROW_H / 2, MILESTONE_R, color)
        } else {
          ;[x0, x1] = itemExtent(cam, plotW, spans.start[i], spans.end[i], 3)
          x0 += GUTTER
          x1 += GUTTER
          softRect(ctx, x0, x1, y + 3, ROW_H - 6, color, spans.startPrec[i] !== PREC.day, spans.endPrec[i] !== PREC.day)
        }
        if (isSel || s.hoverIncident === spans.incident[i]) {
          ctx.strokeStyle = isSel ? colors.selected : colors.text
          ctx.lineWidth = isSel ? 2 : 1
          ctx.strokeRect(x0 - 1.5, y + 1.5, x1 - x0 + 3, ROW_H - 3)
        }
        // Titles where there is room: inside a long bar, else right of the item up to the next one in its row.
        const inside = x1 - x0 > 120
        const lx = inside ? Math.max(x0, GUTTER) + 4 : x1 + 4
        let limit = inside ? Math.min(x1, width) - 4 : width - 4
        if (!inside) {
          for (let j = i + 1; j < i1 && j < i + 64; j++) {
            if (spans.row[j] === spans.row[i]) {
              limit = Math.min(limit, x(spans.start[j]) - 8)
              break
            }
          }
        }
        const label = limit - lx > 30 ? fitText(ctx, inc.title, limit - lx) : ''
        if (label) {
          ctx.fillStyle = isSel ? colors.selected : colors.text
          ctx.fillText(label, lx, y + ROW_H / 2)
        }
        if (hits.length < MAX_HITS) hits.push({ kind: 'span', i, x0, x1, y0: y, y1: y + ROW_H })
      }
    }

    // Markers: attributions and responses.
    const [m0, m1] = visibleSlice(marks.start, marks.offset[l], marks.offset[l + 1], cam.from, cam.to, marks.maxDur[l])
    if (shouldAggregate(countVisible(marks.end, m0, m1, cam.from), plotW, 'marks')) {
      aggregated++
      const max = aggregateColumns(marks.start, marks.end, m0, m1, cam, columns)
      if (max > 0) density(ctx, columns, max, GUTTER, markY - 7, 14, colors.markDensity)
    } else if (!b.collapsed || m1 - m0 < 200) {
      // Every marker sits at its own date; collisions stack across the lane or merge into a counted glyph.
      const idx: number[] = []
      const xs: number[] = []
      for (let i = m0; i < m1; i++) {
        if (marks.end[i] <= cam.from) continue
        const xs0 = x(marks.start[i])
        const xe0 = x(marks.end[i])
        // A month- or year-precision marker shows the span it might fall in as a faint band.
        if (marks.startPrec[i] !== PREC.day && xe0 - xs0 > 2 * MARK_R) softRect(ctx, xs0, xe0, markY - 3, 6, markerColor(colors, marks.kind[i]), true, true)
        idx.push(i)
        xs.push((xs0 + xe0) / 2)
      }
      const placed = placeMarkers(xs, Math.min(b.markRows, stackLimit(cam, plotW)))
      for (let k = 0; k < idx.length; k++) {
        const r = placed.row[k]
        if (r < 0) continue
        const i = idx[k]
        const cy = markY + r * STACK_H
        drawShape(ctx, markerStyle(marks.kind[i]).shape, xs[k], cy, MARK_R, markerColor(colors, marks.kind[i]))
        if (hits.length < MAX_HITS) hits.push({ kind: 'mark', i, x0: xs[k] - MARK_R, x1: xs[k] + MARK_R, y0: cy - MARK_R, y1: cy + MARK_R })
      }
      for (const g of placed.groups) {
        const cy = markY + g.row * STACK_H
        const members = g.members.map((k) => idx[k])
        drawGroup(ctx, g.x, g.x0, g.x1, cy, members.length, colors)
        if (hits.length < MAX_HITS) hits.push({ kind: 'group', i: members[0], members, x0: Math.min(g.x0, g.x - GROUP_R), x1: Math.max(g.x1, g.x + GROUP_R), y0: cy - GROUP_R, y1: cy + GROUP_R })
      }
    }
  }

  drawConnectors(ctx, s, hits, colors)
  const f = s.focusSpan !== undefined && s.focusSpan >= 0 ? hits.find((h) => h.kind === 'span' && h.i === s.focusSpan) : undefined
  if (f) {
    ctx.strokeStyle = colors.focus
    ctx.lineWidth = 2
    ctx.setLineDash([3, 2])
    ctx.strokeRect(f.x0 - 3, f.y0 - 1, f.x1 - f.x0 + 6, f.y1 - f.y0 + 2)
    ctx.setLineDash([])
  }
  if (s.annotations?.length) drawAnnotations(ctx, cam, GUTTER, plotW, height, s.annotations, colors)
  if (s.brush) drawBrush(ctx, cam, GUTTER, plotW, height, s.brush, colors)
  ctx.restore()
  return { ticks, hits, aggregated }
}

/** Links each marker of a hovered or selected incident to its span in the same lane. */
function drawConnectors(ctx: Ctx, s: Scene, hits: Hit[], colors: TimelinePalette): void {
  const { spans, marks } = s.model
  const linked = (inc: number) => s.hoverIncident === inc || s.selected?.[inc] === 1
  const spanOf = new Map<string, Hit>()
  for (const h of hits) if (h.kind === 'span' && linked(spans.incident[h.i])) spanOf.set(`${spans.incident[h.i]}:${spans.lane[h.i]}`, h)
  if (spanOf.size === 0) return
  ctx.strokeStyle = colors.connector
  ctx.lineWidth = 1
  ctx.beginPath()
  for (const h of hits) {
    if (h.kind === 'span') continue
    const span = spanOf.get(`${marks.incident[h.i]}:${marks.lane[h.i]}`)
    if (!span) continue
    const mx = (h.x0 + h.x1) / 2
    const sx = Math.min(Math.max(mx, span.x0), span.x1)
    ctx.moveTo(mx, h.y1)
    ctx.lineTo(sx, span.y0 + 3)
  }
  ctx.stroke()
}
