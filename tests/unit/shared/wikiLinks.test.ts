// Wiki-link parsing, backlinks, dated-note annotations and the safe markdown rendering of notes.
import { describe, expect, it } from 'vitest'
import type { Note } from '../../../shared/domain'
import { markdownToHtml } from '../../../shared/markdown'
import { backlinks, datedNoteAnnotations, linkedIds, noteTags, parseWikiLinks, recordIndex, sortNotes } from '../../../shared/wikiLinks'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'

const note = (id: string, patch: Partial<Note> = {}): Note => ({ id, title: id, body: '', tags: [], pinned: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...patch })

describe('wiki links', () => {
  it('are found with their offsets, ids and optional labels', () => {
    const text = 'See [[inc-1]] and [[actor-iran|Iran]]; not [[ ]] or [single] or [[broken'
    expect(parseWikiLinks(text)).toEqual([
      { id: 'inc-1', label: undefined, from: 4, to: 13 },
      { id: 'actor-iran', label: 'Iran', from: 18, to: 37 },
      { id: '', label: undefined, from: 43, to: 48 },
    ])
    expect(linkedIds('[[a]] [[b]] [[a|again]]')).toEqual(['a', 'b'])
  })

  it('give backlinks from text and attachment, pinned first then newest', () => {
    const notes = [
      note('note-old', { body: 'about [[inc-1]]', updatedAt: '2026-01-01T00:00:00.000Z' }),
      note('note-new', { body: 'also [[inc-1]]', updatedAt: '2026-02-01T00:00:00.000Z' }),
      note('note-pinned', { incidentId: 'inc-1', pinned: true }),
      note('note-other', { body: '[[inc-2]]' }),
    ]
    expect(backlinks(notes, 'inc-1').map((n) => n.id)).toEqual(['note-pinned', 'note-new', 'note-old'])
    expect(backlinks([note('note-self', { body: '[[note-self]]' })], 'note-self')).toEqual([])
    expect(sortNotes(notes)[0].id).toBe('note-pinned')
  })

  it('turn dated notes into timeline annotations, oldest first, undated left out', () => {
    const notes = [note('b', { title: 'Leak dump', date: '2022-09-19', incidentId: 'inc-1' }), note('a', { title: 'Summit', date: '2022-07' }), note('c', { title: 'Undated' })]
    expect(datedNoteAnnotations(notes)).toEqual([
      { id: 'a', date: '2022-07', label: 'Summit', kind: 'note' },
      { id: 'b', date: '2022-09-19', label: 'Leak dump', kind: 'note', incidentId: 'inc-1' },
    ])
  })

  it('collect tags case-insensitively sorted', () => {
    expect(noteTags([note('a', { tags: ['wiper', 'Albania'] }), note('b', { tags: ['albania2', 'wiper'] })])).toEqual(['Albania', 'albania2', 'wiper'])
  })
})

describe('markdown rendering', () => {
  const records = recordIndex({ ...sampleWorkspace(), notes: [] })
  const render = (text: string) => markdownToHtml(text, (id) => records.get(id))

  it('shows a link by the record’s current title and keeps its id', () => {
    const html = render('Read [[inc-albania-2022-07|old title]].')
    expect(html).toContain('data-record-id="inc-albania-2022-07"')
    expect(html).toContain(`>${records.get('inc-albania-2022-07')!.title}</a>`)
    expect(html).not.toContain('old title')
    expect(render('[[inc-missing]]')).toContain('<span class="wikilink missing" title="No record with id inc-missing">inc-missing</span>')
  })

  it('escapes raw HTML and refuses script URLs', () => {
    expect(render('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n')
    expect(render('<img src=x onerror=alert(1)>')).not.toContain('<img')
    expect(render('[x](javascript:alert(1))')).not.toContain('href="javascript')
    expect(render('[x](data:text/html,<b>)')).not.toContain('href="data:')
    expect(render('[[x" onmouseover="alert(1)]]')).not.toMatch(/ onmouseover="/)
  })

  it('never loads images, showing their alt text instead', () => {
    const html = render('![chart](http://example.com/x.png)')
    expect(html).not.toContain('<img')
    expect(html).toContain('[image: chart]')
  })

  it('opens ordinary links outside the app', () => {
    expect(render('[CISA](https://www.cisa.gov/)')).toContain('<a href="https://www.cisa.gov/" rel="noopener noreferrer" target="_blank">CISA</a>')
  })
})
