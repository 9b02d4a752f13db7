// The incidents view: filter bar, the table of incidents under the filter, and the detail pane.
import { newIncident } from './actions'
import { useApp } from '../state/store'
import { FilterBar } from './FilterBar'
import { IncidentDetail } from './IncidentDetail'
import { IncidentTable } from './IncidentTable'
import { useSortedIncidents } from '../state/filteredIncidents'
import { EmptyState } from '../components/EmptyState'

export function IncidentsView() {
  const { rows, total } = useSortedIncidents()
  const readOnly = useApp((s) => s.info?.readOnly ?? null)

  return (
    <div className="view incidents-view">
      <FilterBar shown={rows.length} total={total} />
      <div className="split">
        <section className="list-pane" aria-label="Incident list">
          <div className="toolbar">
            <button type="button" className="primary" disabled={!!readOnly} onClick={newIncident} data-view-start={total === 0 ? '' : undefined}>
              + New incident
            </button>
          </div>
          {total === 0 ? (
            <EmptyState title="No incidents yet">
              Create the first incident with “New incident”, or open the sample workspace from the File menu to explore the Albania 2022 case.
            </EmptyState>
          ) : (
            <IncidentTable rows={rows} />
          )}
        </section>
        <IncidentDetail />
      </div>
    </div>
  )
}
