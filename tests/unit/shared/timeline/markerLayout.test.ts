// Markers stay at their dates: a busy week in one lane at month, week and year zoom, drawn by the one drawing code the view, PNG and briefing share.
import { describe, expect, it } from 'vitest'
import type { Incident } from '../../../../shared/domain'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { Ctx } from '../../../../shared/timeline/drawAxis'
import { drawTimeline, GUTTER, type Hit } from '../../../../shared/timeline/drawTimeline'
import { layoutLanes } from '../../../../shared/timeline/layout'
import { MARK_R, markRowsAt, MAX_MARK_ROWS, placeMarkers, STACK_H } from '../../../../shared/timeline/markerLayout'
import { buildModel } from '../../../../shared/timeline/timelineModel'
import { DAY, xOf, type Camera } from '../../../../shared/timeline/timeScale'

/** A 2D context that draws nothing and measures text at 6 px a character. */
const nullCtx = new Proxy({} as Record<string | symbol, unknown>, {
  get(target, prop) {
    if (prop in target) return target[prop]
    if (prop === 'measureText') return (t: string) => ({ width: t.length * 6 })
    if (prop === 'createLinearGradient') return () => ({ addColorStop: () => undefined })
    return () => undefined
  },
  set(target, prop, value) {
    target[prop] = value
    return true
  },
}) as unknown as Ctx

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`)
const base = sampleWorkspace().incidents.find((i) => i.id === 'inc-albania-2022-07')!

/** One incident in one lane with 20 responses on 12–18 Sep 2022 (several on the same days). */
function busyWeek(): Incident {
  const days = [12, 12, 12, 13, 13, 14, 14, 14, 14, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18]
  return {
    ...base,
    attributions: [],
    responses: days.map((d, k) => ({ ...base.responses[0], id: `resp-${k}`, date: `2022-09-${d}`, description: `Response ${k}` })),
  }
}

const WIDTH = 1400
const plotW = WIDTH - GUTTER

function frame(cam: Camera) {
  const model = buildModel([busyWeek()], 'victim')
  const layout = layoutLanes(model.laneRows, new Set(), markRowsAt(model, cam, plotW))
  const f = drawTimeline(nullCtx, { model, cam, width: WIDTH, height: 600, layout, scrollY: 0 })
  return { model, layout, hits: f.hits.filter((h) => h.kind !== 'span') }
}

/** The x (canvas px) of the middle of marker i's day. */
const dateX = (cam: Camera, model: ReturnType<typeof buildModel>, i: number) => GUTTER + xOf(cam, plotW, (model.marks.start[i] + model.marks.end[i]) / 2)
const centre = (h: Hit) => (h.x0 + h.x1) / 2

const zooms: [string, Camera][] = [
  ['week', { from: utc('2022-09-10'), to: utc('2022-09-24') }],
  ['month', { from: utc('2022-06-01'), to: utc('2022-12-01') }],
  ['year', { from: utc('2015-01-01'), to: utc('2026-01-01') }],
]

describe('marker layout', () => {
  for (const [zoom, cam] of zooms) {
    it(`keeps every one of 20 markers in one week at its date at ${zoom} zoom`, () => {
      const { model, layout, hits } = frame(cam)
      expect(model.marks.n).toBe(20)
      const seen = new Map<number, number>()
      const laneY = 40 + layout.lanes[0].markY
      for (const h of hits) {
        const members = h.kind === 'group' ? h.members! : [h.i]
        for (const i of members) seen.set(i, (seen.get(i) ?? 0) + 1)
        if (h.kind === 'mark') {
          // A lone or stacked marker: exactly at its date, in one of the lane's marker rows.
          expect(Math.abs(centre(h) - dateX(cam, model, h.i))).toBeLessThanOrEqual(1)
          const row = ((h.y0 + h.y1) / 2 - laneY) / STACK_H
          expect(Number.isInteger(Math.round(row * 1000) / 1000)).toBe(true)
          expect(row).toBeGreaterThanOrEqual(0)
          expect(row).toBeLessThan(MAX_MARK_ROWS)
        } else {
          // A counted glyph: its members' dates all lie under it, and it sits within their range.
          const xs = members.map((i) => dateX(cam, model, i))
          const lo = Math.min(...xs)
          const hi = Math.max(...xs)
          expect(h.x0).toBeLessThanOrEqual(lo + 1)
          expect(h.x1).toBeGreaterThanOrEqual(hi - 1)
          expect(centre(h)).toBeGreaterThanOrEqual(lo - 1)
          expect(centre(h)).toBeLessThanOrEqual(hi + 1)
        }
      }
      // Every marker is drawn once: alone, stacked, or counted in a group.
      expect(seen.size).toBe(20)
      expect([...seen.values()].every((c) => c === 1)).toBe(true)
    })
  }

  it('stacks same-day markers at week zoom and counts them at year zoom', () => {
    const week = frame(zooms[0][1])
    expect(week.hits.every((h) => h.kind === 'mark')).toBe(true)
    expect(new Set(week.hits.map((h) => h.y0)).size).toBeGreaterThan(1)
    const year = frame(zooms[2][1])
    // A week is about two pixels wide: its markers merge into a few counted glyphs, one per pixel.
    expect(year.hits.length).toBeLessThanOrEqual(3)
    expect(year.hits.every((h) => h.kind === 'group')).toBe(true)
    expect(year.hits.reduce((n, h) => n + h.members!.length, 0)).toBe(20)
  })

  it('gives a lane the marker rows its view needs: four for the busiest day zoomed to days, fewer zoomed out to years', () => {
    const model = buildModel([busyWeek()], 'victim')
    const rows = markRowsAt(model, zooms[0][1], plotW)
    expect(rows[0]).toBe(4)
    expect(markRowsAt(model, zooms[2][1], plotW)[0]).toBeLessThanOrEqual(2)
    const one = layoutLanes(model.laneRows, new Set())
    const four = layoutLanes(model.laneRows, new Set(), rows)
    expect(four.lanes[0].height - one.lanes[0].height).toBe(3 * STACK_H)
    expect(four.lanes[0].rowsTop - four.lanes[0].markY).toBeGreaterThanOrEqual(3 * STACK_H + MARK_R)
  })

  it('never moves a marker along x: stacked, piled, or one group over the run', () => {
    const sameDay = placeMarkers([100, 100, 100, 300], 3)
    expect(Array.from(sameDay.row)).toEqual([0, 1, 2, 0])
    expect(sameDay.groups).toHaveLength(0)
    const close = placeMarkers([100, 104, 108, 300], 3)
    expect(close.groups).toEqual([{ members: [0, 1, 2], x: 104, x0: 100, x1: 108, row: 0 }])
    expect(close.row[3]).toBe(0)
    const piled = placeMarkers([100, 100, 100, 100, 108, 116, 116], 2)
    expect(piled.groups.map((g) => [g.x, g.members.length, g.row])).toEqual([
      [100, 4, 0],
      [116, 2, 0],
    ])
    expect(piled.row[4]).toBe(1)
    const run = placeMarkers([100, 103, 106, 109, 112], 2)
    expect(run.groups).toHaveLength(1)
    expect(run.groups[0]).toMatchObject({ x: 106, x0: 100, x1: 112 })
    expect(Array.from(run.row).every((r) => r === -1)).toBe(true)
    expect(DAY).toBe(86_400_000)
  })
})
