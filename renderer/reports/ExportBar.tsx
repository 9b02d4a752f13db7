// Export buttons for the briefing being edited, the running export's progress, and where the last file went.
import { useState } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat, type ExportProgress, type ExportResult } from '../../shared/report/exportTypes'
import { tlpLabel } from '../../shared/report/blocks'
import { errorMessage, toast } from '../state/actions'
import { runExport } from './reportActions'

interface Props {
  /** The definition to export (the form's current state, saved or not); null while it is invalid. */
  definition: ReportDefinition | null
}

export function ExportBar({ definition }: Props) {
  const [running, setRunning] = useState<ExportFormat | null>(null)
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [last, setLast] = useState<ExportResult | null>(null)

  async function go(format: ExportFormat) {
    if (!definition) return
    setRunning(format)
    setLast(null)
    try {
      const result = await runExport(definition, format, setProgress)
      setLast(result)
      toast('info', `Exported ${EXPORT_FORMAT_LABELS[format]} to ${result.path}`)
    } catch (err) {
      toast('error', `The ${EXPORT_FORMAT_LABELS[format]} export failed; no file was written. ${errorMessage(err)}`)
    } finally {
      setRunning(null)
    }
  }

  return (
    <div className="report-export" aria-label="Export">
      <div className="report-export-buttons">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" disabled={!definition || running !== null} onClick={() => void go(f)}>
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
        ) : last ? (
          <span className="report-export-done">
            Wrote <code>{last.path}</code> ({Math.ceil(last.bytes / 1024)} kB, {tlpLabel(last.tlp)}, {last.incidents} incidents, {(last.ms / 1000).toFixed(1)} s)
          </span>
        ) : (
          <span className="muted">Exports the form as it stands, saved or not, into the workspace’s exports folder, named after the report and the time.</span>
        )}
      </div>
    </div>
  )
}
