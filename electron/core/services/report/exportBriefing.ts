// Exports a briefing in one format: resolve, render, then write beside the target and rename, so a failed export leaves no half-written file.
import { dirname, resolve } from 'node:path'
import type { ReportDefinition } from '../../../../shared/domain'
import { ServiceError } from '../../../../shared/result'
import type { Briefing, Figure } from '../../../../shared/report/blocks'
import type { ExportFormat, ExportProgress, ExportResult } from '../../../../shared/report/exportTypes'
import { resolveBriefing, type BriefingData } from '../../../../shared/report/model'
import { pdfTemplates, PDF_MARGINS_MM, renderHtml } from '../../../../shared/report/renderHtml'
import { renderMarkdown } from '../../../../shared/report/renderMarkdown'
import type { PdfRenderer } from './PdfRenderer'
import { renderDocx } from './renderDocx'
import { refuseSymlink, writeFileAtomic } from '../../fs/atomicWrite'

export interface RenderRequest {
  data: BriefingData
  definition: ReportDefinition
  format: ExportFormat
  /** Needed for PDF only. */
  pdf?: PdfRenderer
  onProgress?(p: ExportProgress): void
  /** Date for a definition without one (YYYY-MM-DD); today by default. */
  today?: string
  figures?: Partial<Record<string, Figure>>
}

const STEPS = 3

/** Renders the briefing to the bytes of one format. */
export async function renderBriefing(req: RenderRequest): Promise<{ bytes: Uint8Array; briefing: Briefing }> {
  const progress = (step: number, stage: string) => req.onProgress?.({ format: req.format, stage, step, of: STEPS })
  progress(1, 'Resolving the scope and sections')
  const briefing = resolveBriefing(req.data, req.definition, { today: req.today, figures: req.figures })
  progress(2, `Rendering ${req.format.toUpperCase()}`)
  let bytes: Uint8Array
  switch (req.format) {
    case 'html':
      bytes = Buffer.from(renderHtml(briefing, { standalone: true }), 'utf8')
      break
    case 'md':
      bytes = Buffer.from(renderMarkdown(briefing), 'utf8')
      break
    case 'docx':
      bytes = await renderDocx(briefing)
      break
    case 'pdf': {
      if (!req.pdf) throw new ServiceError('internal', 'This host cannot print PDFs (no PDF renderer is configured).')
      const { header, footer } = pdfTemplates(briefing)
      bytes = await req.pdf.render({ html: renderHtml(briefing), header, footer, margins: PDF_MARGINS_MM })
      break
    }
  }
  return { bytes, briefing }
}

/** Writes `bytes` to the first of `file`, `file-2`, `file-3`… that does not exist yet; never replaces a file. */
async function writeUnique(file: string, bytes: Uint8Array): Promise<string> {
  const dot = file.lastIndexOf('.')
  for (let n = 1; ; n++) {
    const path = n === 1 ? file : `${file.slice(0, dot)}-${n}${file.slice(dot)}`
    try {
      await writeFileAtomic(path, bytes, { noReplace: true })
      return path
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw err
    }
  }
}

/** Renders and writes one export to `out`; with `unique`, under a new name when `out` exists, so no export replaces another. */
export async function exportBriefing(req: RenderRequest & { out: string; unique?: boolean }): Promise<ExportResult> {
  const started = performance.now()
  const { bytes, briefing } = await renderBriefing(req)
  req.onProgress?.({ format: req.format, stage: 'Writing the file', step: STEPS, of: STEPS })
  await refuseSymlink(dirname(resolve(req.out)), 'exports')
  let path = resolve(req.out)
  if (req.unique) path = await writeUnique(path, bytes)
  else await writeFileAtomic(path, bytes)
  return { format: req.format, path, bytes: bytes.byteLength, tlp: briefing.tlp, incidents: briefing.incidentCount, ms: Math.round(performance.now() - started) }
}

/** `albania-2022-briefing`: a file-name-safe slug of a report name; `fallback` when nothing of the name is left. */
export function slug(name: string, fallback = 'briefing'): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return s || fallback
}
