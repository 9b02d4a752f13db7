// Full-text index over incidents, actors, sources and notes (minisearch): build once, follow edits record by record.
import MiniSearch, { type SearchOptions } from 'minisearch'
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

/**
 * Prefix matching from 2 characters, fuzzy (edit distance ≤ 20 % of the term) from 4: short
 * fuzzy terms match nearly everything and cost the most over a large vocabulary.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3 },
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  combineWith: 'AND',
}

export class SearchIndex {
  private readonly index = new MiniSearch<Doc>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'title'],
    searchOptions: SEARCH_OPTIONS,
  })

  /** An index over every record of `records`. */
  static build(records: Records): SearchIndex {
    const index = new SearchIndex()
    const docs: Doc[] = [
      ...records.incidents.map((record) => toDoc({ kind: 'incident', record })),
      ...records.actors.map((record) => toDoc({ kind: 'actor', record })),
      ...records.sources.map((record) => toDoc({ kind: 'source', record })),
      ...records.notes.map((record) => toDoc({ kind: 'note', record })),
    ]
    index.index.addAll(docs)
    return index
  }

  get size(): number {
    return this.index.documentCount
  }

  /** Adds a record, or replaces the indexed version of it. */
  upsert(record: AnyRecord): void {
    const doc = toDoc(record)
    if (this.index.has(doc.id)) this.index.replace(doc)
    else this.index.add(doc)
  }

  /** Forgets a record; unknown ids are ignored. */
  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id)
  }

  /** Best matches for `query`, at most `limit` (default 20); an empty query finds nothing. */
  search(query: string, limit = 20): SearchHit[] {
    if (query.trim() === '') return []
    return this.index
      .search(query)
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), kind: r.kind as RecordKind, title: r.title as string, score: r.score }))
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
