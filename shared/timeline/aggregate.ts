// Windowing and aggregation over sorted typed arrays: binary search for the visible slice, counts per pixel column.

import { xOf, type Camera } from './timeScale'

/** First index in [lo, hi) whose value is >= t (values ascending). */
export function lowerBound(values: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The slice [i0, i1) of items in [lo, hi) (sorted by start) that may overlap the window
 * [from, to): items starting at or after `from - maxDur` and before `to`. Callers still skip the
 * few in the slice that end before `from`.
 */
export function visibleSlice(start: Float64Array, lo: number, hi: number, from: number, to: number, maxDur: number): [number, number] {
  return [lowerBound(start, lo, hi, from - maxDur), lowerBound(start, lo, hi, to)]
}

/**
 * A lane's spans are drawn as density above one per 40 px of plot width (at least 40 of them):
 * more overlap into an unreadable, slow-to-paint pile. Markers are small: one per 12 px, at least 60.
 */
export const AGGREGATE = { spans: { pxPerItem: 40, min: 40 }, marks: { pxPerItem: 12, min: 60 } } as const

/** True when `count` items of a kind are too many to draw one by one on a plot `width` px wide. */
export function shouldAggregate(count: number, width: number, kind: keyof typeof AGGREGATE = 'spans'): boolean {
  const a = AGGREGATE[kind]
  return count > Math.max(a.min, width / a.pxPerItem)
}

/**
 * Counts, per pixel column, the items of [i0, i1) covering it (each covers at least its start
 * column) into `counts` (length = plot width). A difference array keeps it O(items + width)
 * however wide the spans are. Returns the largest column count.
 */
export function aggregateColumns(start: Float64Array, end: Float64Array, i0: number, i1: number, cam: Camera, counts: Float32Array): number {
  const width = counts.length
  counts.fill(0)
  const k = width / (cam.to - cam.from)
  for (let i = i0; i < i1; i++) {
    const e = end[i]
    if (e <= cam.from) continue
    let c0 = Math.floor((start[i] - cam.from) * k)
    let c1 = Math.ceil((e - cam.from) * k)
    if (c0 < 0) c0 = 0
    if (c0 >= width) continue
    if (c1 > width) c1 = width
    if (c1 <= c0) c1 = c0 + 1
    counts[c0]++
    if (c1 < width) counts[c1]--
  }
  let run = 0
  let max = 0
  for (let c = 0; c < width; c++) {
    run += counts[c]
    counts[c] = run
    if (run > max) max = run
  }
  return max
}

/** How many items of the slice [i0, i1) end after `from` (the slice's margin holds some that do not). */
export function countVisible(end: Float64Array, i0: number, i1: number, from: number): number {
  let n = 0
  for (let i = i0; i < i1; i++) if (end[i] > from) n++
  return n
}

/** Density of item starts over [from, to) in `bins` equal bins (the overview strip). */
export function densityBins(start: Float64Array, from: number, to: number, bins: number): Float32Array {
  const out = new Float32Array(bins)
  const k = bins / (to - from)
  for (let i = 0; i < start.length; i++) {
    const b = Math.floor((start[i] - from) * k)
    if (b >= 0 && b < bins) out[b]++
  }
  return out
}

/** Pixel extent [x0, x1) of an item, at least `minPx` wide, centred on its span when widened. */
export function itemExtent(cam: Camera, width: number, s: number, e: number, minPx: number): [number, number] {
  const x0 = xOf(cam, width, s)
  const x1 = xOf(cam, width, e)
  if (x1 - x0 >= minPx) return [x0, x1]
  const mid = (x0 + x1) / 2
  return [mid - minPx / 2, mid + minPx / 2]
}
