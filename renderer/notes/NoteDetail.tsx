// One note open for editing: title, date, attached incident, tags, pin, the markdown editor with its preview, and backlinks.
import { useEffect, useMemo, useRef, useState } from 'react'
import { NoteInputSchema, type Note, type NoteInput } from '../../shared/domain'
import { toFieldIssues } from '../../shared/issues'
import { Field } from '../components/Field'
import { ListInput } from '../components/ListInput'
import { PartialDateInput } from '../components/PartialDateInput'
import { setNoteSave } from '../state/actions'
import { useApp } from '../state/store'
import { flushNote, noteEdited } from './autosave'
import { Backlinks } from './Backlinks'
import { BrokenLinks, type TextChange } from './BrokenLinks'
import { MarkdownEditor } from './MarkdownEditor'
import { MarkdownPreview } from './MarkdownPreview'
import { deleteNote, leaveNote } from './actions'
import { useRecordRefs } from './useRecordRefs'

type Draft = Required<Pick<NoteInput, 'title' | 'body' | 'tags' | 'pinned'>> & Pick<NoteInput, 'date' | 'incidentId'>

const draftOf = (n: Note): Draft => ({ title: n.title, body: n.body, tags: n.tags, pinned: n.pinned, date: n.date, incidentId: n.incidentId })

function SaveState() {
  const save = useApp((s) => s.noteSave)
  const text = { saved: 'Saved', pending: 'Unsaved changes…', saving: 'Saving…', error: '' }[save.kind]
  return (
    <span className={`notes-save notes-save-${save.kind}`} role="status" aria-live="polite">
      {save.kind === 'error' ? `Not saved: ${save.message}` : text}
    </span>
  )
}

export function NoteDetail({ note }: { note: Note }) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const incidents = useApp((s) => s.incidents)
  const refs = useRecordRefs()
  const [draft, setDraft] = useState<Draft>(() => draftOf(note))
  const [preview, setPreview] = useState(true)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const replaceText = useRef<((changes: TextChange[]) => void) | null>(null)
  const incidentOptions = useMemo(() => [...incidents].sort((a, b) => a.title.localeCompare(b.title)), [incidents])

  // Leaving the note (another note, another view) saves what is pending.
  useEffect(() => () => void flushNote(), [])

  function change(patch: Partial<Draft>) {
    const next = { ...draft, ...patch }
    setDraft(next)
    const parsed = NoteInputSchema.safeParse(next)
    if (!parsed.success) {
      const found = Object.fromEntries(toFieldIssues(parsed.error).map((i) => [i.path.split('.')[0], i.message]))
      setErrors(found)
      setNoteSave({ kind: 'error', message: Object.values(found)[0] })
      return
    }
    setErrors({})
    noteEdited(note.id, parsed.data)
  }

  return (
    <article
      className="notes-detail"
      data-note-id={note.id}
      aria-label={`Note ${note.title}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          leaveNote(note.id)
        }
      }}
    >
      <header className="notes-head">
        <Field label="Title" error={errors.title} wide>
          <input value={draft.title} disabled={!!readOnly} onChange={(e) => change({ title: e.target.value })} onBlur={() => void flushNote()} />
        </Field>
        <SaveState />
      </header>
      <fieldset className="notes-meta" disabled={!!readOnly}>
        <Field label="Date" error={errors.date} hint="Dated notes appear on the timeline">
          <PartialDateInput value={draft.date} onChange={(date) => change({ date })} />
        </Field>
        <Field label="Attached to incident" error={errors.incidentId}>
          <select value={draft.incidentId ?? ''} onChange={(e) => change({ incidentId: e.target.value || undefined })}>
            <option value="">None</option>
            {incidentOptions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Tags" error={errors.tags} hint="Comma-separated">
          <ListInput value={draft.tags} onChange={(tags) => change({ tags })} />
        </Field>
        <label className="check notes-pin">
          <input type="checkbox" checked={draft.pinned} onChange={(e) => change({ pinned: e.target.checked })} />
          Pinned (first in the list, and into briefings)
        </label>
        <label className="check">
          <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} />
          Show preview
        </label>
        <button type="button" className="danger" onClick={() => void deleteNote(note.id)}>
          Delete note
        </button>
      </fieldset>
      {readOnly ? <p className="form-note">This workspace is read-only: {readOnly}</p> : null}
      {errors.body ? (
        <p className="field-error" role="alert">
          {errors.body}
        </p>
      ) : null}
      <div className={`notes-panes${preview ? ' with-preview' : ''}`}>
        <MarkdownEditor initial={note.body} readOnly={!!readOnly} lookup={() => refs} onChange={(body) => change({ body })} onBlur={() => void flushNote()} replaceRef={replaceText} />
        {preview ? <MarkdownPreview text={draft.body} refs={refs} /> : null}
      </div>
      <BrokenLinks noteId={note.id} body={draft.body} refs={refs} readOnly={!!readOnly} onChange={(changes) => replaceText.current?.(changes)} />
      <Backlinks id={note.id} />
    </article>
  )
}
