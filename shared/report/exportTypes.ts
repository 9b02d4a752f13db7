// Export formats of a briefing and what an export reports back: its progress while running and the file it wrote.
import type { Tlp } from '../domain'

export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = { pdf: 'PDF', docx: 'Word (DOCX)', md: 'Markdown', html: 'HTML' }

/** The stages of an export, in order; `step` counts from 1. */
export interface ExportProgress {
  format: ExportFormat
  stage: string
  step: number
  of: number
}

export interface ExportResult {
  format: ExportFormat
  /** Absolute path of the written file. */
  path: string
  bytes: number
  /** The marking the briefing carries. */
  tlp: Tlp
  incidents: number
  ms: number
}
