// What the user can do to notes: create, open, delete with undo, filter by tag, and follow a link to any record.
import type { NoteInput } from '../../shared/domain'
import type { RecordKind } from '../../shared/wikiLinks'
import { client } from '../api'
import { firstField, focusWhenShown } from '../shell/focus'
import { deleteWithUndo, errorMessage, guard, put, toast } from '../state/actions'
import { getState, setState } from '../state/store'
import { dropDraft, flushNote } from './autosave'
import { showSource } from '../sources/actions'

/**
 * Creates a note at once (it autosaves from then on) and opens it in the notes view, focused on its
 * title. The pane shows "Creating note…" from the click on, so nothing typed meanwhile lands in the
 * note being left.
 */
export function createNote(patch: Partial<NoteInput> = {}): void {
  if (getState().info?.readOnly) return toast('error', `This workspace is read-only: ${getState().info!.readOnly}`)
  guard(() => {
    const previous = getState().note
    setState({ view: 'notes', note: { kind: 'new' }, palette: false })
    void flushNote()
      .then(() => client.notes.create({ title: 'Untitled note', body: '', ...patch }))
      .then(
        (note) => {
          put('notes', note)
          setState({ note: { kind: 'existing', id: note.id }, noteSave: { kind: 'saved' } })
          focusWhenShown(() => firstField(`.notes-detail[data-note-id="${CSS.escape(note.id)}"]`))
        },
        (err: unknown) => {
          setState({ note: previous })
          toast('error', errorMessage(err))
        },
      )
  })
}

/** Opens note `id` in the notes view, saving the one being left first. */
export function openNote(id: string): void {
  void flushNote()
  guard(() => setState({ view: 'notes', note: { kind: 'existing', id } }))
}

export async function deleteNote(id: string): Promise<void> {
  dropDraft(id)
  await deleteWithUndo({
    collection: 'notes',
    noun: 'note',
    name: (r) => r.title,
    remove: () => client.notes.delete({ id }),
    restore: (r) => client.notes.restore(r),
    deleted: () => setState((s) => ({ note: s.note.kind === 'existing' && s.note.id === id ? { kind: 'none' } : s.note })),
    restored: (back) => setState({ note: { kind: 'existing', id: back.id } }),
  })
}

export const setNoteTag = (noteTag: string | null) => setState({ noteTag })

/** Leaves the note being edited for its row in the list (notes save as they are typed: nothing to ask). */
export function leaveNote(id: string): void {
  void flushNote()
  document.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(id)}"].notes-row`)?.focus()
}

/** Shows a record where it lives: incidents, actors and sources in their views, notes in the notes view. */
export function openRecord(kind: RecordKind, id: string): void {
  void flushNote()
  switch (kind) {
    case 'incident':
      return showIncident(id)
    case 'actor':
      return guard(() => setState({ view: 'actors', actor: { kind: 'existing', id } }))
    case 'note':
      return openNote(id)
    case 'source':
      return showSource(id)
  }
}

function showIncident(id: string): void {
  guard(() => setState({ view: 'incidents', incident: { kind: 'existing', id }, selection: [id] }))
}
