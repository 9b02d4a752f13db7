// `watchfloor report DIR --format F --out FILE [--report NAME]`: exports a saved briefing, or the whole-workspace default, without opening the workspace for writing.
import { ServiceError } from '../shared/result'
import { EXPORT_FORMATS, type ExportFormat } from '../shared/report/exportTypes'
import { defaultReport } from '../shared/report/model'
import { tlpLabel } from '../shared/report/blocks'
import { FIGURE_NAMES, missingFigures } from '../shared/report/sections'
import { ChromiumPdfRenderer } from './services/report/ChromiumPdfRenderer'
import { exportBriefing } from './services/report/exportBriefing'
import { validateWorkspace } from './store/validate'

export interface ReportOptions {
  dir: string
  format: string | undefined
  out: string | undefined
  /** Name (or id) of a saved report; the whole-workspace default when absent. */
  report: string | undefined
  log(line: string): void
}

export async function reportCommand(o: ReportOptions): Promise<number> {
  if (!o.format || !(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new ServiceError('invalid-input', `--format must be one of ${EXPORT_FORMATS.join(', ')}.`)
  if (!o.out) throw new ServiceError('invalid-input', '--out FILE is required.')
  const format = o.format as ExportFormat
  const result = await validateWorkspace(o.dir)
  if (!result.ok) throw new ServiceError('invalid-input', result.problems.join('\n'))
  const ws = result.workspace
  let definition = defaultReport(ws.name)
  if (o.report !== undefined) {
    const wanted = o.report.trim().toLowerCase()
    const found = ws.reports.find((r) => r.id === o.report || r.name.trim().toLowerCase() === wanted)
    if (!found) {
      const names = ws.reports.map((r) => `“${r.name}”`).join(', ')
      throw new ServiceError('not-found', `No saved report named “${o.report}”. ${names ? `Saved reports: ${names}.` : 'The workspace has no saved report; leave out --report for the whole-workspace briefing.'}`)
    }
    definition = found
  }
  const pdf = format === 'pdf' ? new ChromiumPdfRenderer() : undefined
  try {
    const done = await exportBriefing({ data: ws, definition, format, pdf, out: o.out, onProgress: (p) => process.stderr.write(`[${p.step}/${p.of}] ${p.stage}\n`) })
    o.log(`Wrote ${done.path} (${format.toUpperCase()}, ${Math.ceil(done.bytes / 1024)} kB, ${tlpLabel(done.tlp)}, ${done.incidents} incidents) in ${(done.ms / 1000).toFixed(1)} s.`)
    const left = missingFigures({ definition, figures: {} })
    if (left.length) o.log(`Left out: the ${left.map((id) => FIGURE_NAMES[id]).join(' and the ')}. Figures are drawn by the Watchfloor app; export from its Reports view to include them.`)
    return 0
  } finally {
    await pdf?.close()
  }
}
