// "Cited by": the incidents, attributions and responses that rest on a source, each opening its incident.
import { useMemo } from 'react'
import { citationsOf, describeCitation } from '../../shared/sourceUsage'
import { openRecord } from '../notes/actions'
import { useApp } from '../state/store'

export function CitedBy({ id }: { id: string }) {
  const incidents = useApp((s) => s.incidents)
  const citations = useMemo(() => citationsOf(incidents, id), [incidents, id])
  return (
    <section className="notes-backlinks cited-by" aria-label="Records that cite this source">
      <h2>
        Cited by <span className="muted">({citations.length})</span>
      </h2>
      {citations.length === 0 ? (
        <p className="muted">Nothing cites this source. Cite it from an incident’s Sources section or from one of its attributions or responses.</p>
      ) : (
        <ul>
          {citations.map((c) => (
            <li key={`${c.incidentId}/${c.claimId ?? ''}`}>
              <button type="button" className="notes-backlink" onClick={() => openRecord('incident', c.incidentId)}>
                {describeCitation(c)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
