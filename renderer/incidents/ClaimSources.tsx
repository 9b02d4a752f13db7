// The sources one attribution or response cites, each with its Admiralty grade, and a picker of the incident's sources or any in the workspace.
import { useMemo } from 'react'
import { admiraltyGrade, CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../shared/domain'
import { useApp } from '../state/store'
import { useDraftSources, useSourceLookup } from './draftSources'

interface Props {
  ids: string[]
  onChange(ids: string[]): void
  /** "attribution" or "response", for the words around the picker. */
  noun: string
}

export function ClaimSources({ ids, onChange, noun }: Props) {
  const sources = useApp((s) => s.sources)
  const { incidentIds } = useDraftSources()
  const lookup = useSourceLookup()
  const cited = ids.map(lookup)
  const { ofIncident, others } = useMemo(() => {
    const own = [...new Set(incidentIds)].filter((id) => !ids.includes(id)).map(lookup)
    const rest = sources.filter((s) => !ids.includes(s.id) && !incidentIds.includes(s.id)).sort((a, b) => a.title.localeCompare(b.title))
    return { ofIncident: own, others: rest }
  }, [sources, incidentIds, ids, lookup])

  return (
    <fieldset className="field wide claim-sources">
      <legend>Sources</legend>
      {cited.length === 0 ? (
        <p className="empty-note">No source cited for this {noun} yet: pick the one that reports it.</p>
      ) : (
        <ul className="claim-source-list">
          {cited.map((s) => (
            <li key={s.id} className={`chip claim-source${s.missing ? ' missing' : ''}`}>
              <span className="grade" title={`${RELIABILITY_LABELS[s.reliability]}; ${CREDIBILITY_LABELS[s.credibility]}`}>
                {admiraltyGrade(s)}
              </span>
              <span className="claim-source-title">
                {s.title}
                {s.staged ? <span className="muted"> (saved with the incident)</span> : null}
              </span>
              <button type="button" className="chip-x" aria-label={`Stop citing ${s.title}`} onClick={() => onChange(ids.filter((x) => x !== s.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <select aria-label={`Cite a source for this ${noun}`} value="" onChange={(e) => e.target.value && onChange([...ids, e.target.value])}>
        <option value="">Cite a source…</option>
        {ofIncident.length > 0 ? (
          <optgroup label="This incident’s sources">
            {ofIncident.map((s) => (
              <option key={s.id} value={s.id}>
                {admiraltyGrade(s)} · {s.title}
              </option>
            ))}
          </optgroup>
        ) : null}
        {others.length > 0 ? (
          <optgroup label="Other sources in the workspace">
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {admiraltyGrade(s)} · {s.title}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </fieldset>
  )
}
