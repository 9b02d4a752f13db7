// The frame of a side record's form (an actor, a source): the edit buffer checked against its schema, saving with field errors, and the header, read-only fieldset and Save / Revert / Delete footer they share.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react'
import type { ZodType } from 'zod'
import { toFieldIssues } from '../../shared/issues'
import { WorkbenchError } from '../../shared/result'
import { errorsOf, type Errors } from '../incidents/draft'
import { errorMessage, toast } from '../state/actions'
import { useApp } from '../state/store'
import { useDraft } from './useDraft'

interface StoredRecord {
  id: string
  createdAt: string
  updatedAt: string
  sample?: boolean
}

type DraftOf<R> = Omit<R, 'id' | 'createdAt' | 'updatedAt'>

/**
 * The form state of `record` (or of a new one, from `blank`): the draft, its field errors, and `save`,
 * which checks the draft against `schema`, hands it to `persist` and says `savedMessage` of the result.
 */
export function useRecordForm<R extends StoredRecord, I>(record: R | null, blank: () => DraftOf<R>, schema: ZodType<I>, persist: (id: string | null, input: I) => Promise<R>, savedMessage: (saved: R) => string) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const initial = useMemo<DraftOf<R>>(() => {
    if (!record) return blank()
    const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = record
    return fields
    // `blank` makes the same draft every time: only the record decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record])
  const { draft, dirty, set, revert } = useDraft<DraftOf<R>>(initial)
  const [errors, setErrors] = useState<Errors>({})

  async function save(e: FormEvent) {
    e.preventDefault()
    const parsed = schema.safeParse(draft)
    if (!parsed.success) return setErrors(errorsOf(toFieldIssues(parsed.error)))
    try {
      const saved = await persist(record?.id ?? null, parsed.data)
      setErrors({})
      toast('info', savedMessage(saved))
    } catch (err) {
      if (err instanceof WorkbenchError) setErrors(errorsOf(err.issues))
      toast('error', errorMessage(err))
    }
  }

  return { readOnly, draft, dirty, set, errors, save, revert: () => (revert(), setErrors({})) }
}

export type RecordFormState<R extends StoredRecord> = ReturnType<typeof useRecordForm<R, unknown>>

interface FrameProps<R extends StoredRecord> {
  /** "actor", "source": names the form, its buttons and its `data-<noun>` attribute. */
  noun: string
  record: R | null
  /** The record's name as the form's label says it. */
  name: string
  heading: ReactNode
  form: Pick<RecordFormState<R>, 'readOnly' | 'dirty' | 'save' | 'revert'>
  onLeave(): void
  onDelete(id: string): void
  /** Shown between the header and the fields (e.g. where the record came from). */
  note?: ReactNode
  /** Shown after the fields, outside the read-only fieldset. */
  after?: ReactNode
  children: ReactNode
}

/** The form around a record's fields: Ctrl+S saves, Escape leaves; the fields are disabled while the workspace is read-only. */
export function RecordFormFrame<R extends StoredRecord>({ noun, record, name, heading, form, onLeave, onDelete, note, after, children }: FrameProps<R>) {
  const { readOnly, dirty, save, revert } = form
  return (
    <form
      className="record-form"
      {...{ [`data-${noun}`]: record ? record.id : 'new' }}
      onSubmit={save}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault()
          e.currentTarget.requestSubmit()
        } else if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          onLeave()
        }
      }}
      aria-label={record ? `Edit ${noun} ${name}` : `New ${noun}`}
      noValidate
    >
      <header className="form-head">
        <h2>{heading}</h2>
        {record?.sample ? <span className="badge sample">Sample data</span> : null}
        <span className={`save-state${dirty ? ' dirty' : ''}`} aria-live="polite">
          {dirty ? 'Unsaved changes' : record ? 'Saved' : ''}
        </span>
      </header>
      {note}
      <fieldset disabled={!!readOnly} className="form-body">
        <div className="grid">{children}</div>
      </fieldset>
      {after}
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={!!readOnly} title="Save (Ctrl+S)">
          {record ? 'Save changes' : `Create ${noun}`}
        </button>
        <button type="button" disabled={!dirty} onClick={revert}>
          Revert
        </button>
        {record ? (
          <button type="button" className="danger" disabled={!!readOnly} onClick={() => onDelete(record.id)}>
            Delete {noun}
          </button>
        ) : null}
      </footer>
    </form>
  )
}
