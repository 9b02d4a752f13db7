// Dates in an article: those a sentence writes, at the precision written, resolved against the article's own date.
import * as chrono from 'chrono-node'
import { parsePartialDate } from '../../../shared/partialDate'
import { LEADING_DATELINE } from './cues'

const NOT_A_DATE = /\b(hours?|minutes?|seconds?|weeks?|ago|now|tonight|tomorrow|noon|midnight|am|pm)\b|^\d{1,2}:\d{2}/i
const FUTURE = /\b(will|next|plans? to|is to|are to|going to)\b/i

/** A date written in a sentence (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and where it starts there. */
export interface FoundDate {
  date: string
  index: number
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function dayString(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

/** Dates in a sentence, resolved against the article's date, at the precision written ("in July" → month, "on Friday" → day). Undated weekdays and months fall before the article unless the sentence speaks of the future. */
export function datesIn(sentence: string, ref: Date): FoundDate[] {
  const out: FoundDate[] = []
  const future = FUTURE.test(sentence)
  for (const r of chrono.parse(sentence, ref)) {
    if (NOT_A_DATE.test(r.text)) continue
    const s = r.start
    const certainYear = s.isCertain('year')
    const certainMonth = s.isCertain('month')
    const certainDay = s.isCertain('day')
    const weekday = s.isCertain('weekday') && !certainDay
    if (!certainYear && !certainMonth && !certainDay && !weekday) continue
    let y = s.get('year')!
    let mo = s.get('month')!
    let d = s.get('day')!
    const refDay = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate())
    if (weekday) {
      let t = Date.UTC(y, mo - 1, d)
      if (!future && t > refDay) t -= 7 * 86400000
      if (future && t < refDay) t += 7 * 86400000
      const dt = new Date(t)
      ;[y, mo, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()]
    } else if (!certainYear && !future && Date.UTC(y, mo - 1, certainDay ? d : 1) > refDay) y -= 1
    const date = certainDay || weekday ? dayString(y, mo, d) : certainMonth ? `${y}-${pad(mo)}` : `${y}`
    if (parsePartialDate(date) && y >= 1990 && y <= ref.getUTCFullYear() + 1) out.push({ date, index: r.index })
  }
  return out
}

/** What undated words in the article are read against: noon on its publication date (the 15th of a month, 1 July of a year, when it is only that precise), else `now`. */
export function referenceDate(published: string | undefined, now: Date): Date {
  if (!published) return now
  return new Date(`${published.length === 10 ? published : published.length === 7 ? `${published}-15` : `${published}-07-01`}T12:00:00Z`)
}

/** The dates each sentence writes, worked out once a sentence, without a leading dateline's: that is when the article was written, not when anything in the sentence happened. */
export function sentenceDates(ref: Date): (s: { text: string }) => FoundDate[] {
  const datesOf = new Map<{ text: string }, FoundDate[]>()
  return (s) => {
    let d = datesOf.get(s)
    if (!d) {
      const skip = LEADING_DATELINE.exec(s.text)?.[0].length ?? 0
      datesOf.set(s, (d = datesIn(s.text, ref).filter((x) => x.index >= skip)))
    }
    return d
  }
}

/** The date written closest to `index` (the first of equals); undefined when there is none. */
export function closestDate(dates: readonly FoundDate[], index: number): string | undefined {
  let best: FoundDate | undefined
  for (const d of dates) if (!best || Math.abs(d.index - index) < Math.abs(best.index - index)) best = d
  return best?.date
}
