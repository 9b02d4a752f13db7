// The timeline's camera: the visible time window, its mapping to pixels, and zoom / pan / fit within limits.

export interface Camera {
  /** Visible window, UTC ms: [from, to). */
  from: number
  to: number
}

export const HOUR = 3_600_000
export const DAY = 24 * HOUR
export const YEAR = 365.25 * DAY
/** Narrowest window: six hours, so hour ticks still have room. */
export const MIN_SPAN = 6 * HOUR
/** Widest window: two centuries. */
export const MAX_SPAN = 200 * YEAR

/** x (px from the plot's left edge) of time `t` for a plot `width` px wide. */
export function xOf(cam: Camera, width: number, t: number): number {
  return ((t - cam.from) / (cam.to - cam.from)) * width
}

/** Time (UTC ms) at x px. */
export function timeAt(cam: Camera, width: number, x: number): number {
  return cam.from + (x / width) * (cam.to - cam.from)
}

/** Milliseconds per pixel. */
export function msPerPx(cam: Camera, width: number): number {
  return (cam.to - cam.from) / width
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping time `anchor` at the same pixel; the span stays within
 * [MIN_SPAN, MAX_SPAN].
 */
export function zoomAt(cam: Camera, factor: number, anchor: number): Camera {
  const span = cam.to - cam.from
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span / factor))
  const k = (anchor - cam.from) / span
  const from = anchor - k * next
  return { from, to: from + next }
}

/** Moves the window by `dt` ms (positive moves later). */
export function panBy(cam: Camera, dt: number): Camera {
  return { from: cam.from + dt, to: cam.to + dt }
}

/** A window showing [from, to) with `pad` of its span added on each side, within the span limits. */
export function fitWindow(from: number, to: number, pad = 0.05): Camera {
  const span = Math.max(to - from, 0)
  const padded = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * (1 + 2 * pad)))
  const mid = (from + to) / 2
  return { from: mid - padded / 2, to: mid + padded / 2 }
}

/**
 * A window showing [from, to) on a plot `width` px wide with at least `padPx` px (default 24) of
 * room on each side, so glyphs centred on the first and last dates are drawn whole.
 */
export function fitWindowPx(from: number, to: number, width: number, padPx = 24): Camera {
  const room = Math.max(1, width - 2 * padPx)
  return fitWindow(from, to, Math.max(0.05, padPx / room))
}

/** True when two cameras show the same window (to the millisecond). */
export function sameCamera(a: Camera, b: Camera): boolean {
  return Math.round(a.from) === Math.round(b.from) && Math.round(a.to) === Math.round(b.to)
}
