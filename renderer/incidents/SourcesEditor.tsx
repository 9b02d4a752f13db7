// Sources cited by an incident, with Admiralty grades; link an existing source or add a new one, created when the incident is saved.
import { useState } from 'react'
import { admiraltyGrade, CREDIBILITY_LABELS, RELIABILITY_LABELS, SourceInputSchema } from '../../shared/domain'
import { toFieldIssues } from '../../shared/issues'
import { formatDate } from '../locale'
import { BLANK_SOURCE, SourceFields, type SourceFieldValues } from '../sources/SourceFields'
import { useApp } from '../state/store'
import { useDraftSources, useSourceLookup } from './draftSources'
import { errorsOf, type Errors } from './draft'

interface Props {
  ids: string[]
  onChange(ids: string[]): void
  disabled: boolean
}

export function SourcesEditor({ ids, onChange, disabled }: Props) {
  const sources = useApp((s) => s.sources)
  const { stage } = useDraftSources()
  const lookup = useSourceLookup()
  const [adding, setAdding] = useState<SourceFieldValues | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const linked = ids.map(lookup)
  const free = sources.filter((s) => !ids.includes(s.id))

  function add() {
    if (!adding) return
    const parsed = SourceInputSchema.safeParse(adding)
    if (!parsed.success) return setErrors(errorsOf(toFieldIssues(parsed.error)))
    onChange([...ids, stage(adding)])
    setAdding(null)
    setErrors({})
  }

  return (
    <fieldset className="item-list sources-editor">
      <legend>
        Sources <span className="count">{ids.length}</span>
      </legend>
      {linked.length === 0 ? <p className="empty-note">No source cited. Link an existing source or add a new one with its Admiralty grade.</p> : null}
      <ul className="source-list">
        {linked.map((s) => (
          <li key={s.id}>
            <span className="grade" title={`${RELIABILITY_LABELS[s.reliability]}; ${CREDIBILITY_LABELS[s.credibility]}`}>
              {admiraltyGrade(s)}
            </span>
            <span className="source-title">{s.title}</span>
            <span className="muted">
              {s.staged ? 'New: saved with the incident' : [s.publisher, formatDate(s.published)].filter(Boolean).join(' · ')}
              {s.captured ? ` · captured ${formatDate(s.captured)}` : ''}
            </span>
            <button type="button" className="item-remove" aria-label={`Unlink source ${s.title}`} onClick={() => onChange(ids.filter((x) => x !== s.id))}>
              Unlink
            </button>
          </li>
        ))}
      </ul>
      <div className="source-actions">
        <select aria-label="Link an existing source" value="" onChange={(e) => e.target.value && onChange([...ids, e.target.value])}>
          <option value="">Link an existing source…</option>
          {free.map((s) => (
            <option key={s.id} value={s.id}>
              {admiraltyGrade(s)} · {s.title}
            </option>
          ))}
        </select>
        {adding ? null : (
          <button type="button" className="add" disabled={disabled} onClick={() => setAdding({ ...BLANK_SOURCE })}>
            + New source
          </button>
        )}
      </div>
      {adding ? (
        <div className="item new-source" role="group" aria-label="New source">
          <div className="item-fields">
            <SourceFields value={adding} onChange={(patch) => setAdding({ ...adding, ...patch })} errors={errors} titleLabel="Source title" />
          </div>
          <div className="item-buttons">
            <button type="button" className="primary" onClick={add}>
              Add source
            </button>
            <button type="button" onClick={() => (setAdding(null), setErrors({}))}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </fieldset>
  )
}
