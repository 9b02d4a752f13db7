// Sources cited by an incident, with Admiralty grades; link an existing source or create one inline.
import { useState } from 'react'
import {
  admiraltyGrade,
  CREDIBILITY,
  CREDIBILITY_LABELS,
  RELIABILITY,
  RELIABILITY_LABELS,
  SourceInputSchema,
  type Credibility,
  type Reliability,
} from '../../shared/domain'
import { toFieldIssues } from '../../shared/issues'
import { formatDate } from '../locale'
import { Field } from '../components/Field'
import { PartialDateInput } from '../components/PartialDateInput'
import { errorMessage } from '../state/actions'
import { createSource } from './actions'
import { useApp } from '../state/store'
import { errorsOf, type Errors } from './draft'
import { SourceCopyControls } from '../sources/SourceCopyControls'

interface Props {
  ids: string[]
  onChange(ids: string[]): void
  disabled: boolean
}

const BLANK = { title: '', publisher: '', url: '', published: undefined as string | undefined, captured: undefined as string | undefined, reliability: 'F' as Reliability, credibility: '6' as Credibility }

export function SourcesEditor({ ids, onChange, disabled }: Props) {
  const sources = useApp((s) => s.sources)
  const [adding, setAdding] = useState<typeof BLANK | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const linked = ids.map((id) => sources.find((s) => s.id === id) ?? { id, title: `Missing source ${id}`, publisher: '', reliability: 'F' as const, credibility: '6' as const, published: undefined, captured: undefined })
  const free = sources.filter((s) => !ids.includes(s.id))

  async function create() {
    if (!adding) return
    const parsed = SourceInputSchema.safeParse(adding)
    if (!parsed.success) return setErrors(errorsOf(toFieldIssues(parsed.error)))
    try {
      const saved = await createSource(parsed.data)
      onChange([...ids, saved.id])
      setAdding(null)
      setErrors({})
    } catch (err) {
      setErrors({ title: errorMessage(err) })
    }
  }

  return (
    <fieldset className="item-list">
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
              {[s.publisher, formatDate(s.published)].filter(Boolean).join(' · ')}
              {s.captured ? ` · captured ${formatDate(s.captured)}` : ''}
            </span>
            {'createdAt' in s ? <SourceCopyControls source={s} disabled={disabled} /> : null}
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
          <button type="button" className="add" disabled={disabled} onClick={() => setAdding({ ...BLANK })}>
            + New source
          </button>
        )}
      </div>
      {adding ? (
        <div className="item new-source" role="group" aria-label="New source">
          <div className="item-fields">
            <Field label="Source title" error={errors.title} wide>
              <input value={adding.title} onChange={(e) => setAdding({ ...adding, title: e.target.value })} />
            </Field>
            <Field label="Publisher" error={errors.publisher}>
              <input value={adding.publisher} onChange={(e) => setAdding({ ...adding, publisher: e.target.value })} />
            </Field>
            <Field label="URL" error={errors.url}>
              <input value={adding.url} onChange={(e) => setAdding({ ...adding, url: e.target.value })} placeholder="https://…" />
            </Field>
            <Field label="Published" error={errors.published}>
              <PartialDateInput value={adding.published} onChange={(d) => setAdding({ ...adding, published: d })} />
            </Field>
            <Field label="Captured" error={errors.captured}>
              <PartialDateInput value={adding.captured} onChange={(d) => setAdding({ ...adding, captured: d })} />
            </Field>
            <Field label="Reliability" error={errors.reliability}>
              <select value={adding.reliability} onChange={(e) => setAdding({ ...adding, reliability: e.target.value as Reliability })}>
                {RELIABILITY.map((r) => (
                  <option key={r} value={r}>
                    {r} — {RELIABILITY_LABELS[r]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Credibility" error={errors.credibility}>
              <select value={adding.credibility} onChange={(e) => setAdding({ ...adding, credibility: e.target.value as Credibility })}>
                {CREDIBILITY.map((c) => (
                  <option key={c} value={c}>
                    {c} — {CREDIBILITY_LABELS[c]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="item-buttons">
            <button type="button" className="primary" onClick={create}>
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
