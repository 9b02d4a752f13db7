// Imports (STIX, MISP) through a preview that accounts for every object, committed in one write after a backup and undone in one step; exports of the workspace, the filter or a briefing's scope as STIX or MISP.
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { filterIncidents, textIndex } from '../../../shared/filter'
import { integrityProblems } from '../../../shared/integrity'
import { incidentsCsv } from '../../../shared/datasets/exportCsv'
import type { CsvMapping } from '../../../shared/datasets/mapping'
import { IMPORT_OUTCOMES, type DataExportResult, type DataExportScope, type ImportFormat, type ImportPreview, type ImportResult, type InterchangeFormat, type OutcomeCounts } from '../../../shared/interchange'
import { scopedIncidents } from '../../../shared/report/model'
import { ServiceError } from '../../../shared/result'
import type { Workspace } from '../../../shared/workspace'
import { writeFileAtomic } from '../fs/atomicWrite'
import { sealFor } from '../store/heldKeys'
import { exportMisp } from '../interchange/mispExport'
import { planMispImport } from '../interchange/mispImport'
import { planTableImport } from '../interchange/csvImport'
import { readInput } from '../interchange/readInput'
import { bundleProblems } from '../interchange/stixCheck'
import { exportStix, type ExportScope } from '../interchange/stixExport'
import type { Bundle } from '../interchange/stixVocabulary'
import { planStixImport, type Changes, type Plan, type PlanOptions } from '../interchange/stixImport'
import type { AuditLog } from '../store/AuditLog'
import { EXPORTS_DIR } from '../store/files'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import { fileForMapping, mappingFiles, oneMappingSaveAtATime } from './mappingFiles'
import { slug } from './report/exportBriefing'
import { MAX_UPLOAD_CHARS, Uploads } from './Uploads'

type Collection = 'incidents' | 'actors' | 'sources' | 'notes' | 'reports' | 'foreign'
const COLLECTIONS: Collection[] = ['incidents', 'actors', 'sources', 'notes', 'reports', 'foreign']

/** How to take an import back: what it added (the records, by collection) and what it replaced (the old record, at its place). */
interface Journal {
  fileName: string
  added: { collection: Collection; records: { id: string }[] }[]
  replaced: { collection: Collection; index: number; before: { id: string }; after: { id: string } }[]
}

/** Folder of a workspace where saved column mappings live. */
export const MAPPINGS_DIR = 'mappings'

/** Largest upload assembled from chunks, in characters. */
export const MAX_IMPORT_CHARS = MAX_UPLOAD_CHARS

const emptyCounts = (): OutcomeCounts => Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, 0])) as OutcomeCounts

/** The preview's accounting of a plan. */
export function summarise(plan: Plan, token: string, fileName: string, format: string): ImportPreview {
  const byType = new Map<string, OutcomeCounts>()
  const totals = emptyCounts()
  for (const f of plan.fates) {
    const counts = byType.get(f.type) ?? emptyCounts()
    counts[f.outcome]++
    totals[f.outcome]++
    byType.set(f.type, counts)
  }
  const c = plan.changes
  return {
    token,
    fileName,
    format,
    total: plan.fates.length,
    totals,
    byType: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, counts]) => ({ type, counts })),
    notImported: plan.fates.filter((f) => f.outcome === 'skipped' || f.outcome === 'duplicate').slice(0, 1000).map((f) => ({ id: f.id, type: f.type, outcome: f.outcome, reason: f.reason ?? '' })),
    writes: { incidents: c.incidents.length, actors: c.actors.length, sources: c.sources.length, notes: c.notes.length, reports: c.reports.length, kept: c.foreign.length },
    ...(plan.dataset ? { dataset: (({ rejectsCsv: _csv, ...rest }) => rest)(plan.dataset) } : {}),
  }
}

