// Drawing without a DOM: a recording 2D context shows what the timeline and its PNG export put on the canvas.
import { describe, expect, it } from 'vitest'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { Ctx } from '../../../../shared/timeline/drawAxis'
import { drawTimeline, GUTTER } from '../../../../shared/timeline/drawTimeline'
import { paintTimeline } from '../../../../shared/timeline/paintTimeline'
import { layoutLanes } from '../../../../shared/timeline/layout'
import { buildModel } from '../../../../shared/timeline/timelineModel'
import { xOf } from '../../../../shared/timeline/timeScale'
import { generateIncidents } from '../../../support/generate'

interface Call {
  name: string
  args: unknown[]
}

/** A stand-in for a 2D canvas context that records every method call. */
function recordingContext(): { ctx: Ctx; calls: Call[]; texts: () => { text: string; x: number; y: number }[] } {
  const calls: Call[] = []
  const state: Record<string | symbol, unknown> = {}
  const ctx = new Proxy(state, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') return (t: string) => ({ width: t.length * 6 })
      if (prop === 'createLinearGradient') return () => ({ addColorStop: () => undefined })
      return (...args: unknown[]) => void calls.push({ name: String(prop), args })
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    },
  }) as unknown as Ctx
  const texts = () => calls.filter((c) => c.name === 'fillText').map((c) => ({ text: c.args[0] as string, x: c.args[1] as number, y: c.args[2] as number }))
  return { ctx, calls, texts }
}

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`)
const sample = sampleWorkspace()

describe('drawing', () => {
  it('draws annotations from a supplied list at their date, labelled', () => {
    const { ctx, texts } = recordingContext()
    const model = buildModel(sample.incidents, 'victim')
    const cam = { from: utc('2022-06-01'), to: utc('2022-12-01') }
    drawTimeline(ctx, { model, cam, width: 1200, height: 600, layout: layoutLanes(model.laneRows, new Set()), scrollY: 0, annotations: [{ id: 'n1', date: '2022-09-07', label: 'Note: Rama statement', kind: 'note' }] })
    const label = texts().find((t) => t.text === 'Note: Rama statement')
    expect(label).toBeDefined()
    const x = GUTTER + xOf(cam, 1200 - GUTTER, (utc('2022-09-07') + utc('2022-09-08')) / 2)
    expect(Math.abs(label!.x - 4 - x)).toBeLessThan(1.5)
  })
  it('labels incidents when zoomed in and aggregates when 30k incidents are zoomed out', () => {
    const model = buildModel(sample.incidents, 'victim')
    const { ctx, texts } = recordingContext()
    const f = drawTimeline(ctx, { model, cam: { from: utc('2022-06-01'), to: utc('2022-12-01') }, width: 1400, height: 900, layout: layoutLanes(model.laneRows, new Set()), scrollY: 0 })
    expect(f.aggregated).toBe(0)
    expect(texts().some((t) => t.text === 'Destructive attack on Albanian government systems')).toBe(true)
    expect(f.ticks.unit).toBe('month')

    const big = buildModel(generateIncidents(30_000, 2), 'victim')
    const rec = recordingContext()
    const g = drawTimeline(rec.ctx, { model: big, cam: { from: utc('2000-01-01'), to: utc('2026-01-01') }, width: 1400, height: 900, layout: layoutLanes(big.laneRows, new Set()), scrollY: 0 })
    expect(g.aggregated).toBeGreaterThan(0)
    expect(g.hits.length).toBe(0)
    // Density is at most one rectangle per pixel column per lane and row kind, never one per item.
    expect(rec.calls.filter((c) => c.name === 'fillRect').length).toBeLessThan(1400 * big.lanes.length * 2 + 200)
  })
  it('paints an export with lane names in the gutter and the selection outlined, with no view mounted', () => {
    const { ctx, calls, texts } = recordingContext()
    const model = paintTimeline(ctx, { incidents: sample.incidents, window: { from: utc('2022-06-01'), to: utc('2022-12-01') }, width: 1200, height: 900, selectedIds: ['inc-albania-2022-07'] })
    const lanes = texts().filter((t) => t.x === 8).map((t) => t.text)
    expect(lanes).toEqual(expect.arrayContaining(['Albania', 'Costa Rica']))
    expect(lanes).toHaveLength(model.lanes.length)
    expect(calls.some((c) => c.name === 'strokeRect')).toBe(true)
  })
})
