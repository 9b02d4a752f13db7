// The article's source guessed from its text: title, publisher, publication date and dateline, and the name the source goes by when it has no headline.
import * as chrono from 'chrono-node'
import type { GuessedSource } from '../../../shared/intake'
import { formatPartialDate, parsePartialDate } from '../../../shared/partialDate'
import { dayString } from './dates'

const DATELINE = /^([A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}?)(?:,\s*([A-Z][A-Za-z .]{1,40}?))?(?:,\s*([A-Z][a-z]{2,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,9} \d{4}))?\s*(?:\(([^)]{2,40})\))?\s*[—–-]{1,2}\s/m

/** Title, publisher, date and address guessed from the text (and what the page's own metadata says, when given). */
export function guessSource(text: string, hints: Partial<GuessedSource> = {}, now = new Date()): GuessedSource & { dateline?: string } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  let published = hints.published ? (parsePartialDate(hints.published.slice(0, 10)) ?? undefined) : undefined
  let publisher = hints.publisher ?? ''
  let dateline: string | undefined
  const head = lines.slice(0, 6).join('\n')
  const dl = DATELINE.exec(head)
  if (dl) {
    dateline = dl[1].trim()
    if (!published && dl[3]) published = parsePartialDate(dl[3].replace('.', '')) ?? undefined
    if (!publisher && dl[4] && /^[A-Z][\w .&-]+$/.test(dl[4])) publisher = dl[4]
  }
  if (!published) {
    for (const line of lines.slice(0, 4)) {
      const r = chrono.parse(line, now).find((x) => x.start.isCertain('year') && x.start.isCertain('month') && x.start.isCertain('day'))
      if (r) {
        published = dayString(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!)
        break
      }
    }
  }
  if (!publisher) {
    const follow = /\bFollow ([A-Z][\w&]*(?: [A-Z][\w&]*){0,4}) for more\b/.exec(text)
    if (follow) publisher = follow[1]
  }
  let title = hints.title ?? ''
  if (!title) {
    const md = /^#\s+(.+)$/m.exec(text)
    const first = lines.find((l) => l.length <= 200 && !/[.:]$/.test(l) && !/^\W*$/.test(l) && !(dl && l.startsWith(dl[0].trim())) && !/^\w{3}\s*\|/.test(l) && !(chrono.parse(l, now).length > 0 && l.length < 40))
    title = md ? md[1].trim() : (first ?? '')
    if (title && lines.indexOf(title) > 3) title = ''
  }
  return { title, publisher, published, url: hints.url ?? '', dateline }
}

/** The source as a draft names it: without a headline, by who published it and when, never after the draft. */
export function namedSource(source: GuessedSource): GuessedSource {
  return { title: source.title || [source.publisher || 'Article', source.published ? formatPartialDate(source.published, 'long') : ''].filter(Boolean).join(', '), publisher: source.publisher, published: source.published, url: source.url }
}
