// `watchfloor export` and `watchfloor import`: STIX 2.1, MISP and CSV out of and into a workspace (EuRepoC and CFR exports too), with the same checks and accounting as the app.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { EMPTY_FILTER, type IncidentFilter } from '../../../shared/filter'
import { FilterSchema } from '../../../shared/domain'
import { decodeBytes } from '../../../shared/datasets/csv'
import { CsvMappingSchema, type CsvMapping } from '../../../shared/datasets/mapping'
import { IMPORT_FORMATS, IMPORT_OUTCOMES, INTERCHANGE_FORMATS, type DataExportScope, type ImportFormat, type ImportPreview, type InterchangeFormat } from '../../../shared/interchange'
import { ServiceError } from '../../../shared/result'
import { writeFileAtomic } from '../../core/fs/atomicWrite'
import { InterchangeService } from '../../core/services/InterchangeService'
import { AuditLog } from '../../core/store/AuditLog'
import { openFor } from '../../core/store/heldKeys'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'

/** `--filter victim=AL --filter type=wiper --filter from=2022-07 …`: the app-wide filter's fields. */
export function filterFrom(pairs: readonly string[]): IncidentFilter {
  const raw: Record<string, string> = {}
  for (const pair of pairs) {
    const m = /^(text|victim|sponsor|type|nexus|from|to)=(.*)$/s.exec(pair)
    if (!m) throw new ServiceError('invalid-input', `--filter takes KEY=VALUE with KEY one of text, victim, sponsor, type, nexus, from, to; not ${JSON.stringify(pair)}.`)
    raw[m[1]] = m[2]
  }
  const parsed = FilterSchema.safeParse({ ...EMPTY_FILTER, ...raw, ...(raw.victim ? { victim: raw.victim.toUpperCase() } : {}), ...(raw.sponsor ? { sponsor: raw.sponsor.toUpperCase() } : {}) })
  if (!parsed.success) throw new ServiceError('invalid-input', `--filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

function formatOf(value: string | undefined, allowed: readonly string[]): string {
  if (!value || !allowed.includes(value)) throw new ServiceError('invalid-input', `--format must be one of ${allowed.join(', ')}.`)
  return value
}

export async function exportCommand(o: { dir: string; passphrase?: string; format?: string; out?: string; filters: string[]; log(line: string): void }): Promise<number> {
  const format = formatOf(o.format, INTERCHANGE_FORMATS) as InterchangeFormat
  if (!o.out) throw new ServiceError('invalid-input', 'export needs --out FILE.')
  const store = await WorkspaceStore.open(o.dir, { readOnly: true, passphrase: o.passphrase })
  try {
    const scope: DataExportScope = o.filters.length > 0 ? { kind: 'filter', filter: filterFrom(o.filters) } : { kind: 'all' }
    const { text, objects } = new InterchangeService(store, new AuditLog(store.dir, () => store.cipher)).render(format, scope)
    await writeFileAtomic(resolve(o.out), text)
    o.log(`Wrote ${objects} ${format === 'stix' ? 'STIX objects' : format === 'misp' ? 'MISP events' : 'incidents (CSV)'} to ${resolve(o.out)}`)
    return 0
  } finally {
    await store.close()
  }
}

/** A saved column mapping (the JSON the app saves in the workspace's mappings folder). */
async function readMapping(dir: string, file: string): Promise<CsvMapping> {
  const text = await readFile(file).then((bytes) => openFor(dir, bytes).toString('utf8')).catch((err: Error) => {
    throw new ServiceError('not-found', `Cannot read the mapping ${file}: ${err.message}`)
  })
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new ServiceError('invalid-input', `The mapping ${file} is not JSON: ${(err as Error).message}`)
  }
  const parsed = CsvMappingSchema.safeParse(raw)
  if (!parsed.success) throw new ServiceError('invalid-input', `The mapping ${file} is not a column mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

/** The accounting of a table file's rows, as `--json` prints it: the counts add up to `rows`. */
function rowAccounting(p: ImportPreview) {
  const t = p.totals
  return { rows: p.dataset!.rows, imported: t.new, updated: t.updated, duplicate: t.duplicate, unchanged: t.kept, conflict: t.conflict, rejected: t.skipped }
}

export async function importCommand(o: { dir: string; file: string; format?: string; mapping?: string; datasetVersion?: string; passphrase?: string; dryRun: boolean; json: boolean; campaigns: boolean; log(line: string): void }): Promise<number> {
  const format = formatOf(o.format ?? 'auto', IMPORT_FORMATS) as ImportFormat
  const bytes = await readFile(o.file).catch((err: Error) => {
    throw new ServiceError('not-found', `Cannot read ${o.file}: ${err.message}`)
  })
  if (o.mapping && format !== 'csv' && format !== 'auto') throw new ServiceError('invalid-input', '--mapping is for --format csv.')
  const looksJson = /^(\xEF\xBB\xBF)?\s*[[{]/.test(bytes.subarray(0, 100).toString('latin1'))
  const table = format === 'csv' || format === 'eurepoc' || format === 'cfr' || (format === 'auto' && !looksJson)
  let text: string
  let encoding: { name: string; note?: string } | undefined
  if (table) {
    try {
      const decoded = decodeBytes(bytes)
      text = decoded.text
      encoding = { name: decoded.encoding, ...(decoded.note ? { note: decoded.note } : {}) }
    } catch (err) {
      throw new ServiceError('invalid-input', `${o.file}: ${(err as Error).message} Nothing was imported.`)
    }
  } else text = bytes.toString('utf8')
  const store = await WorkspaceStore.open(o.dir, { readOnly: o.dryRun, passphrase: o.passphrase })
  try {
    // Read once the workspace is open: a mapping saved in an encrypted workspace is sealed under its key.
    const mapping = o.mapping ? await readMapping(o.dir, o.mapping) : undefined
    if (!o.dryRun && store.readOnlyReason) throw new ServiceError('read-only', store.readOnlyReason)
    const service = new InterchangeService(store, new AuditLog(store.dir, () => store.cipher))
    const preview = service.preview({ text }, o.file, mapping && format === 'auto' ? 'csv' : format, { campaignsAsIncidents: o.campaigns, mapping, datasetVersion: o.datasetVersion, encoding })
    const d = preview.dataset
    if (o.json && d) {
      o.log(JSON.stringify({ file: o.file, format: preview.format, dataset: d.dataset, version: d.version, encoding: d.encoding, ...rowAccounting(preview), rejects: d.rejects, conflicts: d.conflicts, leftOut: d.leftOut, writes: preview.writes, dryRun: o.dryRun }, null, 2))
    } else if (d) {
      const a = rowAccounting(preview)
      o.log(`${o.file} (${d.dataset}, ${d.encoding}): ${a.rows} rows — ${a.imported} imported, ${a.updated} updated, ${a.duplicate} duplicate, ${a.unchanged} unchanged, ${a.conflict} conflict, ${a.rejected} rejected`)
      if (d.encodingNote) o.log(`  note: ${d.encodingNote}`)
      for (const r of d.rejects) o.log(`  rejected: row ${r.row}, ${r.column}: ${r.reason}`)
      for (const c of d.conflicts) o.log(`  conflict: row ${c.row} (${c.key}): “${c.title}” was edited since it was imported; kept as is`)
      for (const n of preview.notImported.filter((x) => x.outcome === 'duplicate')) o.log(`  duplicate: ${n.id}: ${n.reason}`)
      for (const l of d.leftOut) o.log(`  left out: ${l.column} “${l.value}” (${l.count} row${l.count === 1 ? '' : 's'}, first row ${l.firstRow}): ${l.reason}`)
    } else if (o.json) {
      o.log(JSON.stringify({ file: o.file, format: preview.format, total: preview.total, totals: preview.totals, byType: Object.fromEntries(preview.byType.map((t) => [t.type, t.counts])), notImported: preview.notImported, writes: preview.writes, dryRun: o.dryRun }, null, 2))
    } else {
      o.log(`${o.file} (${preview.format}): ${preview.total} objects — ${IMPORT_OUTCOMES.map((k) => `${preview.totals[k]} ${k}`).join(', ')}`)
      for (const t of preview.byType) o.log(`  ${t.type.padEnd(32)} ${IMPORT_OUTCOMES.filter((k) => t.counts[k] > 0).map((k) => `${t.counts[k]} ${k}`).join(', ')}`)
      for (const n of preview.notImported) o.log(`  ${n.outcome}: ${n.type} ${n.id}: ${n.reason}`)
    }
    if (o.dryRun) return 0
    const committed = await service.commit(preview.token)
    if (!o.json) o.log(`Imported into ${store.dir}: ${Object.entries(committed.writes).map(([k, v]) => `${v} ${k}`).join(', ')} (a backup was taken first).`)
    return 0
  } finally {
    await store.close()
  }
}
