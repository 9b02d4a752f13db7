// The app's one search index, kept outside React: built on first use, then following every change to the records.
import { SearchIndex, syncIndex } from '../../shared/searchIndex'
import { getState, useApp, type AppState } from '../state/store'

let index: SearchIndex | null = null
let unsubscribe: (() => void) | null = null

const records = (s: AppState) => ({ incidents: s.incidents, actors: s.actors, sources: s.sources, notes: s.notes })

/** The index over the current records; the first call builds it (about 2 s for 100k incidents). */
export function searchIndex(): SearchIndex {
  if (index) return index
  index = SearchIndex.build(records(getState()))
  unsubscribe = useApp.subscribe((now, before) => {
    if (!index) return
    // A reloaded snapshot replaces every record object: rebuilding is cheaper than replacing each.
    if (now.info !== before.info) index = SearchIndex.build(records(now))
    else syncIndex(index, records(before), records(now))
  })
  return index
}

/** Drops the index (tests, or a workspace switch that should rebuild lazily). */
export function resetSearchIndex(): void {
  unsubscribe?.()
  unsubscribe = null
  index = null
}
