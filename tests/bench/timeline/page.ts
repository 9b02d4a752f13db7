// The timeline bench page: the same scripted zoom-and-pan sequence on Watchfloor's canvas timeline and on vis-timeline.
import { drawTimeline } from '../../../shared/timeline/drawTimeline'
import { layoutLanes } from '../../../shared/timeline/layout'
import { buildModel } from '../../../shared/timeline/timelineModel'
import { fitWindow, panBy, zoomAt, type Camera } from '../../../shared/timeline/timeScale'
import { countryName } from '../../../shared/countries'
import { partialDateRange } from '../../../shared/partialDate'
import { generateIncidents } from '../../support/generate'

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

/**
 * Draws the sequence on the canvas timeline with `count` generated incidents, `passes` times. The
 * context is a software canvas (willReadFrequently) and each frame ends with a 1-pixel read, so a
 * frame's time includes rasterising it, not only recording draw calls. Returns p50/p95 of the
 * first pass, and of each frame's best pass (which filters out time the OS gave other processes).
 */
async function ours(count: number, passes = 3) {
  const incidents = generateIncidents(count, 7)
  let t0 = performance.now()
  const model = buildModel(incidents, 'victim')
  const buildMs = performance.now() - t0
  const layout = layoutLanes(model.laneRows, new Set())
  const canvas = document.getElementById('ours') as HTMLCanvasElement
  canvas.width = 1400
  canvas.height = 800
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!
  const seq = sequence()
  const runs: number[][] = []
  let aggregatedFrames = 0
  for (let p = 0; p < passes; p++) {
    const times: number[] = []
    for (const cam of seq) {
      t0 = performance.now()
      const f = drawTimeline(ctx, { model, cam, width: 1400, height: 800, layout, scrollY: 0 })
      ctx.getImageData(0, 0, 1, 1)
      times.push(performance.now() - t0)
      if (p === 0 && f.aggregated > 0) aggregatedFrames++
    }
    runs.push(times)
    await nextFrame()
  }
  const best = seq.map((_, k) => Math.min(...runs.map((r) => r[k])))
  return { count, items: model.spans.n + model.marks.n, buildMs, p50: pct(runs[0], 50), p95: pct(runs[0], 95), max: Math.max(...runs[0]), bestP50: pct(best, 50), bestP95: pct(best, 95), frames: seq.length, passes, aggregatedFrames }
}

/** The same sequence on vis-timeline (up to 3 passes): `setWindow` then a synchronous `redraw` per frame (DOM layout, not paint), stopping at `capMs`. */
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
  const runs: number[][] = []
  for (let p = 0; p < 3 && performance.now() - started < capMs; p++) {
    const frames: number[] = []
    for (const cam of seq) {
      if (performance.now() - started > capMs) break
      const t0 = performance.now()
      tl.setWindow(new Date(cam.from), new Date(cam.to), { animation: false })
      tl.redraw()
      frames.push(performance.now() - t0)
      await nextFrame()
    }
    if (frames.length === seq.length) runs.push(frames)
    else if (p === 0) runs.push(frames)
  }
  const first = runs[0] ?? []
  const complete = runs.filter((r) => r.length === seq.length)
  const best = complete.length ? seq.map((_, k) => Math.min(...complete.map((r) => r[k]))) : []
  tl.destroy()
  return { count, items: items.length, firstDrawMs, frames: first.length, of: seq.length, p50: first.length ? pct(first, 50) : null, p95: first.length ? pct(first, 95) : null, bestP95: best.length ? pct(best, 95) : null, passes: complete.length, cappedAtMs: capMs }
}

Object.assign(window, { bench: { ours, vis: visTimeline } })
document.title = 'ready'
