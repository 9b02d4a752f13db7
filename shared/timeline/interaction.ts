// Pure helpers for the timeline's input: hit testing, keyboard moves between items, and brush window <-> app filter.

import type { IncidentFilter } from '../filter'
import { partialDateRange, type PartialDate } from '../partialDate'
import { lowerBound } from './aggregate'
import type { Hit } from './drawTimeline'
import type { TickUnit } from './ticks'
import type { TimelineModel } from './timelineModel'
import { DAY } from './timeScale'

/** The item under (x, y): markers win over spans (they are drawn on top), then the nearest centre. */
export function hitAt(hits: readonly Hit[], x: number, y: number, slop = 3): Hit | null {
  let best: Hit | null = null
  let bestScore = Infinity
  for (const h of hits) {
    if (x < h.x0 - slop || x > h.x1 + slop || y < h.y0 - slop || y > h.y1 + slop) continue
    const score = (h.kind === 'span' ? 1e6 : 0) + Math.abs((h.x0 + h.x1) / 2 - x)
    if (score < bestScore) {
      best = h
      bestScore = score
    }
  }
  return best
}

/** A keyboard cursor on a span: lane and index into model.spans. */
export interface Cursor {
  lane: number
  i: number
}

function laneRange(m: TimelineModel, lane: number): [number, number] {
  return [m.spans.offset[lane], m.spans.offset[lane + 1]]
}

/** Nearest span by start time in `lane` to time `t`, or null for an empty lane. */
export function nearestInLane(m: TimelineModel, lane: number, t: number): Cursor | null {
  const [lo, hi] = laneRange(m, lane)
  if (hi <= lo) return null
  const k = lowerBound(m.spans.start, lo, hi, t)
  const cands = [k - 1, k].filter((i) => i >= lo && i < hi)
  const i = cands.reduce((a, b) => (Math.abs(m.spans.start[a] - t) <= Math.abs(m.spans.start[b] - t) ? a : b))
  return { lane, i }
}

/**
 * The cursor after a key: ArrowLeft/Right step through the lane in time order, ArrowUp/Down move
 * to the nearest span in the next lane that has any, Home/End go to the lane's first/last span.
 * With no cursor, the first span at or after `t` in the first non-empty lane.
 */
export function moveCursor(m: TimelineModel, cur: Cursor | null, key: string, t: number): Cursor | null {
  const lanes = m.lanes.length
  if (!cur) {
    for (let l = 0; l < lanes; l++) {
      const c = nearestInLane(m, l, t)
      if (c) return c
    }
    return null
  }
  const [lo, hi] = laneRange(m, cur.lane)
  switch (key) {
    case 'ArrowRight':
      return { lane: cur.lane, i: Math.min(hi - 1, cur.i + 1) }
    case 'ArrowLeft':
      return { lane: cur.lane, i: Math.max(lo, cur.i - 1) }
    case 'Home':
      return { lane: cur.lane, i: lo }
    case 'End':
      return { lane: cur.lane, i: hi - 1 }
    case 'ArrowDown':
    case 'ArrowUp': {
      const dir = key === 'ArrowDown' ? 1 : -1
      for (let l = cur.lane + dir; l >= 0 && l < lanes; l += dir) {
        const c = nearestInLane(m, l, m.spans.start[cur.i])
        if (c) return c
      }
      return cur
    }
    default:
      return cur
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

function dayOf(t: number): PartialDate {
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Rounds a time to the nearest UTC midnight. */
export function snapToDay(t: number): number {
  return Math.round(t / DAY) * DAY
}

/**
 * The app filter's window for a brushed [from, to) (UTC ms, snapped to days): whole years and
 * months are named as such ("2022-09" to "2022-09"), otherwise days, `to` inclusive.
 */
export function brushToFilter(from: number, to: number): Pick<IncidentFilter, 'from' | 'to'> {
  const a = snapToDay(Math.min(from, to))
  const b = Math.max(a + DAY, snapToDay(Math.max(from, to)))
  const da = new Date(a)
  const lastDay = b - DAY
  const dl = new Date(lastDay)
  // Name both ends at the coarsest precision that covers exactly the brushed span.
  const yearStart = Date.UTC(da.getUTCFullYear(), 0, 1) === a
  const yearEnd = Date.UTC(dl.getUTCFullYear() + 1, 0, 1) === b
  if (yearStart && yearEnd) return { from: `${da.getUTCFullYear()}`, to: `${dl.getUTCFullYear()}` }
  const monthStart = da.getUTCDate() === 1
  const monthEnd = Date.UTC(dl.getUTCFullYear(), dl.getUTCMonth() + 1, 1) === b
  if (monthStart && monthEnd) return { from: `${da.getUTCFullYear()}-${pad(da.getUTCMonth() + 1)}`, to: `${dl.getUTCFullYear()}-${pad(dl.getUTCMonth() + 1)}` }
  return { from: dayOf(a), to: dayOf(lastDay) }
}

/** The window [from, to) (UTC ms) of the app filter's dates, open ends filled from `extent`; null with no date set. */
export function filterWindow(f: Pick<IncidentFilter, 'from' | 'to'>, extent: [number, number] | null): [number, number] | null {
  if (!f.from && !f.to) return null
  const from = f.from ? partialDateRange(f.from)[0] : (extent?.[0] ?? 0)
  const to = f.to ? partialDateRange(f.to)[1] : (extent?.[1] ?? Date.now())
  return to > from ? [from, to] : null
}

/** The steps a keyboard brush moves and grows by. */
export type BrushUnit = 'year' | 'month' | 'week' | 'day'

/** The brush step for the axis now shown: the axis's own unit, days below days, years above years. */
export function brushUnitFor(unit: TickUnit): BrushUnit {
  if (unit === 'hour') return 'day'
  if (unit === 'quarter') return 'month'
  if (unit === 'decade') return 'year'
  return unit
}

/** The start (UTC ms) of the `unit` holding `t`; weeks start on Monday, as on the axis. */
export function unitStart(t: number, unit: BrushUnit): number {
  const d = new Date(t)
  const y = d.getUTCFullYear()
  switch (unit) {
    case 'year':
      return Date.UTC(y, 0, 1)
    case 'month':
      return Date.UTC(y, d.getUTCMonth(), 1)
    case 'week': {
      const day = Date.UTC(y, d.getUTCMonth(), d.getUTCDate())
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY
    }
    case 'day':
      return Date.UTC(y, d.getUTCMonth(), d.getUTCDate())
  }
}

/** `t` (a unit start) moved by `n` units. */
export function addUnits(t: number, unit: BrushUnit, n: number): number {
  const d = new Date(t)
  switch (unit) {
    case 'year':
      return Date.UTC(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate())
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate())
    case 'week':
      return t + 7 * n * DAY
    case 'day':
      return t + n * DAY
  }
}

/**
 * A keyboard brush after one key: ArrowLeft / ArrowRight move the whole window by one unit,
 * with Shift they move its end only (it never shrinks below one unit). Returns null for other keys.
 */
export function stepBrush(brush: [number, number], unit: BrushUnit, key: string, shift: boolean): [number, number] | null {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return null
  const n = key === 'ArrowLeft' ? -1 : 1
  if (shift) {
    const end = addUnits(brush[1], unit, n)
    return end > brush[0] ? [brush[0], end] : brush
  }
  return [addUnits(brush[0], unit, n), addUnits(brush[1], unit, n)]
}
