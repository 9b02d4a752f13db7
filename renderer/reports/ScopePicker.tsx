// The scope of a briefing: a copy of the app-wide filter, or incidents picked by hand from a searchable checklist.
import { useMemo, useState } from 'react'
import type { ReportScope } from '../../shared/domain'
import { EMPTY_FILTER, type IncidentFilter } from '../../shared/filter'
import { formatDate } from '../locale'
import { describeFilter } from '../../shared/report/model'
import { useApp } from '../state/store'

interface Props {
  value: ReportScope
  onChange(value: ReportScope): void
  error?: string
  disabled?: boolean
}

const sameFilter = (a: IncidentFilter, b: IncidentFilter) => JSON.stringify({ ...EMPTY_FILTER, ...a }) === JSON.stringify({ ...EMPTY_FILTER, ...b })

export function ScopePicker({ value, onChange, error, disabled }: Props) {
  const appFilter = useApp((s) => s.filter)
  const incidents = useApp((s) => s.incidents)
  const [search, setSearch] = useState('')
  const sorted = useMemo(() => [...incidents].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '')), [incidents])
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean)
    return sorted.filter((i) => words.every((w) => i.title.toLowerCase().includes(w)))
  }, [sorted, search])
  const picked = value.kind === 'incidents' ? new Set(value.ids) : new Set<string>()
  const setPicked = (ids: Set<string>) => onChange({ kind: 'incidents', ids: sorted.filter((i) => ids.has(i.id)).map((i) => i.id) })

  return (
    <fieldset className="report-scope" disabled={disabled}>
      <legend>Scope</legend>
      <label className="check">
        <input type="radio" name="report-scope" checked={value.kind === 'filter'} onChange={() => onChange({ kind: 'filter', filter: { ...appFilter } })} />
        The app-wide filter
      </label>
      <label className="check">
        <input type="radio" name="report-scope" checked={value.kind === 'incidents'} onChange={() => onChange({ kind: 'incidents', ids: value.kind === 'incidents' ? value.ids : [] })} />
        Incidents picked by hand
      </label>
      {value.kind === 'filter' ? (
        <div className="report-scope-filter">
          <p>
            Covers {describeFilter(value.filter)}.
          </p>
          {!sameFilter(value.filter, appFilter) ? (
            <button type="button" onClick={() => onChange({ kind: 'filter', filter: { ...appFilter } })}>
              Use the current filter ({describeFilter(appFilter)})
            </button>
          ) : (
            <p className="muted">This is the filter the Incidents view shows now.</p>
          )}
        </div>
      ) : (
        <div className="report-scope-pick">
          <div className="report-scope-tools">
            <input type="search" aria-label="Search incidents to pick" placeholder="Search titles" value={search} onChange={(e) => setSearch(e.target.value)} />
            <button type="button" onClick={() => setPicked(new Set([...picked, ...shown.map((i) => i.id)]))}>
              Pick all shown
            </button>
            <button type="button" disabled={picked.size === 0} onClick={() => setPicked(new Set())}>
              Clear
            </button>
            <span className="muted">{picked.size} picked</span>
          </div>
          {incidents.length === 0 ? (
            <p className="muted">The workspace has no incidents yet.</p>
          ) : (
            <ul className="report-pick-list" aria-label="Incidents">
              {shown.map((i) => (
                <li key={i.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={picked.has(i.id)}
                      onChange={(e) => {
                        const next = new Set(picked)
                        if (e.target.checked) next.add(i.id)
                        else next.delete(i.id)
                        setPicked(next)
                      }}
                    />
                    <span className="report-pick-date">{formatDate(i.start) || '—'}</span> {i.title}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  )
}
