// The live preview: the very HTML the PDF is printed from, in a sandboxed frame, with what the analyst should check before exporting.
import { useDeferredValue, useMemo } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import { tlpLabel } from '../../shared/report/blocks'
import { resolveBriefing } from '../../shared/report/model'
import { renderHtml } from '../../shared/report/renderHtml'
import { useApp } from '../state/store'

/** Rows and incident pages the preview draws; a whole-workspace briefing of 100k incidents would otherwise freeze the window. */
const PREVIEW_LIMIT = 60

export function ReportPreview({ definition }: { definition: ReportDefinition | null }) {
  const deferred = useDeferredValue(definition)
  const name = useApp((s) => s.info?.name ?? '')
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const sources = useApp((s) => s.sources)
  const briefing = useMemo(() => (deferred ? resolveBriefing({ name, incidents, actors, sources }, deferred, { previewLimit: PREVIEW_LIMIT }) : null), [deferred, name, incidents, actors, sources])
  const html = useMemo(() => (briefing ? renderHtml(briefing) : ''), [briefing])

  if (!briefing) {
    return (
      <section className="report-preview" aria-label="Preview">
        <div className="empty-state">
          <h2>Nothing to preview</h2>
          <p>Fix the problems the form shows; the preview follows every change.</p>
        </div>
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
      {briefing.warnings.length > 0 ? (
        <ul className="report-warnings" aria-label="Before you export">
          {briefing.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <iframe className="report-frame" title="Briefing preview" sandbox="" srcDoc={html} />
    </section>
  )
}
