// The services of one open workspace: incidents, actors, sources, notes and reports over the same store and audit log, and briefing exports.
import type { Incident, Note } from '../../../shared/domain'
import type { FieldIssue } from '../../../shared/result'
import type { Workspace } from '../../../shared/workspace'
import { citesSource } from '../../../shared/references'
import { linkedIds } from '../../../shared/wikiLinks'
import { AuditLog } from '../store/AuditLog'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import { RecordService } from './RecordService'
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
  return data.incidents
    .filter((i) => citesSource(i, id))
    .map((i) => `incident “${i.title}”`)
    .concat(noteReferrers(data, id))
}

/** Ids of every record a note may link to. */
function linkableIds(data: Workspace): Set<string> {
  return new Set([...data.incidents, ...data.actors, ...data.sources, ...data.notes].map((r) => r.id))
}

/** A note's attached incident must exist, and every `[[id]]` in its text must name a record. */
function noteRefs(data: Workspace, note: Omit<Note, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (note.incidentId && !data.incidents.some((i) => i.id === note.incidentId)) issues.push({ path: 'incidentId', message: `Unknown incident ${note.incidentId}` })
  const known = linkableIds(data)
  for (const id of linkedIds(note.body)) {
    if (!known.has(id) && id !== note.id) issues.push({ path: 'body', message: `The link [[${id}]] names no incident, actor, source or note` })
  }
  return issues
}

function incidentRefs(data: Workspace, incident: Omit<Incident, 'id' | 'createdAt' | 'updatedAt'>): FieldIssue[] {
  const actors = new Set(data.actors.map((a) => a.id))
  const sources = new Set(data.sources.map((s) => s.id))
  const issues: FieldIssue[] = []
  const unknownSources = (ids: string[], path: string) =>
    ids.forEach((id, n) => sources.has(id) || issues.push({ path: `${path}.${n}`, message: `Unknown source ${id}` }))
  incident.actorIds.forEach((id, n) => actors.has(id) || issues.push({ path: `actorIds.${n}`, message: `Unknown actor ${id}` }))
  unknownSources(incident.sourceIds, 'sourceIds')
  incident.attributions.forEach((a, n) => {
    if (a.toActorId && !actors.has(a.toActorId)) issues.push({ path: `attributions.${n}.toActorId`, message: `Unknown actor ${a.toActorId}` })
    unknownSources(a.sourceIds, `attributions.${n}.sourceIds`)
  })
  incident.responses.forEach((r, n) => unknownSources(r.sourceIds, `responses.${n}.sourceIds`))
  return issues
}

/** `pdf` prints briefings to PDF; without one, PDF exports fail with a clear message. */
export function createServices(store: WorkspaceStore, pdf?: PdfRenderer) {
  const audit = new AuditLog(store.dir)
  return {
    store,
    audit,
    incidents: new RecordService(store, audit, { collection: 'incidents', noun: 'incident', idPrefix: 'inc', title: (r) => r.title, checkRefs: incidentRefs, referrers: noteReferrers }),
    actors: new RecordService(store, audit, { collection: 'actors', noun: 'actor', idPrefix: 'actor', title: (r) => r.name, referrers: actorReferrers }),
    sources: new RecordService(store, audit, { collection: 'sources', noun: 'source', idPrefix: 'src', title: (r) => r.title, referrers: sourceReferrers }),
    notes: new RecordService(store, audit, { collection: 'notes', noun: 'note', idPrefix: 'note', title: (r) => r.title, checkRefs: noteRefs, referrers: noteReferrers }),
    reports: new RecordService(store, audit, { collection: 'reports', noun: 'report', idPrefix: 'report', title: (r) => r.name }),
    exports: new ReportExportService(store, audit, pdf),
  }
}

export type Services = ReturnType<typeof createServices>
