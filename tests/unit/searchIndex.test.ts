// The full-text index: finds records by words of their text, with prefix and fuzzy matching, and follows edits.
import { describe, expect, it } from 'vitest'
import type { Note } from '../../shared/domain'
import { sampleWorkspace } from '../../shared/sample/sampleWorkspace'
import { SearchIndex, syncIndex } from '../../shared/searchIndex'

const note = (id: string, body: string): Note => ({ id, title: `Note ${id}`, body, tags: [], pinned: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' })

describe('search index', () => {
  const ws = { ...sampleWorkspace(), notes: [note('note-1', 'The ransom note blamed DURRES terrorists')] }

  it('finds incidents, actors, sources and notes by words of their text', () => {
    const index = SearchIndex.build(ws)
    expect(index.size).toBe(ws.incidents.length + ws.actors.length + ws.sources.length + 1)
    expect(index.search('durres').map((h) => h.id)).toContain('note-1')
    expect(index.search('EUROPIUM')[0]).toMatchObject({ kind: 'actor' })
    expect(index.search('')).toEqual([])
  })

  it('matches prefixes and small typos', () => {
    const index = SearchIndex.build(ws)
    expect(index.search('terror').map((h) => h.id)).toContain('note-1')
    expect(index.search('terorists').map((h) => h.id)).toContain('note-1')
  })

  it('follows an edit, an addition and a deletion without a rebuild', () => {
    const index = SearchIndex.build(ws)
    const edited = { ...ws, notes: [note('note-1', 'Now about the TIMS border system'), note('note-2', 'Zeroclear wiper sample')] }
    syncIndex(index, ws, edited)
    expect(index.search('durres').map((h) => h.id)).not.toContain('note-1')
    expect(index.search('border').map((h) => h.id)).toContain('note-1')
    expect(index.search('zeroclear').map((h) => h.id)).toContain('note-2')
    syncIndex(index, edited, { ...edited, notes: [edited.notes[0]] })
    expect(index.search('zeroclear').map((h) => h.id)).not.toContain('note-2')
  })
})
