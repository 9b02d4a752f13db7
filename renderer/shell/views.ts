// The views of the shell, in tab order: each with its label, Alt+digit shortcut and component.
import type { ComponentType } from 'react'
import { ActorsView } from '../actors/ActorsView'
import { IncidentsView } from '../incidents/IncidentsView'
import { MapView } from '../map/MapView'
import { NotesView } from '../notes/NotesView'
import { ReportsView } from '../reports/ReportsView'
import { TimelineView } from '../timeline/TimelineView'

export interface ViewSpec {
  id: string
  label: string
  /** Alt+key switches to the view. */
  key: string
  component: ComponentType
}

export const VIEWS: ViewSpec[] = [
  { id: 'incidents', label: 'Incidents', key: '1', component: IncidentsView },
  { id: 'actors', label: 'Actors', key: '2', component: ActorsView },
  { id: 'map', label: 'Map', key: '3', component: MapView },
  { id: 'timeline', label: 'Timeline', key: '4', component: TimelineView },
  { id: 'notes', label: 'Notes', key: '5', component: NotesView },
  { id: 'reports', label: 'Reports', key: '6', component: ReportsView },
]
