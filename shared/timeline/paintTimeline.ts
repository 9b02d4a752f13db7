// Paints a whole timeline (lanes named in the gutter) for a set of incidents over a window: the export's drawing, DOM-free.

import type { Actor, Incident } from '../domain'
import { FONT, FONT_BOLD, type Annotation, type Ctx } from './drawAxis'
import { drawTimeline, GUTTER } from './drawTimeline'
import { AXIS_H, LANE_HEAD_H, layoutLanes, type LaneLayout } from './layout'
import { markRowsAt } from './markerLayout'
import { TIMELINE_PALETTES, type TimelinePalette } from './palette'
import { drawKey, keyItems, layoutKey, type KeyLayout } from './timelineKey'
import { buildModel, type GroupBy, type TimelineModel } from './timelineModel'
import type { Camera } from './timeScale'

export interface TimelinePngOptions {
  incidents: Incident[]
  /** The time window to show, UTC ms. */
  window: Camera
  groupBy?: GroupBy
  actors?: ReadonlyMap<string, Actor>
  /** CSS px; the height defaults to fit every lane (at most 4000 px). */
  width?: number
  height?: number
  /** Device pixels per CSS px (2 for a sharp image in print). */
  scale?: number
  selectedIds?: string[]
  annotations?: Annotation[]
  brush?: [number, number] | null
  /** The theme's colours (dark by default). */
  palette?: TimelinePalette
  /** The locale the axis is labelled in (fixed English without one, as in briefings). */
  locale?: string
  /** Draws a key of the symbols and colours used under the lanes (printed figures). */
  key?: boolean
}

/** The key `paintTimeline` draws for `o` on a canvas `width` px wide (empty without `o.key`). */
export function timelineKey(model: TimelineModel, o: Pick<TimelinePngOptions, 'key' | 'palette'>, width: number, measure: (text: string) => number): KeyLayout {
  return o.key ? layoutKey(keyItems(model, o.palette ?? TIMELINE_PALETTES.dark), 8, width - 16, measure) : { items: [], height: 0 }
}

/** Lane names in the gutter (the live view shows them as buttons instead). */
export function drawLaneLabels(ctx: Ctx, model: TimelineModel, layout: LaneLayout, scrollY: number, height: number, colors: TimelinePalette = TIMELINE_PALETTES.dark): void {
  ctx.font = FONT_BOLD
  ctx.textBaseline = 'middle'
  ctx.fillStyle = colors.text
  layout.lanes.forEach((b, l) => {
    const y = AXIS_H + b.top - scrollY + (b.collapsed ? b.height : LANE_HEAD_H) / 2
    if (y > AXIS_H && y < height) ctx.fillText(model.lanes[l].label, 8, y, GUTTER - 16)
  })
}

/** Draws the timeline on `ctx` (sized width × height CSS px) and returns the model it drew. */
export function paintTimeline(ctx: Ctx, o: TimelinePngOptions & { width: number; height: number }): TimelineModel {
  const model = buildModel(o.incidents, o.groupBy ?? 'victim', o.actors)
  const layout = layoutLanes(model.laneRows, new Set(), markRowsAt(model, o.window, Math.max(1, o.width - GUTTER)))
  const selected = new Uint8Array(model.incidents.length)
  const ids = new Set(o.selectedIds ?? [])
  model.incidents.forEach((inc, n) => (selected[n] = ids.has(inc.id) ? 1 : 0))
  ctx.font = FONT
  const key = timelineKey(model, o, o.width, (t) => ctx.measureText(t).width)
  const lanesH = o.height - key.height
  drawTimeline(ctx, { model, cam: o.window, width: o.width, height: lanesH, layout, scrollY: 0, selected, annotations: o.annotations, brush: o.brush, palette: o.palette, locale: o.locale })
  drawLaneLabels(ctx, model, layout, 0, lanesH, o.palette)
  if (key.height > 0) {
    const colors = o.palette ?? TIMELINE_PALETTES.dark
    ctx.fillStyle = colors.bg
    ctx.fillRect(0, lanesH, o.width, key.height)
    ctx.fillStyle = colors.line
    ctx.fillRect(0, lanesH, o.width, 1)
    drawKey(ctx, key, lanesH, colors)
  }
  return model
}

