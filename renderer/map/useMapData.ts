// The map's data for the incidents under the app-wide filter, rebuilt when the filter or the incidents change.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Actor, Incident } from '../../shared/domain'
import { compileFilter, isEmptyFilter, searchableText } from '../../shared/filter'
import { useApp } from '../state/store'
import { loadAnchors } from './geoAssets'
import { buildMapData, type LonLat, type MapData } from '../../shared/mapData'

const textCache = new WeakMap<Incident, string>()

/** Milliseconds the last filter + build took (read by the bench through the map's debug handle). */
export const buildStats = { filterMs: 0, buildMs: 0 }

export interface MapDataState {
  data: MapData | null
  incidents: Incident[]
  total: number
  error: string | null
}

export function useMapData(): MapDataState {
  const all = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const filter = useApp((s) => s.filter)
  const [anchors, setAnchors] = useState<Map<string, LonLat> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    loadAnchors().then(setAnchors, (err: Error) => setError(err.message))
  }, [])
  const actorMap = useMemo(() => new Map<string, Actor>(actors.map((a) => [a.id, a])), [actors])
  const incidents = useMemo(() => {
    const started = performance.now()
    // No filter: the very list, so the map data of all incidents below is reused.
    if (isEmptyFilter(filter)) {
      buildStats.filterMs = performance.now() - started
      return all
    }
    const test = compileFilter(filter)
    const textOf = (i: Incident) => {
      let t = textCache.get(i)
      if (t === undefined) textCache.set(i, (t = searchableText(i, actorMap)))
      return t
    }
    const out = all.filter((i) => test(i, textOf))
    buildStats.filterMs = performance.now() - started
    return out
  }, [all, actorMap, filter])
  // The map of all incidents is kept while they are unchanged: clearing the filter builds nothing.
  const unfiltered = useRef<{ all: Incident[]; anchors: Map<string, LonLat>; data: MapData } | null>(null)
  const data = useMemo(() => {
    if (!anchors) return null
    const started = performance.now()
    let d: MapData
    if (incidents !== all) d = buildMapData(incidents, anchors)
    else {
      const kept = unfiltered.current
      d = kept && kept.all === all && kept.anchors === anchors ? kept.data : buildMapData(all, anchors)
      unfiltered.current = { all, anchors, data: d }
    }
    buildStats.buildMs = performance.now() - started
    return d
  }, [incidents, all, anchors])
  return { data, incidents, total: all.length, error }
}
