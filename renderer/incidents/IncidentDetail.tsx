// The incident detail pane any view can show: the selected incident's read view or its form, and the rest of a multiple selection.
import { formatDate } from '../locale'
import { focusSelected } from '../state/actions'
import { Backlinks } from '../notes/Backlinks'
import { useApp } from '../state/store'
import { IncidentForm } from './IncidentForm'
import { IncidentRead } from './IncidentRead'
import { EmptyState } from '../components/EmptyState'

export function IncidentDetail() {
  const editing = useApp((s) => s.incident)
  const selection = useApp((s) => s.selection)
  const formFor = useApp((s) => s.incidentForm)
  const incidents = useApp((s) => s.incidents)
  const incident = editing.kind === 'existing' ? (incidents.find((i) => i.id === editing.id) ?? null) : null
  const selected = selection.length > 1 ? selection.map((id) => incidents.find((i) => i.id === id)).filter((i) => i !== undefined) : []

  return (
    <section className="detail-pane" aria-label="Incident details">
      {selected.length > 1 ? (
        <nav className="selection-list" aria-label={`${selected.length} selected incidents`}>
          <span className="muted">{selected.length} selected:</span>
          {selected.map((i) => (
            <button key={i.id} type="button" aria-current={i.id === incident?.id} className={i.id === incident?.id ? 'active' : ''} onClick={() => focusSelected(i.id)}>
              {i.title} <span className="muted">{formatDate(i.start)}</span>
            </button>
          ))}
        </nav>
      ) : null}
      {editing.kind === 'none' || (editing.kind === 'existing' && !incident) ? (
        <EmptyState title="No incident selected">
          Select an incident (arrow keys move the selection in the table) or create a new one.
        </EmptyState>
      ) : incident && formFor !== incident.id ? (
        <IncidentRead incident={incident} />
      ) : (
        <IncidentForm key={editing.kind === 'new' ? 'new' : editing.id} incident={incident} />
      )}
      {incident ? <Backlinks id={incident.id} attachable /> : null}
    </section>
  )
}
