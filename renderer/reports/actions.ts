// What the Reports view does to the workspace: save and delete (with undo) report definitions, and run exports while polling their progress.
import type { Report, ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import type { ExportFormat, ExportProgress, ExportResult } from '../../shared/report/exportTypes'
import type { FigureSectionId } from '../../shared/report/sectionIds'
import { client } from '../api'
import { firstField, focusWhenShown, viewStart } from '../shell/focus'
import { deleteWithUndo, guard, put } from '../state/actions'
import { setState, type Editing } from '../state/store'

export const editReport = (report: Editing) => guard(() => setState({ report }))

/** Opens a new report definition, focused on its first field. */
export const newReport = () =>
  guard(() => {
    setState({ report: { kind: 'new' } })
    focusWhenShown(() => firstField('form[data-report="new"]'))
  })

/** Leaves the report form (asking first when it has edits) and returns to the list of saved reports. */
export const leaveReport = () =>
  guard(() => {
    setState({ report: { kind: 'none' } })
    focusWhenShown(() => viewStart('reports'))
  })

/** Creates (id null) or replaces a report definition; throws WorkbenchError with field issues on invalid input. */
export async function saveReport(id: string | null, input: ReportDefinition): Promise<Report> {
  const saved = id ? await client.reports.update({ id, input }) : await client.reports.create(input)
  put('reports', saved)
  setState({ report: { kind: 'existing', id: saved.id }, dirty: false })
  return saved
}

export const deleteReport = (id: string) =>
  deleteWithUndo({
    collection: 'reports',
    noun: 'report',
    name: (r) => r.name,
    remove: () => client.reports.delete({ id }),
    restore: (r) => client.reports.restore(r),
    deleted: () => setState({ report: { kind: 'none' }, dirty: false }),
    restored: (back) => setState({ report: { kind: 'existing', id: back.id } }),
  })

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
