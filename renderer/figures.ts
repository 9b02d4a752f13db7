// A page with no UI that draws briefing figures for hosts without a renderer: the CLI opens it in headless Chromium and calls window.watchfloorFigures.
import type { Incident, ReportDefinition } from '../shared/domain'
import type { Figure } from '../shared/report/blocks'
import { drawMapFigure, mapTitle } from './reports/mapFigure'

export interface FiguresPage {
  /** The situation map of `incidents` (already scoped by `definition`), exactly as the Reports view draws it. */
  map(incidents: Incident[], definition: ReportDefinition): Promise<Figure>
}

const api: FiguresPage = { map: (incidents, definition) => drawMapFigure(incidents, mapTitle(definition)) }
;(window as unknown as { watchfloorFigures: FiguresPage }).watchfloorFigures = api
