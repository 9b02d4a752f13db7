// The map's data for the incidents under the app-wide filter, rebuilt when the filter or the incidents change.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Incident } from '../../shared/domain'
import { buildMapData, type LonLat, type MapData } from '../../shared/mapData'
import { mapBuildStats } from '../debug'
import { useApp } from '../state/store'
import { useFilteredIncidents } from '../state/filteredIncidents'
import { loadAnchors } from './geoAssets'

export interface MapDataState {
  data: MapData | null
  /** ISO code → label point, once the label file is read. */
  anchors: ReadonlyMap<string, LonLat> | null
  incidents: Incident[]
  total: number
  error: string | null
}

export function useMapData(): MapDataState {
  const filterStarted = performance.now()
  const { incidents, total } = useFilteredIncidents()
  const lastFiltered = useRef<Incident[] | null>(null)
  if (lastFiltered.current !== incidents) {
    mapBuildStats.filterMs = performance.now() - filterStarted
    lastFiltered.current = incidents
  }
  const all = useApp((s) => s.incidents)
  const [anchors, setAnchors] = useState<Map<string, LonLat> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    loadAnchors().then(setAnchors, (err: Error) => setError(err.message))
  }, [])
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
    mapBuildStats.buildMs = performance.now() - started
    return d
  }, [incidents, all, anchors])
  return { data, anchors, incidents, total, error }
}
