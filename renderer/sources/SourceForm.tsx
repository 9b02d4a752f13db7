// The source form of the Sources view: edit and re-grade a source, with validation, and delete with undo.
import { useMemo, useState, type FormEvent } from 'react'
import { admiraltyGrade, SourceInputSchema, type Source } from '../../shared/domain'
import { toFieldIssues } from '../../shared/issues'
import { WorkbenchError } from '../../shared/result'
import { useDraft } from '../components/useDraft'
import { errorsOf, type Errors } from '../incidents/draft'
import { errorMessage, toast } from '../state/actions'
import { useApp } from '../state/store'
import { deleteSource, leaveSource, saveSource } from './actions'
import { BLANK_SOURCE, SourceFields, type SourceFieldValues } from './SourceFields'

type SourceDraft = Omit<Source, 'id' | 'createdAt' | 'updatedAt'>

function draftOf(source: Source | null): SourceDraft {
  if (!source) return { ...BLANK_SOURCE }
  const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = source
  return fields
}

export function SourceForm({ source }: { source: Source | null }) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const initial = useMemo(() => draftOf(source), [source])
  const { draft, dirty, set, revert } = useDraft<SourceDraft>(initial)
  const [errors, setErrors] = useState<Errors>({})

  async function save(e: FormEvent) {
    e.preventDefault()
    const parsed = SourceInputSchema.safeParse(draft)
    if (!parsed.success) return setErrors(errorsOf(toFieldIssues(parsed.error)))
    try {
      const saved = await saveSource(source?.id ?? null, parsed.data)
      setErrors({})
      toast('info', `Saved “${saved.title}” (${admiraltyGrade(saved)}).`)
    } catch (err) {
      if (err instanceof WorkbenchError) setErrors(errorsOf(err.issues))
      toast('error', errorMessage(err))
    }
  }

  return (
    <form
      className="record-form"
      data-source={source ? source.id : 'new'}
      onSubmit={save}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault()
          e.currentTarget.requestSubmit()
        } else if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          leaveSource()
        }
      }}
      aria-label={source ? `Edit source ${source.title}` : 'New source'}
      noValidate
    >
      <header className="form-head">
        <h2>
          <span className="grade">{admiraltyGrade(draft)}</span> {source ? source.title : 'New source'}
        </h2>
        {source?.sample ? <span className="badge sample">Sample data</span> : null}
        <span className={`save-state${dirty ? ' dirty' : ''}`} aria-live="polite">
          {dirty ? 'Unsaved changes' : source ? 'Saved' : ''}
        </span>
      </header>
      <fieldset disabled={!!readOnly} className="form-body">
        <div className="grid">
          <SourceFields value={draft as SourceFieldValues} onChange={set} errors={errors} />
        </div>
      </fieldset>
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={!!readOnly} title="Save (Ctrl+S)">
          {source ? 'Save changes' : 'Create source'}
        </button>
        <button type="button" disabled={!dirty} onClick={() => (revert(), setErrors({}))}>
          Revert
        </button>
        {source ? (
          <button type="button" className="danger" disabled={!!readOnly} onClick={() => void deleteSource(source.id)}>
            Delete source
          </button>
        ) : null}
      </footer>
    </form>
  )
}
