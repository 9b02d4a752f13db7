// Exports a briefing in one format: resolve, render, then write beside the target and rename, so a failed export leaves no half-written file.
import { resolve } from 'node:path'
import type { ReportDefinition } from '../../../../shared/domain'
import { ServiceError } from '../../../../shared/result'
import type { Briefing, Figure } from '../../../../shared/report/blocks'
import type { ExportFormat, ExportProgress, ExportResult } from '../../../../shared/report/exportTypes'
import { resolveBriefing, type BriefingData } from '../../../../shared/report/model'
import { pdfTemplates, PDF_MARGINS_MM, renderHtml } from '../../../../shared/report/renderHtml'
import { renderMarkdown } from '../../../../shared/report/renderMarkdown'
import type { PdfRenderer } from './PdfRenderer'
import { renderDocx } from './renderDocx'
import { writeFileAtomic } from '../../fs/atomicWrite'

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

/** Renders and writes one export to `out`. */
export async function exportBriefing(req: RenderRequest & { out: string }): Promise<ExportResult> {
  const started = performance.now()
  const { bytes, briefing } = await renderBriefing(req)
  req.onProgress?.({ format: req.format, stage: 'Writing the file', step: STEPS, of: STEPS })
  const path = resolve(req.out)
  await writeFileAtomic(path, bytes)
  return { format: req.format, path, bytes: bytes.byteLength, tlp: briefing.tlp, incidents: briefing.incidentCount, ms: Math.round(performance.now() - started) }
}

/** `albania-2022-briefing`: a file-name-safe slug of a report name. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return s || 'briefing'
}
