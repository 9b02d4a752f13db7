// Full-text index over incidents, actors, sources and notes (minisearch): build once, follow edits record by record.
import MiniSearch, { type Query } from 'minisearch'
import type { Actor, Incident, Note, Source } from './domain'
import type { RecordKind, Records } from './wikiLinks'

interface Doc {
  id: string
  kind: RecordKind
  title: string
  text: string
}

export interface SearchHit {
  id: string
  kind: RecordKind
  title: string
  score: number
}

type AnyRecord = { kind: 'incident'; record: Incident } | { kind: 'actor'; record: Actor } | { kind: 'source'; record: Source } | { kind: 'note'; record: Note }

function toDoc(r: AnyRecord): Doc {
  switch (r.kind) {
    case 'incident': {
      const i = r.record
      const victims = i.victims.map((v) => `${v.organisation} ${v.sector}`).join(' ')
      return { id: i.id, kind: 'incident', title: i.title, text: [i.summary, i.impact, i.tags.join(' '), victims].join('\n') }
    }
    case 'actor': {
      const a = r.record
      return { id: a.id, kind: 'actor', title: a.name, text: [a.aliases.join(' '), a.description].join('\n') }
    }
    case 'source': {
      const s = r.record
      return { id: s.id, kind: 'source', title: s.title, text: s.publisher }
    }
    case 'note': {
      const n = r.record
      return { id: n.id, kind: 'note', title: n.title, text: [n.body, n.tags.join(' ')].join('\n') }
    }
  }
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[]
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined

/** Distinct index terms of a text, as minisearch would index them. */
function termsOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const token of tokenize(text)) {
    const term = processTerm(token)
    if (term) out.add(term)
  }
  return out
}

function allDocs(records: Records): Doc[] {
  return [
    ...records.incidents.map((record) => toDoc({ kind: 'incident', record })),
    ...records.actors.map((record) => toDoc({ kind: 'actor', record })),
    ...records.sources.map((record) => toDoc({ kind: 'source', record })),
    ...records.notes.map((record) => toDoc({ kind: 'note', record })),
  ]
}

/** Edit distance of two short strings (Levenshtein), giving up above `max`. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    if (Math.min(...row) > max) return false
    prev = row
  }
  return prev[b.length] <= max
}

const fuzzyDistance = (term: string) => (term.length >= 10 ? 2 : 1)

/** A term in more documents than this share (at least COMMON_MIN) is "common": scoring all of them is what makes a query slow. */
const COMMON_SHARE = 0.05
const COMMON_MIN = 2000

