// Renders a set of incidents over a time window to a PNG without the view open (offscreen canvas), for export and briefings.

import type { Ctx } from '../../shared/timeline/drawAxis'
import { AXIS_H, layoutLanes } from '../../shared/timeline/layout'
import { markRowsAt } from '../../shared/timeline/markerLayout'
import { GUTTER } from '../../shared/timeline/drawTimeline'
import { FONT } from '../../shared/timeline/drawAxis'
import { paintTimeline, timelineKey, type TimelinePngOptions } from '../../shared/timeline/paintTimeline'
import { buildModel } from '../../shared/timeline/timelineModel'

export type { TimelinePngOptions }

/** A PNG of the timeline of `incidents` over `window`; works with no view mounted. */
export async function exportTimelinePng(o: TimelinePngOptions): Promise<Blob> {
  const width = o.width ?? 1400
  const scale = o.scale ?? 1
  const model = buildModel(o.incidents, o.groupBy ?? 'victim', o.actors)
  const measurer = document.createElement('canvas').getContext('2d')
  if (measurer) measurer.font = FONT
  const key = timelineKey(model, o, width, (t) => measurer?.measureText(t).width ?? t.length * 6.5)
  const height = o.height ?? Math.min(4000, AXIS_H + layoutLanes(model.laneRows, new Set(), markRowsAt(model, o.window, Math.max(1, width - GUTTER))).total + 8 + key.height)
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width * scale, height * scale) : Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale })
  const ctx = canvas.getContext('2d') as unknown as Ctx & { scale(x: number, y: number): void }
  ctx.scale(scale, scale)
  paintTimeline(ctx, { ...o, width, height })
  if (canvas instanceof HTMLCanvasElement) return new Promise((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error('The PNG could not be encoded'))), 'image/png'))
  return canvas.convertToBlob({ type: 'image/png' })
}
