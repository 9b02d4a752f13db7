// The list of notes: pinned first, then by last change, filtered by tag; arrow keys move through it.
import { useMemo, type KeyboardEvent } from 'react'
import { formatDate, formatDateTime } from '../locale'
import { noteTags, sortNotes } from '../../shared/wikiLinks'
import { useApp } from '../state/store'
import { openNote, setNoteTag } from './actions'
import { EmptyState } from '../components/EmptyState'

/** The first line of a note's text without markdown marks, for the list. */
function excerpt(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '') ?? ''
  return line.replace(/\[\[[^\]]*\]\]/g, '…').replace(/[#*_>`[\]]/g, '').trim().slice(0, 120)
}

export function NoteList() {
  const notes = useApp((s) => s.notes)
  const tag = useApp((s) => s.noteTag)
  const open = useApp((s) => (s.note.kind === 'existing' ? s.note.id : null))
  const tags = useMemo(() => noteTags(notes), [notes])
  const shown = useMemo(() => sortNotes(tag ? notes.filter((n) => n.tags.includes(tag)) : notes), [notes, tag])

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const at = shown.findIndex((n) => n.id === open)
    const next = shown[Math.max(0, Math.min(shown.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]
    if (next) {
      openNote(next.id)
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(next.id)}"]`)?.focus())
    }
  }

  return (
    <>
      {tags.length > 0 ? (
        <div className="notes-tags" role="group" aria-label="Filter notes by tag">
          <button type="button" aria-pressed={tag === null} className={tag === null ? 'active' : ''} onClick={() => setNoteTag(null)}>
            All
          </button>
          {tags.map((t) => (
            <button key={t} type="button" aria-pressed={tag === t} className={tag === t ? 'active' : ''} onClick={() => setNoteTag(tag === t ? null : t)}>
              #{t}
            </button>
          ))}
        </div>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState title={tag ? `No note tagged #${tag}` : 'No notes yet'}>
          {tag ? 'Pick another tag, or All.' : 'Create one with “New note” (or Ctrl+K, then “New note”). Type [[ in a note to link incidents, actors, sources and other notes.'}
        </EmptyState>
      ) : (
        <ul className="notes-list" aria-label="Notes" onKeyDown={onKeyDown}>
          {shown.map((n, k) => (
            <li key={n.id}>
              <button
                type="button"
                data-note-id={n.id}
                className={`notes-row${n.id === open ? ' selected' : ''}`}
                aria-current={n.id === open}
                data-view-start={(open && shown.some((x) => x.id === open) ? n.id === open : k === 0) ? '' : undefined}
                onClick={() => openNote(n.id)}
              >
                <span className="notes-row-title">
                  {n.pinned ? <span aria-label="Pinned">📌 </span> : null}
                  {n.title}
                </span>
                <span className="muted">
                  {n.date ? `${formatDate(n.date)} · ` : ''}changed {formatDateTime(n.updatedAt)}
                </span>
                <span className="notes-row-excerpt">{excerpt(n.body)}</span>
                {n.tags.length > 0 ? <span className="notes-row-tags">{n.tags.map((t) => `#${t}`).join(' ')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
