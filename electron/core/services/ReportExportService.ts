// Exports of the open workspace's briefings into its `exports/` folder, one at a time, with progress the window can poll.
import { join } from 'node:path'
import type { ReportDefinition } from '../../../shared/domain'
import { ServiceError } from '../../../shared/result'
import type { Figure } from '../../../shared/report/blocks'
import type { ExportFormat, ExportProgress, ExportResult } from '../../../shared/report/exportTypes'
import type { AuditLog } from '../store/AuditLog'
import { EXPORTS_DIR } from '../store/files'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import { exportBriefing, slug } from './report/exportBriefing'
import type { PdfRenderer } from './report/PdfRenderer'

/** UTC time to the millisecond, for file names: 20260929-101502-123. */
function stamp(d = new Date()): string {
  return d.toISOString().slice(0, 23).replace(/[-:]/g, '').replace('T', '-').replace('.', '-')
}

export class ReportExportService {
  private running: ExportProgress | null = null

  constructor(
    private readonly store: WorkspaceStore,
    private readonly audit: AuditLog,
    private readonly pdf?: PdfRenderer,
  ) {}

  /** The running export's stage, or null when none runs. */
  get progress(): ExportProgress | null {
    return this.running
  }

  /** Exports `definition` against the current data to `exports/<name>-<UTC time to the ms>.<ext>` (never replacing a file), with the figures the renderer drew (map, timeline). */
  async export(definition: ReportDefinition, format: ExportFormat, figures?: Partial<Record<string, Figure>>): Promise<ExportResult> {
    if (this.running) throw new ServiceError('conflict', `An export (${this.running.format.toUpperCase()}) is already running; wait for it to finish.`)
    this.running = { format, stage: 'Starting', step: 0, of: 3 }
    try {
      const out = join(this.store.dir, EXPORTS_DIR, `${slug(definition.name)}-${stamp()}.${format}`)
      const result = await exportBriefing({ data: this.store.data, definition, format, figures, pdf: this.pdf, out, unique: true, onProgress: (p) => (this.running = p) })
      // A read-only workspace belongs to another process (or is damaged): its audit log is not ours to write.
      if (!this.store.readOnlyReason) {
        await this.audit
          .record({ action: 'export', collection: 'reports', id: slug(definition.name), title: definition.title, fields: [format, result.path] })
          .catch((err: unknown) => console.warn('[watchfloor] could not record the export in the audit log:', err))
      }
      return result
    } finally {
      this.running = null
    }
  }
}
