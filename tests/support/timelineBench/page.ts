// The timeline bench page: the same scripted zoom-and-pan sequence on Watchfloor's canvas timeline and on vis-timeline.
import { drawTimeline } from '../../../renderer/timeline/drawTimeline'
import { layoutLanes } from '../../../renderer/timeline/layout'
import { buildModel } from '../../../renderer/timeline/timelineModel'
import { fitWindow, panBy, zoomAt, type Camera } from '../../../renderer/timeline/timeScale'
import { countryName } from '../../../shared/countries'
import { partialDateRange } from '../../../shared/partialDate'
import { generateIncidents } from '../generate'

declare const vis: {
  Timeline: new (el: HTMLElement, items: unknown, groups: unknown, options: unknown) => { setWindow(a: Date, b: Date, o: unknown): void; redraw(): void; destroy(): void }
  DataSet: new (items: unknown[]) => unknown
}

const ANCHOR = Date.UTC(2022, 6, 15)

/** 200 camera positions: zoom in from 26 years to days around July 2022, pan, zoom half out, pan back. */
export function sequence(): Camera[] {
  const out: Camera[] = []
  let cam = fitWindow(Date.UTC(2000, 0, 1), Date.UTC(2026, 0, 1))
  for (let k = 0; k < 60; k++) out.push((cam = zoomAt(cam, 1.12, ANCHOR)))
  for (let k = 0; k < 40; k++) out.push((cam = panBy(cam, (cam.to - cam.from) * 0.05)))
  for (let k = 0; k < 60; k++) out.push((cam = zoomAt(cam, 1 / 1.06, ANCHOR)))
  for (let k = 0; k < 40; k++) out.push((cam = panBy(cam, -(cam.to - cam.from) * 0.05)))
  return out
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r))

/** Draws the sequence on the canvas timeline with `count` generated incidents; times each frame's drawing. */
async function ours(count: number) {
  const incidents = generateIncidents(count, 7)
  let t0 = performance.now()
  const model = buildModel(incidents, 'victim')
  const buildMs = performance.now() - t0
  const layout = layoutLanes(model.laneRows, new Set())
  const canvas = document.getElementById('ours') as HTMLCanvasElement
  canvas.width = 1400
  canvas.height = 800
  const ctx = canvas.getContext('2d')!
  const draw: number[] = []
  const interval: number[] = []
  let aggregatedFrames = 0
  let last = await nextFrame()
  for (const cam of sequence()) {
    t0 = performance.now()
    const f = drawTimeline(ctx, { model, cam, width: 1400, height: 800, layout, scrollY: 0 })
    draw.push(performance.now() - t0)
    if (f.aggregated > 0) aggregatedFrames++
    const now = await nextFrame()
    interval.push(now - last)
    last = now
  }
  return { count, items: model.spans.n + model.marks.n, buildMs, p50: pct(draw, 50), p95: pct(draw, 95), max: Math.max(...draw), intervalP50: pct(interval, 50), intervalP95: pct(interval, 95), frames: draw.length, aggregatedFrames }
}

/** The same sequence on vis-timeline: `setWindow` then a synchronous `redraw` per frame, stopping at `capMs`. */
async function visTimeline(count: number, capMs: number) {
  const incidents = generateIncidents(count, 7)
  const groups = new Set<string>()
  const items: unknown[] = []
  for (const inc of incidents) {
    const lane = inc.victims[0].country
    groups.add(lane)
    const [s, e] = partialDateRange(inc.start!)
    items.push({ id: inc.id, group: lane, content: inc.title, start: new Date(s), end: new Date(e), type: 'range' })
    for (const a of inc.attributions) items.push({ id: a.id, group: lane, content: '▼', start: new Date(partialDateRange(a.date!)[0]), type: 'point' })
    for (const r of inc.responses) items.push({ id: r.id, group: lane, content: '●', start: new Date(partialDateRange(r.date!)[0]), type: 'point' })
  }
  const el = document.getElementById('vis')!
  const seq = sequence()
  const started = performance.now()
  const tl = new vis.Timeline(el, new vis.DataSet(items), new vis.DataSet([...groups].map((g) => ({ id: g, content: countryName(g) }))), {
    start: new Date(seq[0].from),
    end: new Date(seq[0].to),
    stack: true,
    width: '1400px',
    height: '800px',
  })
  tl.redraw()
  const firstDrawMs = performance.now() - started
  const frames: number[] = []
  for (const cam of seq) {
    if (performance.now() - started > capMs) break
    const t0 = performance.now()
    tl.setWindow(new Date(cam.from), new Date(cam.to), { animation: false })
    tl.redraw()
    frames.push(performance.now() - t0)
    await nextFrame()
  }
  tl.destroy()
  return { count, items: items.length, firstDrawMs, frames: frames.length, of: seq.length, p50: frames.length ? pct(frames, 50) : null, p95: frames.length ? pct(frames, 95) : null, cappedAtMs: capMs }
}

Object.assign(window, { bench: { ours, vis: visTimeline } })
document.title = 'ready'
