// Likely duplicates of an incident: the same victim, overlapping dates at their precision, and a similar title. Used when importing (and by any form that creates incidents).
import type { Incident } from './domain'
import { partialDateRange } from './partialDate'

const STOP = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'against', 'and', 'by', 'to', 'for', 'at', 'attack', 'cyberattack', 'cyber', 'incident'])

/** Lower-cased words of a title without accents and filler, each cut to its first five letters so "Albanian" meets "Albania". */
function words(title: string): Set<string> {
  return new Set(
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  )
}

/** Share of the words of the shorter title found in the other (0–1). */
export function titleSimilarity(a: string, b: string): number {
  const wa = words(a)
  const wb = words(b)
  if (wa.size === 0 || wb.size === 0) return 0
  let common = 0
  for (const w of wa) if (wb.has(w)) common++
  return common / Math.min(wa.size, wb.size)
}

type Comparable = Pick<Incident, 'title' | 'victims' | 'start' | 'end'>

/** True when the two incidents' spans overlap, each date taken at its precision (July 2022 covers the whole month). */
function datesOverlap(a: Comparable, b: Comparable): boolean {
  if (!a.start || !b.start) return false
  const [a0] = partialDateRange(a.start)
  const a1 = partialDateRange(a.end ?? a.start)[1]
  const [b0] = partialDateRange(b.start)
  const b1 = partialDateRange(b.end ?? b.start)[1]
  return a0 <= b1 && b0 <= a1
}

/** Incidents of `existing` that `candidate` likely duplicates, most similar title first. */
export function likelyDuplicates<T extends Comparable & { id: string }>(candidate: Comparable & { id?: string }, existing: readonly T[], threshold = 0.5): T[] {
  const victims = new Set(candidate.victims.map((v) => v.country))
  return existing
    .filter((e) => e.id !== candidate.id && e.victims.some((v) => victims.has(v.country)) && datesOverlap(candidate, e))
    .map((e) => ({ e, score: titleSimilarity(candidate.title, e.title) }))
    .filter((x) => x.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.e)
}
