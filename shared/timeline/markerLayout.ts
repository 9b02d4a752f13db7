// Where markers go across a lane: each at its own date's x, colliding ones stacked in rows or merged into one counted glyph; never moved along time.

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
 * Every marker keeps its x. Markers closer than a glyph's width form a run; a run is stacked
 * across rows when it fits, else markers on the same pixel (±`pile` px) merge into a counted
 * glyph and the run is stacked again, else the whole run becomes one counted glyph over its range.
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
    const x0 = xs[run[0]]
    const x1 = xs[run[run.length - 1]]
    place([{ x: (x0 + x1) / 2, x0, x1, members: run }], [0])
  }
  return { row, group, groups, rows: used }
}

/**
 * Marker rows a lane needs so that markers on the same day never merge when zoomed to days: the
 * most markers sharing one UTC day (`dayOf` gives a marker's day number), at most MAX_MARK_ROWS.
 */
export function rowsForSameDay(days: ArrayLike<number>): number {
  const count = new Map<number, number>()
  let most = days.length > 0 ? 1 : 0
  for (let i = 0; i < days.length; i++) {
    const c = (count.get(days[i]) ?? 0) + 1
    count.set(days[i], c)
    if (c > most) most = c
  }
  return Math.max(1, Math.min(MAX_MARK_ROWS, most))
}
