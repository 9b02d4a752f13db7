// `watchfloor report DIR --format F --out FILE [--report NAME]`: exports a saved briefing, or the whole-workspace default, without opening the workspace for writing.
import { messageOf, ServiceError } from '../../../shared/result'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/report/exportTypes'
import type { Figure } from '../../../shared/report/blocks'
import { defaultReport, scopedIncidents } from '../../../shared/report/model'
import type { FigureSectionId } from '../../../shared/report/sectionIds'
import { tlpLabel } from '../../../shared/report/blocks'
import { FIGURE_NAMES, missingFigures } from '../../../shared/report/sections'
import { drawFiguresInChromium } from '../../core/services/report/ChromiumFigures'
import { ChromiumPdfRenderer } from '../../core/services/report/ChromiumPdfRenderer'
import { exportBriefing } from '../../core/services/report/exportBriefing'
import { validateWorkspace } from '../../core/store/validate'

export interface ReportOptions {
  dir: string
  /** The passphrase of an encrypted workspace. */
  passphrase?: string
  format: string | undefined
  out: string | undefined
  /** Name (or id) of a saved report; the whole-workspace default when absent. */
  report: string | undefined
  /** The built renderer (out/renderer), whose figures page draws the map in headless Chromium; without it, figures are left out. */
  rendererDir?: string
  log(line: string): void
}

export async function reportCommand(o: ReportOptions): Promise<number> {
  if (!o.format || !(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new ServiceError('invalid-input', `--format must be one of ${EXPORT_FORMATS.join(', ')}.`)
  if (!o.out) throw new ServiceError('invalid-input', '--out FILE is required.')
  const format = o.format as ExportFormat
  const result = await validateWorkspace(o.dir, o.passphrase)
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
  // Figures (situation map, timeline) are drawn by the renderer: its figures page in headless Chromium.
  const wanted = missingFigures({ definition, figures: {} })
  const names = (ids: readonly FigureSectionId[]) => ids.map((id) => FIGURE_NAMES[id]).join(' and the ')
  let figures: Partial<Record<FigureSectionId, Figure>> = {}
  let problems: Partial<Record<FigureSectionId, string>> = {}
  let why = 'this build has no renderer to draw them'
  if (wanted.length && o.rendererDir) {
    const started = performance.now()
    process.stderr.write(`Drawing the ${names(wanted)} in headless Chromium\n`)
    try {
      ;({ figures, problems } = await drawFiguresInChromium(o.rendererDir, wanted, scopedIncidents(ws, definition), definition, ws.actors))
      const drawn = wanted.filter((id) => figures[id])
      if (drawn.length) o.log(`Drew the ${names(drawn)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
    } catch (err) {
      why = messageOf(err)
    }
  }
  const pdf = format === 'pdf' ? new ChromiumPdfRenderer() : undefined
  try {
    const done = await exportBriefing({ data: ws, definition, format, figures, pdf, out: o.out, onProgress: (p) => process.stderr.write(`[${p.step}/${p.of}] ${p.stage}\n`) })
    o.log(`Wrote ${done.path} (${format.toUpperCase()}, ${Math.ceil(done.bytes / 1024)} kB, ${tlpLabel(done.tlp)}, ${done.incidents} incidents) in ${(done.ms / 1000).toFixed(1)} s.`)
    for (const id of missingFigures({ definition, figures })) o.log(`Left out: the ${FIGURE_NAMES[id]}, which could not be drawn: ${problems[id] ?? why}.`)
    return 0
  } finally {
    await pdf?.close()
  }
}
