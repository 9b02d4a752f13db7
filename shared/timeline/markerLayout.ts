// Where markers go across a lane: each at its own date's x, colliding ones stacked in rows or merged into one counted glyph; never moved along time.

import { countVisible, shouldAggregate, visibleSlice } from './aggregate'
import type { TimelineModel } from './timelineModel'
import { DAY, xOf, type Camera } from './timeScale'

/** Marker radius, px, and the least gap between two markers in one row. */
export const MARK_R = 5
export const MARK_GAP = 2
/** Vertical distance between stacked marker rows, px. */
export const STACK_H = 12
/** At most this many marker rows per lane. */
export const MAX_MARK_ROWS = 5

/** Markers at one x drawn as a single glyph with their count. */
export interface MarkGroup {
  /** Indices (into the input) of the members, in x order. */
  members: number[]
  /** Where the glyph sits: the middle of its members' x range. */
  x: number
  /** The members' x range, px. */
  x0: number
  x1: number
  row: number
}

export interface MarkPlacement {
  /** Row of each input marker, or -1 when it is drawn as part of a group. */
  row: Int16Array
  /** Group of each input marker, or -1. */
  group: Int32Array
  groups: MarkGroup[]
  /** Rows used (at least 1 when anything is placed). */
  rows: number
}

const SLOT = 2 * MARK_R + MARK_GAP

/** One thing to place in a row: a lone marker, or a pile of markers on the same pixel. */
interface Piece {
  x: number
  x0: number
  x1: number
  members: number[]
}

/** Greedy first-fit of pieces (x order) into at most `rows` rows; null when they do not fit. */
function fitRows(pieces: Piece[], rows: number): number[] | null {
  const rowEnd: number[] = []
  const out: number[] = []
  for (const p of pieces) {
    let r = rowEnd.findIndex((e) => p.x - e >= SLOT)
    if (r < 0) {
      if (rowEnd.length >= rows) return null
      r = rowEnd.push(-Infinity) - 1
    }
    rowEnd[r] = p.x
    out.push(r)
  }
  return out
}

/**
 * Places markers whose centres are at `xs` (px, any order) in a lane with `rows` marker rows.
 * Every marker keeps its x. Markers closer than a glyph's width form a run. A run narrower than a
 * glyph but of more than one pixel (±`pile` px) becomes one counted glyph (a zoom separates it);
 * otherwise it is stacked across rows when it fits (markers on one pixel — one day zoomed to days
 * — can only be stacked), else markers on the same pixel merge into counted glyphs and the run is
 * stacked again, else the whole run becomes one counted glyph over its range.
 */
export function placeMarkers(xs: ArrayLike<number>, rows: number, pile = 1): MarkPlacement {
  const n = xs.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a] - xs[b])
  const row = new Int16Array(n).fill(-1)
  const group = new Int32Array(n).fill(-1)
  const groups: MarkGroup[] = []
  let used = n > 0 ? 1 : 0
  const maxRows = Math.max(1, rows)
  const place = (pieces: Piece[], at: number[]) => {
    pieces.forEach((p, k) => {
      used = Math.max(used, at[k] + 1)
      if (p.members.length === 1) row[p.members[0]] = at[k]
      else {
        for (const m of p.members) group[m] = groups.length
        groups.push({ members: p.members, x: p.x, x0: p.x0, x1: p.x1, row: at[k] })
      }
    })
  }
  let k = 0
  while (k < n) {
    let end = k + 1
    while (end < n && xs[order[end]] - xs[order[end - 1]] < SLOT) end++
    const run = order.slice(k, end)
    k = end
    const x0 = xs[run[0]]
    const x1 = xs[run[run.length - 1]]
    // Distinct dates under one glyph's width: stacking them would show nothing a zoom will not, so they are counted.
    if (x1 - x0 > pile && x1 - x0 < SLOT) {
      place([{ x: (x0 + x1) / 2, x0, x1, members: run }], [0])
      continue
    }
    const single: Piece[] = run.map((i) => ({ x: xs[i], x0: xs[i], x1: xs[i], members: [i] }))
    const a = fitRows(single, maxRows)
    if (a) {
      place(single, a)
      continue
    }
    const piles: Piece[] = []
    for (const i of run) {
      const last = piles[piles.length - 1]
      if (last && xs[i] - last.x0 <= pile) {
        last.members.push(i)
        last.x1 = xs[i]
        last.x = (last.x0 + last.x1) / 2
      } else piles.push({ x: xs[i], x0: xs[i], x1: xs[i], members: [i] })
    }
    const b = fitRows(piles, maxRows)
    if (b) {
      place(piles, b)
      continue
    }
    place([{ x: (x0 + x1) / 2, x0, x1, members: run }], [0])
  }
  return { row, group, groups, rows: used }
}

/**
 * How many rows markers may stack into at this zoom: MAX_MARK_ROWS once a day is a glyph wide
 * (markers of one day can only be told apart by stacking), else 2, so zoomed-out lanes stay low
 * and busier places are counted.
 */
export function stackLimit(cam: Camera, width: number): number {
  return (DAY * width) / (cam.to - cam.from) >= SLOT ? MAX_MARK_ROWS : 2
}

/**
 * Marker rows each lane needs to show the markers in view at camera `cam` on a plot `width` px
 * wide (1 for a lane whose markers are drawn as density, or have no collisions), at most
 * MAX_MARK_ROWS. Lanes grow as a zoom separates a pile into a stack, and shrink back.
 */
export function markRowsAt(model: TimelineModel, cam: Camera, width: number): Int32Array {
  const { marks } = model
  const out = new Int32Array(model.lanes.length).fill(1)
  const xs: number[] = []
  const limit = stackLimit(cam, width)
  for (let l = 0; l < model.lanes.length; l++) {
    const [m0, m1] = visibleSlice(marks.start, marks.offset[l], marks.offset[l + 1], cam.from, cam.to, marks.maxDur[l])
    if (m1 - m0 < 2 || shouldAggregate(countVisible(marks.end, m0, m1, cam.from), width, 'marks')) continue
    xs.length = 0
    for (let i = m0; i < m1; i++) if (marks.end[i] > cam.from) xs.push((xOf(cam, width, marks.start[i]) + xOf(cam, width, marks.end[i])) / 2)
    out[l] = Math.max(1, placeMarkers(xs, limit).rows)
  }
  return out
}
