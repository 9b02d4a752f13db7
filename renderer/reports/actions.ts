// What the Reports view does to the workspace: save and delete (with undo) report definitions, and run exports while polling their progress.
import type { Report, ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import type { ExportFormat, ExportProgress, ExportResult } from '../../shared/report/exportTypes'
import type { FigureSectionId } from '../../shared/report/sectionIds'
import { client } from '../api'
import { recordActions } from '../state/recordActions'

/** Open, new (focused on its first field), leave (asking first when the form has edits), save, and delete with Undo. */
export const { edit: editReport, create: newReport, leave: leaveReport, save: saveReport, remove: deleteReport } = recordActions<Report, ReportDefinition>('report', client.reports, (r) => r.name)

/** How often the view asks the host how far an export has got, in ms. */
const PROGRESS_POLL_MS = 200

/** Runs one export with the figures the views drew, calling `onProgress` with the host's stage while it runs. */
export async function runExport(
  report: ReportDefinition,
  format: ExportFormat,
  onProgress: (p: ExportProgress | null) => void,
  figures: Partial<Record<FigureSectionId, Figure>> = {},
): Promise<ExportResult> {
  let done = false
  const poll = async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, PROGRESS_POLL_MS))
      if (done) break
      const p = await client.report.progress().catch(() => null)
      if (!done) onProgress(p)
    }
  }
  void poll()
  try {
    return await client.report.export({ report, format, figures })
  } finally {
    done = true
    onProgress(null)
  }
}
