// The views of the shell, in tab order: each with its label, Alt+digit shortcut and component.
import type { ComponentType } from 'react'
import { ActorsView } from '../actors/ActorsView'
import { IncidentsView } from '../incidents/IncidentsView'
import { MapView } from '../map/MapView'
import { NotesView } from '../notes/NotesView'
import { ReportsView } from '../reports/ReportsView'
import { SourcesView } from '../sources/SourcesView'
import { TimelineView } from '../timeline/TimelineView'
import { VIEW_IDS, type View } from '../state/store'

export interface ViewSpec {
  id: View
  label: string
  /** Alt+key switches to the view. */
  key: string
  component: ComponentType
}

const SPECS: Record<View, Omit<ViewSpec, 'id' | 'key'>> = {
  incidents: { label: 'Incidents', component: IncidentsView },
  actors: { label: 'Actors', component: ActorsView },
  map: { label: 'Map', component: MapView },
  timeline: { label: 'Timeline', component: TimelineView },
  notes: { label: 'Notes', component: NotesView },
  reports: { label: 'Reports', component: ReportsView },
  sources: { label: 'Sources', component: SourcesView },
}

/** Every view in tab order; Alt+1 … Alt+7 by position. */
export const VIEWS: ViewSpec[] = VIEW_IDS.map((id, n) => ({ id, key: String(n + 1), ...SPECS[id] }))
