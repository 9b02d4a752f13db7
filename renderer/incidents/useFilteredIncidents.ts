// The incidents under the app-wide filter, in the table's sort order.
import { useMemo } from 'react'
import { compileFilter, searchableText, sortIncidents } from '../../shared/filter'
import type { Actor, Incident } from '../../shared/domain'
import { useApp } from '../state/store'

export function useFilteredIncidents(): { rows: Incident[]; total: number } {
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const filter = useApp((s) => s.filter)
  const sort = useApp((s) => s.sort)
  const actorMap = useMemo(() => new Map<string, Actor>(actors.map((a) => [a.id, a])), [actors])
  // Keyed by record object: an edited incident is a new object, so its text is recomputed once;
  // an edited actor renews the whole cache, since incidents are searched by their actors' names.
  const textCache = useMemo(() => new WeakMap<Incident, string>(), [actorMap])
  // Sorted once per data or column change; typing in the filter only filters the sorted list.
  const sorted = useMemo(() => sortIncidents([...incidents], sort), [incidents, sort])
  const rows = useMemo(() => {
    const test = compileFilter(filter)
    const textOf = (i: Incident) => {
      let t = textCache.get(i)
      if (t === undefined) textCache.set(i, (t = searchableText(i, actorMap)))
      return t
    }
    return sorted.filter((i) => test(i, textOf))
  }, [sorted, actorMap, textCache, filter])
  return { rows, total: incidents.length }
}
