// Dates and times as the user writes them: the desktop app's system regional format, else the browser's own languages.
import { formatPartialDate, type PartialDate } from '../shared/partialDate'
import { bridge } from './api'

/** The first of the host's locale and the browser's languages that Intl can format with; en-GB when none can. */
function chooseLocale(): string {
  const wanted = [bridge.locale, ...(navigator.languages ?? []), navigator.language].filter((l): l is string => !!l)
  for (const tag of wanted) {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) return tag
    } catch {
      // Not a well-formed language tag: try the next one.
    }
  }
  return 'en-GB'
}

/** The locale every date and time in the UI is written in. */
export const LOCALE = chooseLocale()

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' })

/** A partial date at its own precision, in the user's locale: "Jul 2022", "15 Jul 2022" / "Jul 15, 2022". */
export function formatDate(date: PartialDate | undefined | null, style: 'short' | 'long' = 'short'): string {
  return formatPartialDate(date, style, LOCALE)
}

/** A moment (ISO 8601) as a date and time in the user's locale: "29 Nov 2026, 13:55" / "Nov 29, 2026, 1:55 PM". */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : dateTime.format(t)
}

/** A count in the user's locale ("12,345", "12.345"). */
export function formatCount(n: number): string {
  return n.toLocaleString(LOCALE)
}
