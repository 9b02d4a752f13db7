// Partial dates: a year, a year-month or a full day, stored as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
// so the precision is kept ("July 2022" is not "2022-07-01") and strings sort chronologically.

export type Precision = 'year' | 'month' | 'day'
export type PartialDate = string

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** True when `value` is a canonical partial date with a real month and day. */
export function isPartialDate(value: string): boolean {
  const m = SHAPE.exec(value)
  if (!m) return false
  const year = Number(m[1])
  if (year < 1900 || year > 2200) return false
  if (m[2] === undefined) return true
  const month = Number(m[2])
  if (month < 1 || month > 12) return false
  if (m[3] === undefined) return true
  const day = Number(m[3])
  return day >= 1 && day <= daysInMonth(year, month)
}

/** Precision of a canonical partial date. */
export function precisionOf(date: PartialDate): Precision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day'
}

/**
 * Reads what an analyst types: `2022`, `2022-07`, `2022-07-15`, `July 2022`, `Jul 2022`,
 * `15 July 2022`, `July 15, 2022`, `7/2022`. Returns the canonical form, or null when unreadable.
 */
export function parsePartialDate(input: string): PartialDate | null {
  const text = input.trim().replace(/\s+/g, ' ')
  if (text === '') return null
  if (SHAPE.test(text)) return isPartialDate(text) ? text : null
  const pad = (n: number) => String(n).padStart(2, '0')
  const monthIndex = (word: string) => {
    const w = word.toLowerCase().replace(/\.$/, '')
    if (w.length < 3) return -1
    return MONTHS.findIndex((name) => name.toLowerCase().startsWith(w))
  }
  const build = (year: number, month?: number, day?: number) => {
    const candidate = month === undefined ? `${year}` : day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`
    return isPartialDate(candidate) ? candidate : null
  }
  let m = /^([A-Za-z]+\.?) (\d{4})$/.exec(text)
  if (m) {
    const mi = monthIndex(m[1])
    return mi < 0 ? null : build(Number(m[2]), mi + 1)
  }
  m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(text)
  if (m) {
    const mi = monthIndex(m[2])
    return mi < 0 ? null : build(Number(m[3]), mi + 1, Number(m[1]))
  }
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(text)
  if (m) {
    const mi = monthIndex(m[1])
    return mi < 0 ? null : build(Number(m[3]), mi + 1, Number(m[2]))
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(text)
  if (m) return build(Number(m[2]), Number(m[1]))
  return null
}

const localeFormats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per locale, precision and style (building them is slow, and lists format thousands of dates). */
function localeFormat(locale: string, precision: 'month' | 'day', style: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}|${style}`
  let f = localeFormats.get(key)
  if (!f) {
    const month = style === 'long' ? 'long' : 'short'
    f = new Intl.DateTimeFormat(locale, precision === 'day' ? { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month, timeZone: 'UTC' })
    localeFormats.set(key, f)
  }
  return f
}

/**
 * Human form at the date's own precision: `2022`, `Jul 2022`, `15 Jul 2022` (or full month names with
 * `long`). With a `locale` (a BCP 47 tag such as `en-US` or `de-DE`) the month and day are written as
 * that locale writes them (`Jul 15, 2022`, `15. Juli 2022`) and the precision is kept: a month stays a
 * month and a year. Without one, the fixed English form above (briefings and the CLI use it).
 */
export function formatPartialDate(date: PartialDate | undefined | null, style: 'short' | 'long' = 'short', locale?: string): string {
  if (!date || !isPartialDate(date)) return ''
  const [y, m, d] = date.split('-')
  if (m === undefined) return y
  if (locale) return localeFormat(locale, d === undefined ? 'month' : 'day', style).format(partialDateRange(date)[0])
  const name = MONTHS[Number(m) - 1]
  const month = style === 'long' ? name : name.slice(0, 3)
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`
}

/**
 * The span a partial date covers, as UTC milliseconds: `[start, end)`.
 * `2022-07` covers 1 July 2022 00:00 up to 1 August 2022 00:00.
 */
export function partialDateRange(date: PartialDate): [number, number] {
  const [y, m, d] = date.split('-').map(Number)
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)]
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)]
  return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)]
}

/**
 * Chronological order: by start of the covered span, then the coarser date first
 * (`2022` < `2022-07` < `2022-07-01`). Missing dates sort last.
 */
export function comparePartialDates(a: PartialDate | undefined, b: PartialDate | undefined): number {
  if (!a) return b ? 1 : 0
  if (!b) return -1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * True when the span from `date` (to `end`, when given) overlaps `[from, to)` (UTC ms; either
 * bound may be open).
 */
export function overlapsWindow(date: PartialDate, from?: number, to?: number, end?: PartialDate): boolean {
  const s = partialDateRange(date)[0]
  const e = partialDateRange(end ?? date)[1]
  return (from === undefined || e > from) && (to === undefined || s < to)
}
