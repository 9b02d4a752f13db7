// Existing incidents of the workspace an article's draft is likely about, scored 0–1.
import type { Incident } from '../../../shared/domain'
import { likelyDuplicates, titleSimilarity } from '../../../shared/duplicates'
import type { IntakeDraft } from '../../../shared/intake'

/**
 * Existing incidents the article is likely about: a shared victim is required; overlapping dates
 * (shared/duplicates.ts), a shared sponsor or actor and a similar title each add to the score (0–1).
 */
export function likelyMatches(draft: IntakeDraft['draft'], incidents: readonly Incident[]): IntakeDraft['matches'] {
  const victimSet = new Set(draft.victims.map((v) => v.country))
  const out: IntakeDraft['matches'] = []
  for (const e of incidents) {
    if (!e.victims.some((v) => victimSet.has(v.country))) continue
    const overlap = draft.start !== undefined && likelyDuplicates({ title: draft.title, victims: draft.victims.map((v) => ({ country: v.country, sector: v.sector ?? '', organisation: v.organisation ?? '' })), start: draft.start, end: undefined }, [e], 0).length > 0
    const shared = e.sponsorCountries.some((c) => draft.sponsorCountries.includes(c)) || e.actorIds.some((a) => draft.actorIds.includes(a))
    const score = Math.round((0.4 + (overlap ? 0.3 : 0) + (shared ? 0.2 : 0) + 0.1 * titleSimilarity(draft.title, e.title)) * 100) / 100
    if (score >= 0.6) out.push({ id: e.id, title: e.title, score })
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 5)
}
