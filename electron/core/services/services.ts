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
import { IntakeService } from './IntakeService'
import { ReportExportService } from './ReportExportService'
import type { PdfRenderer } from './report/PdfRenderer'
import { SharingService } from './SharingService'
import { FileSecretStore, type SecretStore } from '../taxii/secretStore'

/** Notes (other than `id` itself) that link to `id` or are attached to it. */
function noteReferrers(data: Workspace, id: string): string[] {
  return data.notes.filter((n) => n.id !== id && (n.incidentId === id || linkedIds(n.body).includes(id))).map((n) => `note “${n.title}”`)
}

/** Incidents that name actor `id` (as a threat actor or the target of an attribution), then each claim made by it, then notes. */
function actorReferrers(data: Workspace, id: string): string[] {
  const incidents = data.incidents.filter((i) => i.actorIds.includes(id) || i.attributions.some((a) => a.toActorId === id)).map((i) => `incident “${i.title}”`)
  const claims = data.incidents.flatMap((i) => [
    ...i.attributions.filter((a) => a.attributorActorId === id).map((a) => `the attribution by “${a.attributor}” in incident “${i.title}”`),
    ...i.responses.filter((r) => r.actorId === id).map((r) => `the response by “${r.actor}” in incident “${i.title}”`),
  ])
  return incidents.concat(claims, noteReferrers(data, id))
}

function sourceReferrers(data: Workspace, id: string): string[] {
  return citationsOf(data.incidents, id).map(describeCitation).concat(noteReferrers(data, id))
}

/** `pdf` prints briefings to PDF; without one, PDF exports fail with a clear message. `secrets` keeps sharing credentials (a 0600 file in the user's config folder by default). */
export function createServices(store: WorkspaceStore, pdf?: PdfRenderer, secrets: SecretStore = new FileSecretStore()) {
  const audit = new AuditLog(store.dir, () => store.cipher, () => store.switchUnderWay)
  const uploads = new Uploads()
  const archive = new ArchiveService(store, audit, uploads)
  const incidents = new RecordService(store, audit, { collection: 'incidents', noun: 'incident', idPrefix: 'inc', title: (r) => r.title, referrers: noteReferrers })
  const actors = new RecordService(store, audit, { collection: 'actors', noun: 'actor', idPrefix: 'actor', title: (r) => r.name, referrers: actorReferrers })
  const sources = new RecordService(store, audit, { collection: 'sources', noun: 'source', idPrefix: 'src', title: (r) => r.title, referrers: sourceReferrers, ...archive.recordHooks })
  const interchange = new InterchangeService(store, audit, uploads)
  return {
    store,
    audit,
    incidents,
    actors,
    sources,
    intake: new IntakeService(store, { incidents, sources, actors }),
    notes: new RecordService(store, audit, { collection: 'notes', noun: 'note', idPrefix: 'note', title: (r) => r.title, referrers: noteReferrers }),
    reports: new RecordService(store, audit, { collection: 'reports', noun: 'report', idPrefix: 'report', title: (r) => r.name }),
    exports: new ReportExportService(store, audit, pdf),
    interchange,
    sharing: new SharingService(store, interchange, audit, secrets),
    archive,
  }
}

export type Services = ReturnType<typeof createServices>
