// Export buttons for the briefing being edited, the running export's progress, and where the last file went.
import { useState } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat, type ExportProgress, type ExportResult } from '../../shared/report/exportTypes'
import { tlpLabel } from '../../shared/report/blocks'
import { errorMessage, toast } from '../state/actions'
import { useApp } from '../state/store'
import { FIGURE_NAMES } from '../../shared/report/sections'
import { runExport } from './actions'
import type { BriefingFigures } from './useBriefingFigures'

interface Props {
  /** The definition to export (the form's current state, saved or not); null while it is invalid. */
  definition: ReportDefinition | null
  /** The figures drawn for it; exports wait while one is being drawn. */
  figures: BriefingFigures
}

export function ExportBar({ definition, figures }: Props) {
  const [running, setRunning] = useState<ExportFormat | null>(null)
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [last, setLast] = useState<ExportResult | null>(null)
  const drawing = figures.drawing.length > 0
  const encrypted = useApp((s) => s.info?.encrypted === true)

  async function go(format: ExportFormat) {
    if (!definition) return
    setRunning(format)
    setLast(null)
    try {
      const result = await runExport(definition, format, setProgress, figures.figures)
      setLast(result)
      toast('info', `Exported ${EXPORT_FORMAT_LABELS[format]} to ${result.path}`)
    } catch (err) {
      toast('error', `The ${EXPORT_FORMAT_LABELS[format]} export failed; no file was written. ${errorMessage(err)}`)
    } finally {
      setRunning(null)
    }
  }

  return (
    <section className="report-export" aria-label="Export">
      <div className="report-export-buttons">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" disabled={!definition || running !== null || drawing} onClick={() => void go(f)}>
            Export {EXPORT_FORMAT_LABELS[f]}
          </button>
        ))}
      </div>
      <div className="report-export-status" role="status" aria-live="polite">
        {running ? (
          <>
            <progress max={progress?.of ?? 3} value={progress?.step ?? undefined} aria-label={`Exporting ${EXPORT_FORMAT_LABELS[running]}`} />
            <span>
              Exporting {EXPORT_FORMAT_LABELS[running]}… {progress ? `${progress.stage} (${progress.step}/${progress.of})` : ''}
            </span>
          </>
        ) : drawing ? (
          <span className="muted">Drawing the {figures.drawing.map((id) => FIGURE_NAMES[id]).join(' and the ')} for the export…</span>
        ) : last ? (
          <span className="report-export-done">
            Wrote <code>{last.path}</code> ({Math.ceil(last.bytes / 1024)} kB, {tlpLabel(last.tlp)}, {last.incidents} incidents, {(last.ms / 1000).toFixed(1)} s)
          </span>
        ) : (
          <span className="muted">
            Exports the form as it stands, saved or not, into the workspace’s exports folder, named after the report and the time.
            {encrypted ? ' The workspace is encrypted, but exports are written as plain files.' : ''}
          </span>
        )}
      </div>
    </section>
  )
}
