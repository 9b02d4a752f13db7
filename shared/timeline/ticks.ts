// Axis tick choice: the unit and step that suit the zoom level, the tick times (UTC) and their labels.

import { DAY, HOUR, type Camera } from './timeScale'

export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade'

interface Level {
  unit: TickUnit
  /** Step in the unit's own count (hours, days, months, years). */
  step: number
  /** Approximate length of one step, ms, to pick the level. */
  approx: number
}

const MONTH = 30.44 * DAY
const YEAR = 365.25 * DAY
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const LEVELS: Level[] = [
  { unit: 'hour', step: 1, approx: HOUR },
  { unit: 'hour', step: 3, approx: 3 * HOUR },
  { unit: 'hour', step: 6, approx: 6 * HOUR },
  { unit: 'hour', step: 12, approx: 12 * HOUR },
  { unit: 'day', step: 1, approx: DAY },
  { unit: 'day', step: 2, approx: 2 * DAY },
  { unit: 'week', step: 7, approx: 7 * DAY },
  { unit: 'month', step: 1, approx: MONTH },
  { unit: 'quarter', step: 3, approx: 3 * MONTH },
  { unit: 'year', step: 1, approx: YEAR },
  { unit: 'year', step: 2, approx: 2 * YEAR },
  { unit: 'year', step: 5, approx: 5 * YEAR },
  { unit: 'decade', step: 10, approx: 10 * YEAR },
  { unit: 'decade', step: 20, approx: 20 * YEAR },
  { unit: 'decade', step: 50, approx: 50 * YEAR },
]

export interface Ticks {
  unit: TickUnit
  step: number
  /** Minor ticks (UTC ms) with their labels. */
  minor: { t: number; label: string }[]
  /** Major ticks: the next coarser unit, labelled in full ("Sep 2022", "2022", "2020s"). */
  major: { t: number; label: string }[]
}

/** Floors `t` to the start of a step of `level` (UTC). */
function floorTo(t: number, level: Level): number {
  const d = new Date(t)
  const y = d.getUTCFullYear()
  switch (level.unit) {
    case 'hour':
      return Date.UTC(y, d.getUTCMonth(), d.getUTCDate(), Math.floor(d.getUTCHours() / level.step) * level.step)
    case 'day':
      return Date.UTC(y, d.getUTCMonth(), d.getUTCDate())
    case 'week': {
      // Weeks start on Monday (ISO).
      const day = Date.UTC(y, d.getUTCMonth(), d.getUTCDate())
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY
    }
    case 'month':
    case 'quarter':
      return Date.UTC(y, Math.floor(d.getUTCMonth() / level.step) * level.step, 1)
    case 'year':
    case 'decade':
      return Date.UTC(Math.floor(y / level.step) * level.step, 0, 1)
  }
}

function next(t: number, level: Level): number {
  const d = new Date(t)
  switch (level.unit) {
    case 'hour':
      return t + level.step * HOUR
    case 'day':
    case 'week':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + level.step)
    case 'month':
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + level.step, 1)
    case 'year':
    case 'decade':
      return Date.UTC(d.getUTCFullYear() + level.step, 0, 1)
  }
}

const formats = new Map<string, Intl.DateTimeFormat>()

/** `t` written by Intl in `locale` with `parts` (UTC), one formatter per locale and parts. */
function intl(locale: string, t: number, parts: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${JSON.stringify(parts)}`
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' })))
  return f.format(t)
}

/** A minor tick's label, in `locale` when given (month names, day-month order, 12 or 24 hours), else fixed English. */
function minorLabel(t: number, level: Level, locale?: string): string {
  const d = new Date(t)
  if (locale) {
    if (level.unit === 'hour') return intl(locale, t, { hour: '2-digit', minute: '2-digit' })
    if (level.unit === 'week') return intl(locale, t, { day: 'numeric', month: 'short' })
    if (level.unit === 'month') return intl(locale, t, { month: 'short' })
  }
  switch (level.unit) {
    case 'hour':
      return `${String(d.getUTCHours()).padStart(2, '0')}:00`
    case 'day':
      return String(d.getUTCDate())
    case 'week':
      return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`
    case 'month':
      return MONTHS[d.getUTCMonth()]
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1}`
    case 'year':
    case 'decade':
      return String(d.getUTCFullYear())
  }
}

/** The coarser unit whose boundaries carry the full label for a minor level. */
function majorOf(level: Level): Level | null {
  switch (level.unit) {
    case 'hour':
      return { unit: 'day', step: 1, approx: DAY }
    case 'day':
    case 'week':
      return { unit: 'month', step: 1, approx: MONTH }
    case 'month':
    case 'quarter':
      return { unit: 'year', step: 1, approx: YEAR }
    case 'year':
      return level.step < 5 ? { unit: 'decade', step: 10, approx: 10 * YEAR } : null
    case 'decade':
      return null
  }
}

function majorLabel(t: number, level: Level, locale?: string): string {
  const d = new Date(t)
  if (locale && level.unit === 'day') return intl(locale, t, { day: 'numeric', month: 'short', year: 'numeric' })
  if (locale && level.unit === 'month') return intl(locale, t, { month: 'short', year: 'numeric' })
  switch (level.unit) {
    case 'day':
      return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    case 'decade':
      return `${d.getUTCFullYear()}s`
    default:
      return String(d.getUTCFullYear())
  }
}

function stepsIn(from: number, to: number, level: Level, limit: number): number[] {
  const out: number[] = []
  for (let t = floorTo(from, level); t < to && out.length < limit; t = next(t, level)) out.push(t)
  return out
}

/**
 * Ticks for the window `cam` on a plot `width` px wide: the finest level whose steps are at
 * least `minPx` apart (default 64 px). At most 400 ticks are produced. Labels are written in
 * `locale` (a BCP 47 tag) when given, else in fixed English ("Sep", "7 Sep 2022").
 */
export function chooseTicks(cam: Camera, width: number, minPx = 64, locale?: string): Ticks {
  const perPx = (cam.to - cam.from) / Math.max(width, 1)
  const level = LEVELS.find((l) => l.approx / perPx >= minPx) ?? LEVELS[LEVELS.length - 1]
  const minor = stepsIn(cam.from, cam.to, level, 400).map((t) => ({ t, label: minorLabel(t, level, locale) }))
  const m = majorOf(level)
  // The first major tick is at or before the left edge, so the axis can always name the context.
  const major = m ? stepsIn(cam.from, cam.to, m, 400).map((t) => ({ t, label: majorLabel(t, m, locale) })) : []
  return { unit: level.unit, step: level.step, minor, major }
}
