// The live preview: the very HTML the PDF is printed from, in a sandboxed frame, with what the analyst should check before exporting.
import { useDeferredValue, useMemo } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import { tlpLabel } from '../../shared/report/blocks'
import { resolveBriefing } from '../../shared/report/model'
import { renderHtml } from '../../shared/report/renderHtml'
import { FIGURE_SECTION_IDS } from '../../shared/report/sectionIds'
import { FIGURE_NAMES, sectionSpec } from '../../shared/report/sections'
import { useApp } from '../state/store'
import type { BriefingFigures } from './useBriefingFigures'
import { EmptyState } from '../components/EmptyState'

/** Rows and incident pages the preview draws; a whole-workspace briefing of 100k incidents would otherwise freeze the window. */
const PREVIEW_LIMIT = 60

export function ReportPreview({ definition, figures }: { definition: ReportDefinition | null; figures: BriefingFigures }) {
  const deferred = useDeferredValue(definition)
  const name = useApp((s) => s.info?.name ?? '')
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const sources = useApp((s) => s.sources)
  const notes = useApp((s) => s.notes)
  const briefing = useMemo(() => (deferred ? resolveBriefing({ name, incidents, actors, sources, notes }, deferred, { previewLimit: PREVIEW_LIMIT, figures: figures.figures }) : null), [deferred, name, incidents, actors, sources, notes, figures.figures])
  const html = useMemo(() => (briefing ? renderHtml(briefing) : ''), [briefing])

  // A figure being drawn, or one that failed, says so instead of the generic "not drawn" warning.
  const pendingFigures = [...figures.drawing, ...(Object.keys(figures.errors) as (keyof typeof figures.errors)[])]
  const figureNotes = [
    ...figures.drawing.map((id) => `Drawing the ${FIGURE_NAMES[id]}…`),
    ...Object.entries(figures.errors).map(([id, why]) => `The ${FIGURE_NAMES[id as keyof typeof FIGURE_NAMES]} could not be drawn, so it is left out: ${why}`),
  ]
  // With no incident in scope there is nothing to draw, and "No incident is in scope" says it already.
  const hidden = new Set([...pendingFigures, ...(briefing?.incidentCount === 0 ? FIGURE_SECTION_IDS : [])].map((id) => sectionSpec(id)?.emptyWarning))
  const warnings = briefing ? [...figureNotes, ...briefing.warnings.filter((w) => !hidden.has(w))] : []

  if (!briefing) {
    return (
      <section className="report-preview" aria-label="Preview">
        <EmptyState title="Nothing to preview">
          Fix the problems the form shows; the preview follows every change.
        </EmptyState>
      </section>
    )
  }
  return (
    <section className="report-preview" aria-label="Preview">
      <div className="report-preview-head">
        <strong>Preview</strong>
        <span className={`tlp tlp-${briefing.tlp.toLowerCase().replace('+', '-')}`}>{tlpLabel(briefing.tlp)}</span>
        <span className="muted">
          {briefing.incidentCount} incident{briefing.incidentCount === 1 ? '' : 's'} · {briefing.sections.length} section{briefing.sections.length === 1 ? '' : 's'}
        </span>
      </div>
      {warnings.length > 0 ? (
        <ul className="report-warnings" aria-label="Before you export">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <iframe className="report-frame" title="Briefing preview" sandbox="" srcDoc={html} />
    </section>
  )
}
