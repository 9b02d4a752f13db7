// Id → kind and current title of every linkable record, recomputed when any collection changes.
import { useMemo } from 'react'
import { recordIndex, type RecordRef } from '../../shared/wikiLinks'
import { useApp } from '../state/store'

export function useRecordRefs(): Map<string, RecordRef> {
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const sources = useApp((s) => s.sources)
  const notes = useApp((s) => s.notes)
  return useMemo(() => recordIndex({ incidents, actors, sources, notes }), [incidents, actors, sources, notes])
}