export class SearchIndex {
  private readonly index = new MiniSearch<Doc>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'title'],
  })
  /** Document frequency of every term, kept in step with the index. */
  private readonly df = new Map<string, number>()
  private commonCache: { at: number; version: number; terms: string[] } | null = null
  private sortedCache: { version: number; terms: string[] } | null = null
  private version = 0
  /** Lower-cased text of each document, to check common terms without scoring them. */
  private readonly texts = new Map<string, { text: string; kind: RecordKind; title: string }>()

  private count(doc: Doc, delta: 1 | -1): void {
    this.version++
    for (const term of termsOf(`${doc.title}\n${doc.text}`)) {
      const n = (this.df.get(term) ?? 0) + delta
      if (n > 0) this.df.set(term, n)
      else this.df.delete(term)
    }
  }

  private track(doc: Doc): void {
    this.count(doc, 1)
    this.texts.set(doc.id, { text: `${doc.title}\n${doc.text}`.toLowerCase(), kind: doc.kind, title: doc.title })
  }

  private untrack(id: string): void {
    const old = this.texts.get(id)
    if (!old) return
    this.count({ id, kind: old.kind, title: '', text: old.text }, -1)
    this.texts.delete(id)
  }

  /** An index over every record of `records`. */
  static build(records: Records): SearchIndex {
    const index = new SearchIndex()
    const docs = allDocs(records)
    index.index.addAll(docs)
    for (const doc of docs) index.track(doc)
    return index
  }

  /**
   * The same index, built in slices of about `budgetMs` with `pause()` awaited between them (a page
   * passes a background task), so the page keeps drawing frames while 100k records are indexed.
   */
  static async buildAsync(records: Records, pause: () => Promise<void>, budgetMs = 8, now: () => number = Date.now): Promise<SearchIndex> {
    const index = new SearchIndex()
    let sliceStart = now()
    for (const doc of allDocs(records)) {
      index.index.add(doc)
      index.track(doc)
      if (now() - sliceStart >= budgetMs) {
        await pause()
        sliceStart = now()
      }
    }
    return index
  }

  get size(): number {
    return this.index.documentCount
  }

  /** Adds a record, or replaces the indexed version of it. */
  upsert(record: AnyRecord): void {
    const doc = toDoc(record)
    this.untrack(doc.id)
    if (this.index.has(doc.id)) this.index.replace(doc)
    else this.index.add(doc)
    this.track(doc)
  }

  /** Forgets a record; unknown ids are ignored. */
  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id)
    this.untrack(id)
  }

  /** Terms in more than COMMON_SHARE of the documents; recomputed only after the index changed. */
  private commonTerms(): string[] {
    const at = Math.max(COMMON_MIN, this.size * COMMON_SHARE)
    if (this.commonCache?.version === this.version && this.commonCache.at === at) return this.commonCache.terms
    const terms = [...this.df].filter(([, n]) => n > at).map(([t]) => t)
    this.commonCache = { at, version: this.version, terms }
    return terms
  }

  /**
   * Indexed words starting with `prefix`, shortest first (closest to what was typed), common
   * words left out, taken while together they occur in at most `budget` documents (and at least
   * one): a short prefix over a large vocabulary would otherwise score most of the index.
   */
  private expansions(prefix: string, common: readonly string[], budget = 3000): string[] {
    if (this.sortedCache?.version !== this.version) this.sortedCache = { version: this.version, terms: [...this.df.keys()].sort() }
    const terms = this.sortedCache.terms
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (terms[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    const found: string[] = []
    for (let n = lo; n < terms.length && terms[n].startsWith(prefix); n++) if (!common.includes(terms[n])) found.push(terms[n])
    found.sort((a, b) => a.length - b.length || (this.df.get(b) ?? 0) - (this.df.get(a) ?? 0))
    const chosen: string[] = []
    let docs = 0
    for (const term of found) {
      docs += this.df.get(term) ?? 0
      if (chosen.length > 0 && docs > budget) break
      chosen.push(term)
    }
    return chosen
  }

  /**
   * Best matches for `query`, at most `limit` (default 20), every word required; an empty query
   * finds nothing. The last word also matches as a prefix (from 3 letters: the user is still
   * typing it); a word no document contains is matched with one typo (two from 10 letters).
   * Common words (in over 5 % of documents) are not scored: the rarer words pick and rank the
   * documents, and common ones only filter them; a query of common words alone takes the first
   * documents containing them all.
   */
  search(query: string, limit = 20): SearchHit[] {
    const terms = tokenize(query)
      .map((t) => processTerm(t))
      .filter((t): t is string => !!t)
    if (terms.length === 0) return []
    const commonTerms = this.commonTerms()
    const last = terms[terms.length - 1]
    // A typo of a common word means that word; a last word that starts a common word would
    // expand to it as a prefix. Either way it filters instead of being scored.
    const resolved = terms.map((t) => (!this.df.has(t) && t.length >= 5 ? (commonTerms.find((c) => within(t, c, fuzzyDistance(t))) ?? t) : t))
    const common = resolved.filter((t, n) => commonTerms.includes(t) || (n === resolved.length - 1 && t === last && commonTerms.some((c) => c.startsWith(t))))
    const rare = resolved.filter((t) => !common.includes(t))
    const hasAll = (id: string) => {
      const text = this.texts.get(id)?.text ?? ''
      return common.every((t) => text.includes(t))
    }
    if (rare.length === 0) {
      const out: SearchHit[] = []
      for (const [id, doc] of this.texts) {
        if (hasAll(id)) out.push({ id, kind: doc.kind, title: doc.title, score: 0 })
        if (out.length >= limit) break
      }
      return out
    }
    const fuzzy = (term: string) => (!this.df.has(term) && term.length >= 5 ? fuzzyDistance(term) : false)
    const queries: Query[] = rare.map((term) => {
      if (term !== last || term.length < 3) return { queries: [term], fuzzy }
      // The word being typed: itself or one of its likeliest completions.
      const words = this.expansions(term, commonTerms)
      return words.length > 0 ? { queries: words, combineWith: 'OR', weights: { prefix: 0.375, fuzzy: 0.45 } } : { queries: [term], fuzzy }
    })
    const out: SearchHit[] = []
    for (const r of this.index.search({ queries, combineWith: 'AND' }, { boost: { title: 3 } })) {
      if (common.length > 0 && !hasAll(String(r.id))) continue
      out.push({ id: String(r.id), kind: r.kind as RecordKind, title: r.title as string, score: r.score })
      if (out.length >= limit) break
    }
    return out
  }
}

/**
 * Brings `index` from the records `before` to `after` by identity: records whose object is
 * unchanged are skipped, so one edit costs one replace, not a rebuild.
 */
export function syncIndex(index: SearchIndex, before: Records, after: Records): void {
  const kinds = [
    ['incidents', 'incident'],
    ['actors', 'actor'],
    ['sources', 'source'],
    ['notes', 'note'],
  ] as const
  for (const [collection, kind] of kinds) {
    const old = before[collection] as readonly { id: string }[]
    const now = after[collection] as readonly { id: string }[]
    if (old === now) continue
    const oldById = new Map(old.map((r) => [r.id, r]))
    for (const r of now) {
      if (oldById.get(r.id) !== r) index.upsert({ kind, record: r } as AnyRecord)
      oldById.delete(r.id)
    }
    for (const id of oldById.keys()) index.remove(id)
  }
}
