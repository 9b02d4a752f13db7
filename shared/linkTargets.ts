// Which records a typed `[[query` most likely means: title words matched as typed, then the weight of evidence on the record, then the newest; used by note link completion and relinking.
import type { RecordKind, RecordRef } from './wikiLinks'

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** Incidents are what notes link to most; then actors, sources, notes. */
const KIND_ORDER: Record<RecordKind, number> = { incident: 0, actor: 1, source: 2, note: 3 }

/**
 * How well `title` answers `query` (0 when no query word starts a title word): the share of query
 * words that start a title word, plus 0.5 when the query's words follow one another in the title
 * and 0.25 more when the title starts with them.
 */
export function titleMatch(query: string, title: string): number {
  const q = words(query)
  const t = words(title)
  if (q.length === 0 || t.length === 0) return 0
  const matched = q.filter((w) => t.some((x) => x.startsWith(w))).length
  if (matched === 0) return 0
  let score = matched / q.length
  for (let at = 0; at + q.length <= t.length; at++) {
    // Every word but the last must be whole; the last may be half typed.
    if (q.every((w, n) => (n === q.length - 1 ? t[at + n].startsWith(w) : t[at + n] === w))) {
      score += at === 0 ? 0.75 : 0.5
      break
    }
  }
  return score
}

/**
 * `candidates` ordered for the query: best title match first; at an equal match, the record with
 * more evidence on it (`weight`), then incidents before actors, sources and notes, then the newest
 * date. Candidates whose title does not match at all (found by a full-text search, say) keep their
 * given order after the rest. At most `limit` (default 30).
 */
export function rankLinkTargets(query: string, candidates: Iterable<RecordRef>, limit = 30): RecordRef[] {
  const scored = [...candidates].map((ref, n) => ({ ref, n, score: titleMatch(query, ref.title) }))
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.score === 0 ? a.n - b.n : 0) ||
        Math.round(Math.log1p(b.ref.weight ?? 0) * 4) - Math.round(Math.log1p(a.ref.weight ?? 0) * 4) ||
        KIND_ORDER[a.ref.kind] - KIND_ORDER[b.ref.kind] ||
        (b.ref.date ?? '').localeCompare(a.ref.date ?? '') ||
        a.n - b.n,
    )
    .slice(0, limit)
    .map((x) => x.ref)
}

/**
 * Link targets for a typed query among `refs`: the hits of a full-text `search` when one is given
 * (and the query has two characters or more), else every record whose title matches; ranked by
 * `rankLinkTargets`.
 */
export function findLinkTargets(query: string, refs: ReadonlyMap<string, RecordRef>, search?: (query: string, limit: number) => readonly { id: string }[], limit = 30): RecordRef[] {
  if (!query.trim()) return []
  const candidates =
    search && query.trim().length >= 2
      ? search(query, limit * 3)
          .map((h) => refs.get(h.id))
          .filter((r): r is RecordRef => !!r)
      : [...refs.values()].filter((r) => titleMatch(query, r.title) > 0)
  return rankLinkTargets(query, candidates, limit)
}
