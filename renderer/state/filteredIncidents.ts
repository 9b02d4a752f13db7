// The one selector of incidents under the app-wide filter, for the table, map, timeline and reports: one text cache, renewed when actors change.
import { useMemo } from 'react'
import type { Actor, Incident } from '../../shared/domain'
import { filterIncidents, sortIncidents, textIndex, type IncidentFilter } from '../../shared/filter'
import { useApp } from './store'

let current: { actors: readonly Actor[]; byId: ReadonlyMap<string, Actor>; textOf: (incident: Incident) => string } | null = null

/** The actors by id and the search text of incidents, for this list of actors: an edited actor renews both, so its incidents are found by its new name. */
function indexFor(actors: readonly Actor[]) {
  if (current?.actors !== actors) {
    const byId = new Map(actors.map((a) => [a.id, a]))
    current = { actors, byId, textOf: textIndex(byId) }
  }
  return current
}

/** Actors by id and the cached search text of incidents. */
export function useIncidentIndex(): { actors: ReadonlyMap<string, Actor>; textOf: (incident: Incident) => string } {
  const actors = useApp((s) => s.actors)
  return useMemo(() => {
    const { byId, textOf } = indexFor(actors)
    return { actors: byId, textOf }
  }, [actors])
}

export interface FilteredIncidents {
  /** Matching incidents in stored order; the very stored list when no criterion is set. */
  incidents: Incident[]
  total: number
  actors: ReadonlyMap<string, Actor>
}

/** The incidents under the app-wide filter; `withDates: false` leaves out the date window (the timeline shows it as its brush). */
export function useFilteredIncidents({ withDates = true }: { withDates?: boolean } = {}): FilteredIncidents {
  const all = useApp((s) => s.incidents)
  const filter = useApp((s) => s.filter)
  const { actors, textOf } = useIncidentIndex()
  const from = withDates ? filter.from : null
  const to = withDates ? filter.to : null
  const { text, victim, sponsor, type, nexus, incidentDatesOnly } = filter
  const incidents = useMemo(() => {
    const f: IncidentFilter = { text, victim, sponsor, type, nexus, from, to, incidentDatesOnly }
    return filterIncidents(all, f, textOf)
  }, [all, textOf, text, victim, sponsor, type, nexus, from, to, incidentDatesOnly])
  return { incidents, total: all.length, actors }
}

/** The table's rows: the filtered incidents in the table's sort order (sorted once per data or column change; typing only filters). */
export function useSortedIncidents(): { rows: Incident[]; total: number } {
  const all = useApp((s) => s.incidents)
  const filter = useApp((s) => s.filter)
  const sort = useApp((s) => s.sort)
  const { textOf } = useIncidentIndex()
  const sorted = useMemo(() => sortIncidents([...all], sort), [all, sort])
  const rows = useMemo(() => filterIncidents(sorted, filter, textOf), [sorted, filter, textOf])
  return { rows, total: all.length }
}
