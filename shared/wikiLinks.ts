// Wiki links in note text (`[[record-id]]`): parsing, the record they name, backlinks and dated-note annotations.
import type { Actor, Incident, Note, Source } from './domain'
import { isPartialDate } from './partialDate'

/** `[[id]]` or `[[id|label]]`; the label is what the author typed, the id is what counts. */
export const WIKI_LINK = /\[\[([^[\]|\n]{1,100})(?:\|([^[\]\n]{0,300}))?\]\]/g

export type RecordKind = 'incident' | 'actor' | 'source' | 'note'

export const RECORD_KIND_LABELS: Record<RecordKind, string> = { incident: 'Incident', actor: 'Actor', source: 'Source', note: 'Note' }

export interface RecordRef {
  kind: RecordKind
  id: string
  title: string
  /** The record's date, where it has one: an incident's start, a note's date, a source's publication. */
  date?: string
  /** How much evidence hangs on the record (an incident's claims and sources), to rank link targets. */
  weight?: number
}

export interface WikiLink {
  id: string
  label: string | undefined
  /** Offsets of the whole `[[…]]` in the text, in UTF-16 code units. */
  from: number
  to: number
}

/** Every wiki link in `text`, in order. */
export function parseWikiLinks(text: string): WikiLink[] {
  const out: WikiLink[] = []
  for (const m of text.matchAll(WIKI_LINK)) {
    out.push({ id: m[1].trim(), label: m[2]?.trim() || undefined, from: m.index, to: m.index + m[0].length })
  }
  return out
}

/** Distinct record ids linked from `text`, in first-seen order. */
export function linkedIds(text: string): string[] {
  return [...new Set(parseWikiLinks(text).map((l) => l.id))]
}

export interface Records {
  incidents: readonly Incident[]
  actors: readonly Actor[]
  sources: readonly Source[]
  notes: readonly Note[]
}

/** Id → kind and current title of every record a note can link to. */
export function recordIndex(records: Records): Map<string, RecordRef> {
  const map = new Map<string, RecordRef>()
  for (const r of records.incidents) map.set(r.id, { kind: 'incident', id: r.id, title: r.title, date: r.start, weight: r.attributions.length + r.responses.length + r.sourceIds.length })
  for (const r of records.actors) map.set(r.id, { kind: 'actor', id: r.id, title: r.name })
  for (const r of records.sources) map.set(r.id, { kind: 'source', id: r.id, title: r.title, date: r.published })
  for (const r of records.notes) map.set(r.id, { kind: 'note', id: r.id, title: r.title, date: r.date })
  return map
}

/** Notes that mention `id` in their text or are attached to it, pinned first, then newest change. */
export function backlinks(notes: readonly Note[], id: string): Note[] {
  return sortNotes(notes.filter((n) => n.id !== id && (n.incidentId === id || linkedIds(n.body).includes(id))))
}

/** Pinned first, then by last change (newest first). Returns a new array. */
export function sortNotes(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt.localeCompare(a.updatedAt))
}

export interface NoteAnnotation {
  id: string
  /** Partial date (year, year-month or day), at the precision the author gave. */
  date: string
  label: string
  kind: 'note'
  /** The incident the note is attached to, if any. */
  incidentId?: string
}

/** Dated notes as timeline annotations, oldest first; undated notes are left out. */
export function datedNoteAnnotations(notes: readonly Note[]): NoteAnnotation[] {
  return notes
    .filter((n) => n.date && isPartialDate(n.date))
    .map((n) => ({ id: n.id, date: n.date!, label: n.title, kind: 'note' as const, ...(n.incidentId ? { incidentId: n.incidentId } : {}) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label))
}

/** Every tag used by any note, sorted case-insensitively. */
export function noteTags(notes: readonly Note[]): string[] {
  return [...new Set(notes.flatMap((n) => n.tags))].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
}
