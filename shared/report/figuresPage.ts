// What the figures page (renderer/figures.ts) offers to hosts without a renderer: the CLI calls it in headless Chromium.
import type { Actor, Incident, ReportDefinition } from '../domain'
import type { Figure } from './blocks'

export interface FiguresPage {
  /** The situation map of `incidents` (already scoped by `definition`), exactly as the Reports view draws it. */
  map(incidents: Incident[], definition: ReportDefinition): Promise<Figure>
  /** The timeline figure of `incidents`, exactly as the Reports view draws it. */
  timeline(incidents: Incident[], actors: Actor[]): Promise<Figure>
}
