// A page with no UI that draws briefing figures for hosts without a renderer: the CLI opens it in headless Chromium and calls window.watchfloorFigures.
import type { Actor, Incident, ReportDefinition } from '../shared/domain'
import type { Figure } from '../shared/report/blocks'
import { drawMapFigure, mapTitle } from './reports/mapFigure'
import { drawTimelineFigure } from './reports/timelineFigure'

export interface FiguresPage {
  /** The situation map of `incidents` (already scoped by `definition`), exactly as the Reports view draws it. */
  map(incidents: Incident[], definition: ReportDefinition): Promise<Figure>
  /** The timeline figure of `incidents`, exactly as the Reports view draws it. */
  timeline(incidents: Incident[], actors: Actor[]): Promise<Figure>
}

const api: FiguresPage = {
  map: (incidents, definition) => drawMapFigure(incidents, mapTitle(definition)),
  timeline: (incidents, actors) => drawTimelineFigure(incidents, new Map(actors.map((a) => [a.id, a]))),
}
;(window as unknown as { watchfloorFigures: FiguresPage }).watchfloorFigures = api
