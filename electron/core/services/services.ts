// The services of one open workspace: incidents, actors, sources, notes and reports over the same store and audit log, and briefing exports.
import type { Workspace } from '../../../shared/workspace'
import { citationsOf, describeCitation } from '../../../shared/sourceUsage'
import { linkedIds } from '../../../shared/wikiLinks'
import { AuditLog } from '../store/AuditLog'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import { ArchiveService } from './ArchiveService'
import { RecordService } from './RecordService'
import { Uploads } from './Uploads'
import { InterchangeService } from './InterchangeService'
import { ReportExportService } from './ReportExportService'
import type { PdfRenderer } from './report/PdfRenderer'

/** Notes (other than `id` itself) that link to `id` or are attached to it. */
function noteReferrers(data: Workspace, id: string): string[] {
  return data.notes.filter((n) => n.id !== id && (n.incidentId === id || linkedIds(n.body).includes(id))).map((n) => `note “${n.title}”`)
}

function actorReferrers(data: Workspace, id: string): string[] {
  return data.incidents
    .filter((i) => i.actorIds.includes(id) || i.attributions.some((a) => a.toActorId === id))
    .map((i) => `incident “${i.title}”`)
    .concat(noteReferrers(data, id))
}

function sourceReferrers(data: Workspace, id: string): string[] {
  return citationsOf(data.incidents, id).map(describeCitation).concat(noteReferrers(data, id))
}

/** `pdf` prints briefings to PDF; without one, PDF exports fail with a clear message. */
export function createServices(store: WorkspaceStore, pdf?: PdfRenderer) {
  const audit = new AuditLog(store.dir)
  const uploads = new Uploads()
  const archive = new ArchiveService(store, audit, uploads)
  return {
    store,
    audit,
    incidents: new RecordService(store, audit, { collection: 'incidents', noun: 'incident', idPrefix: 'inc', title: (r) => r.title, referrers: noteReferrers }),
    actors: new RecordService(store, audit, { collection: 'actors', noun: 'actor', idPrefix: 'actor', title: (r) => r.name, referrers: actorReferrers }),
    sources: new RecordService(store, audit, { collection: 'sources', noun: 'source', idPrefix: 'src', title: (r) => r.title, referrers: sourceReferrers, ...archive.recordHooks }),
    notes: new RecordService(store, audit, { collection: 'notes', noun: 'note', idPrefix: 'note', title: (r) => r.title, referrers: noteReferrers }),
    reports: new RecordService(store, audit, { collection: 'reports', noun: 'report', idPrefix: 'report', title: (r) => r.name }),
    exports: new ReportExportService(store, audit, pdf),
    interchange: new InterchangeService(store, audit, uploads),
    archive,
  }
}

export type Services = ReturnType<typeof createServices>
