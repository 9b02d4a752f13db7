// Likely duplicates of the incident being edited (same victim, overlapping dates, similar title), shown before it is saved, each with a link to open it.
import { useDeferredValue, useMemo } from 'react'
import { countryName } from '../../shared/countries'
import { likelyDuplicates } from '../../shared/duplicates'
import type { Incident } from '../../shared/domain'
import { formatDate } from '../locale'
import { useApp } from '../state/store'
import { editIncident } from './actions'
import type { Draft } from './draft'

export function DuplicateWarning({ draft, id }: { draft: Draft; id: string | null }) {
  const incidents = useApp((s) => s.incidents)
  // Typing stays responsive in a large workspace: the check follows the draft a frame behind.
  const { title, victims, start, end } = useDeferredValue(draft)
  const dupes = useMemo<Incident[]>(() => (title.trim() ? likelyDuplicates({ id: id ?? undefined, title, victims, start, end }, incidents) : []), [id, title, victims, start, end, incidents])
  if (dupes.length === 0) return null
  return (
    <section className="duplicate-warning" role="status" aria-label="Likely duplicates">
      <strong>{dupes.length === 1 ? 'This may duplicate an incident already recorded:' : `This may duplicate ${dupes.length} incidents already recorded:`}</strong>
      <ul>
        {dupes.slice(0, 5).map((d) => (
          <li key={d.id}>
            <button type="button" className="link-button" onClick={() => editIncident({ kind: 'existing', id: d.id })}>
              {d.title}
            </button>{' '}
            <span className="muted">
              {formatDate(d.start)}
              {d.victims.length > 0 ? ` · ${[...new Set(d.victims.map((v) => countryName(v.country)))].join(', ')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">Open one to compare, or save anyway if this is a different incident.</p>
    </section>
  )
}