/** Plans the import of a file's text: JSON as STIX or MISP, a table as EuRepoC, CFR or CSV through its mapping. */
export function planImport(ws: Workspace, text: string, format: ImportFormat = 'auto', options: PlanOptions & { fileName?: string } = {}): { plan: Plan; detail: string } {
  // JSON by its first character, or by its name (a .json file that is not JSON gets the JSON reader's error).
  const looksJson = /^\uFEFF?\s*[[{]/.test(text.slice(0, 1000)) || /\.json$/i.test(options.fileName ?? '')
  if (format === 'csv' || format === 'eurepoc' || format === 'cfr' || (format === 'auto' && !looksJson && text.trim() !== '')) {
    const plan = planTableImport(ws, text, format === 'auto' ? 'auto' : format, options)
    return { plan, detail: plan.dataset!.format }
  }
  const input = readInput(text, format === 'auto' ? 'auto' : format)
  const plan = input.format === 'misp' ? planMispImport(ws, input.objects, options) : planStixImport(ws, input.objects, options)
  return { plan, detail: input.detail }
}

/** Applies `changes` to `data` in place and returns how to take them back. */
function apply(data: Workspace, changes: Changes, fileName: string): Journal {
  const journal: Journal = { fileName, added: [], replaced: [] }
  for (const collection of COLLECTIONS) {
    const incoming = changes[collection] as { id: string }[]
    if (incoming.length === 0) continue
    const list = data[collection] as { id: string }[]
    const at = new Map<string, number>()
    list.forEach((r, n) => at.set(r.id, n))
    const added: { id: string }[] = []
    for (const record of incoming) {
      const n = at.get(record.id)
      if (n === undefined) {
        list.push(record)
        added.push(record)
      } else {
        journal.replaced.push({ collection, index: n, before: list[n], after: record })
        list[n] = record
      }
    }
    if (added.length > 0) journal.added.push({ collection, records: added })
  }
  return journal
}

/** Takes an applied import back, newest change first. */
function revert(data: Workspace, journal: Journal): void {
  for (const { collection, records } of [...journal.added].reverse()) {
    const list = data[collection] as { id: string }[]
    for (let k = records.length - 1; k >= 0; k--) {
      const n = list.lastIndexOf(records[k])
      if (n >= 0) list.splice(n, 1)
    }
  }
  for (const { collection, index, before } of [...journal.replaced].reverse()) (data[collection] as { id: string }[])[index] = before
}

/** `20260301-101500-123`: a file name's time stamp. */
const stampNow = () => new Date().toISOString().slice(0, 23).replace(/[-:]/g, '').replace('T', '-').replace('.', '-')

export class InterchangeService {
  /** The planned import, and the records it was planned against (the workspace's lists as they were). */
  private pending = new Map<string, { plan: Plan; preview: ImportPreview; basis: unknown[][] }>()
  private journals = new Map<string, Journal>()
  /** Work to do once a preview's import is committed (a pull remembers where it stopped). */
  private onCommit = new Map<string, () => Promise<unknown>>()

  constructor(
    private readonly store: WorkspaceStore,
    private readonly audit: AuditLog,
    /** Shared with the other services that take files in pieces. */
    private readonly uploads: Uploads = new Uploads(),
  ) {}

  /** Receives the next piece of a file being uploaded (pieces of one upload arrive in order); returns how much has arrived. */
  upload(uploadId: string, chunk: string): { received: number } {
    return this.uploads.add(uploadId, chunk, MAX_IMPORT_CHARS)
  }

  /** Takes a finished upload out of the queue (article intake reads uploads the same way imports do). */
  takeUpload(uploadId: string): string {
    return this.uploads.take(uploadId)
  }

  /** Plans the import of an uploaded file (or of `text`) and returns its accounting; nothing is written. */
  preview(source: { uploadId: string } | { text: string }, fileName: string, format: ImportFormat = 'auto', options: PlanOptions = {}): ImportPreview {
    let text: string
    if ('text' in source) text = source.text
    else text = this.uploads.take(source.uploadId)
    const { plan, detail } = planImport(this.store.data, text, format, { ...options, fileName })
    const token = randomUUID()
    const preview = summarise(plan, token, fileName, detail)
    this.pending.clear()
    this.onCommit.clear()
    this.pending.set(token, { plan, preview, basis: COLLECTIONS.map((c) => [...(this.store.data[c] as unknown[])]) })
    return preview
  }

  /** The column mappings saved in the workspace's mappings folder, by name. */
  async savedMappings(): Promise<CsvMapping[]> {
    // A file that cannot be read or is not a mapping is passed over, not allowed to hide the others.
    return (await mappingFiles(join(this.store.dir, MAPPINGS_DIR), this.store.dir)).flatMap((f) => (f.mapping ? [f.mapping] : []))
  }

  /**
   * Saves a column mapping for later imports and `watchfloor import --mapping`: it replaces the saved mapping of
   * the same name, and never another one whose name makes the same file name (“EuRepoC v1”, “eurepoc-v1”): that
   * keeps its file and this one gets its own.
   */
  async saveMapping(mapping: CsvMapping) {
    if (this.store.readOnlyReason) throw new ServiceError('read-only', this.store.readOnlyReason)
    const dir = join(this.store.dir, MAPPINGS_DIR)
    return oneMappingSaveAtATime(async () => {
      await mkdir(dir, { recursive: true })
      const to = fileForMapping(await mappingFiles(dir, this.store.dir), mapping.name)
      const path = join(dir, to.file)
      await writeFileAtomic(path, sealFor(this.store.dir, JSON.stringify(mapping, null, 2)))
      return { path, replaced: to.replaces, alongside: to.alongside.map((f) => ({ name: f.mapping!.name, path: join(dir, f.file) })) }
    })
  }

  /** Writes the rows a previewed table import rejects (with row, column and reason first) into the exports folder. */
  async exportRejects(token: string): Promise<{ path: string; rows: number }> {
    const entry = this.pending.get(token)
    if (!entry) throw new ServiceError('not-found', 'This preview is no longer current; preview the file again.')
    const csv = entry.plan.dataset?.rejectsCsv
    if (!csv) throw new ServiceError('invalid-input', 'No row of this file is rejected.')
    const rows = entry.plan.fates.filter((f) => f.outcome === 'skipped').length
    const path = join(this.store.dir, EXPORTS_DIR, `${slug(entry.preview.fileName.replace(/\.[^.]+$/, ''))}-rejects-${stampNow()}.csv`)
    await writeFileAtomic(path, `\uFEFF${csv}`, { noReplace: true })
    return { path, rows }
  }

  /** Writes a previewed import in one transaction, after a backup. The preview must still describe the workspace as it is. */
  async commit(token: string): Promise<ImportResult> {
    const entry = this.pending.get(token)
    if (!entry) throw new ServiceError('not-found', 'This preview is no longer current; preview the file again.')
    this.pending.delete(token)
    const data = this.store.data
    const stale = COLLECTIONS.some((c, n) => {
      const list = data[c] as unknown[]
      const was = entry.basis[n]
      return list.length !== was.length || list.some((r, k) => r !== was[k])
    })
    if (stale) throw new ServiceError('conflict', 'The workspace changed since this preview was made; preview the file again.')
    if (this.store.readOnlyReason) throw new ServiceError('read-only', this.store.readOnlyReason)
    await this.store.backup()
    let journal: Journal | null = null
    await this.store.update((d) => {
      journal = apply(d, entry.plan.changes, entry.preview.fileName)
      const problems = integrityProblems(d)
      if (problems.length > 0) {
        revert(d, journal)
        throw new ServiceError('invalid-input', `The import would leave the workspace inconsistent, so nothing was written: ${problems.slice(0, 3).join('; ')}`)
      }
    })
    const importId = randomUUID()
    this.journals.set(importId, journal!)
    // The import is written: a follow-up that fails (a pull's bookmark) costs a refetch next time, not this import.
    await this.onCommit.get(token)?.().catch((err: unknown) => console.warn('[watchfloor] after the import:', err))
    this.onCommit.delete(token)
    await this.audit.record({ action: 'import', collection: 'workspace', id: importId, title: entry.preview.fileName, fields: Object.entries(entry.preview.writes).map(([k, v]) => `${k}: ${v}`) }).catch(() => undefined)
    return { importId, fileName: entry.preview.fileName, writes: entry.preview.writes }
  }

  /** Runs `fn` after the import previewed under `token` is committed (never if it is not). */
  whenCommitted(token: string, fn: () => Promise<unknown>): void {
    if (this.pending.has(token)) this.onCommit.set(token, fn)
  }

  /** Takes a committed import back in one write; refused when a record it wrote was edited since. */
  async undo(importId: string): Promise<{ fileName: string }> {
    const journal = this.journals.get(importId)
    if (!journal) throw new ServiceError('not-found', 'That import can no longer be undone (it was undone already, or the workspace was reopened since).')
    const data = this.store.data
    const edited = [
      ...journal.added.flatMap(({ collection, records }) => {
        const present = new Set(data[collection] as unknown[])
        return records.filter((record) => !present.has(record)).map((record) => ({ collection, record }))
      }),
      ...journal.replaced.filter(({ collection, index, after }) => (data[collection] as unknown[])[index] !== after).map((r) => ({ collection: r.collection, record: r.after })),
    ]
    if (edited.length > 0) {
      const names = edited.slice(0, 3).map((e) => `${e.collection.slice(0, -1)} ${e.record.id}`).join(', ')
      throw new ServiceError('conflict', `The import cannot be undone in one step: ${names}${edited.length > 3 ? ` and ${edited.length - 3} more` : ''} changed since. Undo those edits or delete the records by hand.`)
    }
    await this.store.update((d) => revert(d, journal))
    this.journals.delete(importId)
    await this.audit.record({ action: 'undo-import', collection: 'workspace', id: importId, title: journal.fileName, fields: [] }).catch(() => undefined)
    return { fileName: journal.fileName }
  }

  /** The part of the workspace a scope selects. */
  private scopeOf(scope: DataExportScope): ExportScope {
    const ws = this.store.data
    if (scope.kind === 'all') return {}
    if (scope.kind === 'filter') return { incidentIds: new Set(filterIncidents(ws.incidents, scope.filter, textIndex(new Map(ws.actors.map((a) => [a.id, a])))).map((i) => i.id)) }
    const report = ws.reports.find((r) => r.id === scope.id)
    if (!report) throw new ServiceError('not-found', `No briefing with id ${scope.id}.`)
    return { incidentIds: new Set(scopedIncidents(ws, report).map((i) => i.id)), reportIds: new Set([report.id]) }
  }

  /** The export's bytes and object count (checked before anything is written). */
  render(format: InterchangeFormat, scope: DataExportScope): { text: string; objects: number } {
    const ws = this.store.data
    if (format === 'csv') {
      const ids = this.scopeOf(scope).incidentIds
      const incidents = ids ? ws.incidents.filter((i) => ids.has(i.id)) : ws.incidents
      return { text: incidentsCsv(incidents, ws.actors), objects: incidents.length }
    }
    if (format === 'misp') {
      const events = exportMisp(ws, this.scopeOf(scope))
      return { text: JSON.stringify({ response: events }, null, 1), objects: events.length }
    }
    const bundle = this.stixBundle(scope)
    return { text: JSON.stringify(bundle), objects: bundle.objects.length }
  }

  /** The scope as a STIX 2.1 bundle, checked before anyone sees it. */
  stixBundle(scope: DataExportScope): Bundle {
    const bundle = exportStix(this.store.data, this.scopeOf(scope))
    const problems = bundleProblems(bundle)
    if (problems.length > 0) throw new ServiceError('internal', `The STIX bundle did not pass its check, so it was not written: ${problems.slice(0, 5).join('; ')}`)
    return bundle
  }

  /** Writes an export into the workspace's exports folder (never replacing a file). */
  async export(format: InterchangeFormat, scope: DataExportScope): Promise<DataExportResult> {
    const { text, objects } = this.render(format, scope)
    const path = join(this.store.dir, EXPORTS_DIR, `${slug(this.store.name)}-${stampNow()}.${format === 'stix' ? 'stix.json' : format === 'misp' ? 'misp.json' : 'csv'}`)
    await writeFileAtomic(path, text, { noReplace: true })
    return { path, format, objects, bytes: Buffer.byteLength(text) }
  }
}
