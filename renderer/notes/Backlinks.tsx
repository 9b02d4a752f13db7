// "Mentioned in notes": the notes that link to a record or are attached to it, for any record's detail pane.
import { useMemo } from 'react'
import { formatDate } from '../locale'
import { backlinks } from '../../shared/wikiLinks'
import { useApp } from '../state/store'
import { createNote, openNote } from './actions'

interface Props {
  id: string
  /** Offer "New note on this incident" (attaches the note). */
  attachable?: boolean
}

export function Backlinks({ id, attachable }: Props) {
  const notes = useApp((s) => s.notes)
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const found = useMemo(() => backlinks(notes, id), [notes, id])
  return (
    <section className="notes-backlinks" aria-label="Notes that mention this record">
      <h2>
        Notes <span className="muted">({found.length})</span>
        {attachable ? (
          <button type="button" disabled={!!readOnly} onClick={() => createNote({ incidentId: id, body: `About [[${id}]]\n\n` })}>
            + New note on this incident
          </button>
        ) : null}
      </h2>
      {found.length === 0 ? (
        <p className="muted">No note mentions this yet. Type [[ in a note to link it here.</p>
      ) : (
        <ul>
          {found.map((n) => (
            <li key={n.id}>
              <button type="button" className="notes-backlink" onClick={() => openNote(n.id)}>
                {n.pinned ? <span aria-label="Pinned">📌 </span> : null}
                {n.title}
                {n.date ? <span className="muted"> · {formatDate(n.date)}</span> : null}
                {n.incidentId === id ? <span className="muted"> · attached</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
