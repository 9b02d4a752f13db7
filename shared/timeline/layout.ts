// Vertical layout of lanes: each lane's top and height from its sub-rows and whether it is collapsed.

import { STACK_H } from './markerLayout'

/** Heights, px. */
export const AXIS_H = 40
export const LANE_HEAD_H = 18
export const MARK_ROW_H = 18
export const ROW_H = 16
export const COLLAPSED_H = 22
export const LANE_GAP = 4

export interface LaneBox {
  top: number
  height: number
  collapsed: boolean
  /** y of the first marker row's centre and of the first span row's top (expanded lanes). */
  markY: number
  /** Marker rows drawn (1 for a collapsed lane). */
  markRows: number
  rowsTop: number
}

export interface LaneLayout {
  lanes: LaneBox[]
  /** Height of all lanes stacked, px. */
  total: number
}

/**
 * Stacks lanes from y = 0 (the caller adds the axis and the scroll offset): an expanded lane has a
 * header, its marker rows (`markRows[l]`, 1 without it) and one row per packed span row; a
 * collapsed lane is one strip.
 */
export function layoutLanes(laneRows: ArrayLike<number>, collapsed: ReadonlySet<number>, markRows?: ArrayLike<number>): LaneLayout {
  const lanes: LaneBox[] = []
  let y = 0
  for (let l = 0; l < laneRows.length; l++) {
    const c = collapsed.has(l)
    const mr = c ? 1 : Math.max(1, markRows?.[l] ?? 1)
    const markH = MARK_ROW_H + (mr - 1) * STACK_H
    const height = c ? COLLAPSED_H : LANE_HEAD_H + markH + laneRows[l] * ROW_H + LANE_GAP
    lanes.push({ top: y, height, collapsed: c, markRows: mr, markY: c ? y + COLLAPSED_H / 2 : y + LANE_HEAD_H + MARK_ROW_H / 2, rowsTop: y + LANE_HEAD_H + markH })
    y += height
  }
  return { lanes, total: y }
}

/** The lane under y (px from the top of the stack), or -1. */
export function laneAt(layout: LaneLayout, y: number): number {
  let lo = 0
  let hi = layout.lanes.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const b = layout.lanes[mid]
    if (y < b.top) hi = mid - 1
    else if (y >= b.top + b.height) lo = mid + 1
    else return mid
  }
  return -1
}

/** Keeps a vertical scroll offset within [0, total - viewport]. */
export function clampScroll(scroll: number, layout: LaneLayout, viewport: number): number {
  return Math.max(0, Math.min(scroll, layout.total - viewport))
}
