// A page with no UI that draws briefing figures for hosts without a renderer: the CLI opens it in headless Chromium and calls window.watchfloorFigures.
import type { FiguresPage } from '../shared/report/figuresPage'
import { drawMapFigure, figureDate, mapTitle } from './reports/mapFigure'
import { drawTimelineFigure } from './reports/timelineFigure'

const api: FiguresPage = {
  map: (incidents, definition) => drawMapFigure(incidents, mapTitle(definition), figureDate(definition)),
  timeline: (incidents, actors) => drawTimelineFigure(incidents, new Map(actors.map((a) => [a.id, a]))),
}
;(window as unknown as { watchfloorFigures: FiguresPage }).watchfloorFigures = api
