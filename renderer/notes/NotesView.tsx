// The notes view: the note list with its tag filter, and the open note with editor, preview and backlinks.
import { useEffect } from 'react'
import { useApp } from '../state/store'
import { installFlushOnLeave } from './autosave'
import { NoteDetail } from './NoteDetail'
import { NoteList } from './NoteList'
import { createNote } from './actions'
import { EmptyState } from '../components/EmptyState'

export function NotesView() {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const count = useApp((s) => s.notes.length)
  const creating = useApp((s) => s.note.kind === 'new')
  const note = useApp((s) => (s.note.kind === 'existing' ? (s.notes.find((n) => n.id === (s.note as { id: string }).id) ?? null) : null))

  useEffect(() => installFlushOnLeave(), [])

  return (
    <div className="view notes-view">
      <div className="split notes-split">
        <section className="list-pane" aria-label="Note list">
          <div className="toolbar">
            <button type="button" className="primary" disabled={!!readOnly || creating} onClick={() => createNote()} data-view-start={count === 0 ? '' : undefined}>
              + New note
            </button>
            <span className="filter-count">{count === 1 ? '1 note' : `${count} notes`}</span>
          </div>
          <div className="notes-list-scroll">
            <NoteList />
          </div>
        </section>
        <section className="detail-pane" aria-label="Note">
          {creating ? (
            <div className="empty-state" role="status">
              Creating note…
            </div>
          ) : note ? (
            <NoteDetail key={note.id} note={note} />
          ) : (
            <EmptyState title="No note open">
              Pick a note on the left, or create one with “New note”. Notes are saved as you type.
            </EmptyState>
          )}
        </section>
      </div>
    </div>
  )
}
