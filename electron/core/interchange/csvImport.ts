// A CSV file (plain with a column mapping, or an EuRepoC / CFR export) planned into workspace changes: every row new, updated, a likely duplicate, unchanged, a conflict with an analyst's edit, or rejected with its row, column and reason.
import { createHash, randomUUID } from 'node:crypto'
import { foldName } from '../../../shared/datasets/cells'
import { toCsv, parseTable, type Table } from '../../../shared/datasets/csv'
import { mapCsvRow, suggestMapping, type CsvMapping, type MappedRow } from '../../../shared/datasets/mapping'
import { detectPreset, missingColumns, PRESET_LABELS, readPresetRow, type Preset } from '../../../shared/datasets/presets'
import { ActorSchema, blankIncident, IncidentSchema, SourceSchema, type Actor, type Attribution, type Incident, type IncidentResponse, type Provenance, type Source } from '../../../shared/domain'
import { likelyDuplicates } from '../../../shared/duplicates'
import type { DatasetFormat, DatasetSummary } from '../../../shared/interchange'
import { ServiceError } from '../../../shared/result'
import type { Workspace } from '../../../shared/workspace'
import type { Changes, Fate, Plan, PlanOptions } from './stixImport'

const LIMIT = 1000

/** Reads `text` as a table, or says why not (as a ServiceError). */
export function readTable(text: string): Table {
  try {
    return parseTable(text)
  } catch (err) {
    throw new ServiceError('invalid-input', `${(err as Error).message} Nothing was imported.`)
  }
}

/** The format a table file is read with: the asked one, or a preset its header row matches, else a plain CSV. */
export function tableFormat(table: Table, asked: DatasetFormat | 'auto'): DatasetFormat {
  if (asked !== 'auto' && asked !== 'csv') {
    const missing = missingColumns(asked, table.headers)
    if (missing.length > 0) throw new ServiceError('invalid-input', `The file is not a ${PRESET_LABELS[asked]} export: it has no ${missing.map((m) => `“${m}”`).join(', ')} column${missing.length > 1 ? 's' : ''}.`)
    return asked
  }
  if (asked === 'csv') return 'csv'
  return detectPreset(table.headers) ?? 'csv'
}

const digestOf = (cells: readonly string[]) => createHash('sha1').update(JSON.stringify(cells)).digest('hex').slice(0, 20)
const urlTitle = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, '').slice(0, 500)

/**
 * Plans the import of a table file's text. Nothing is changed; each data row gets exactly one fate
 * (`row N`, N the spreadsheet row: the header is row 1), so the outcome counts add up to the rows.
 */
export function planTableImport(ws: Workspace, text: string, asked: DatasetFormat | 'auto', options: PlanOptions & { fileName?: string } = {}): Plan {
  const table = readTable(text)
  const format = tableFormat(table, asked)
  const preset: Preset | null = format === 'csv' ? null : format
  const baseName = (options.fileName ?? 'CSV file').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  const mapping: CsvMapping = options.mapping ?? suggestMapping(table.headers, table.rows.slice(0, 2000), baseName)
  const dataset = preset ? PRESET_LABELS[preset] : mapping.dataset || baseName
  const version = options.datasetVersion ?? mapping.version ?? ''
  const keyed = !!preset || Object.values(mapping.columns).includes('key')
  const now = new Date().toISOString()

  const fates: Fate[] = []
  const changes: Changes = { incidents: [], actors: [], sources: [], notes: [], reports: [], foreign: [] }
  const summary: DatasetSummary & { rejectsCsv: string } = {
    format,
    dataset,
    version,
    rows: table.rows.length,
    headers: table.headers,
    delimiter: table.delimiter,
    encoding: options.encoding?.name ?? 'utf-8',
    ...(options.encoding?.note ? { encodingNote: options.encoding.note } : {}),
    leftOut: [],
    rejects: [],
    conflicts: [],
    rejectsCsv: '',
  }
  const leftOut = new Map<string, DatasetSummary['leftOut'][number]>()
  const rejectRows: string[][] = []

  // What the workspace holds: incidents by their dataset id, actors by name and alias, sources by URL, incidents by victim for the duplicate check.
  const byKey = new Map<string, Incident>()
  const byVictim = new Map<string, Incident[]>()
  for (const i of ws.incidents) {
    if (i.provenance) byKey.set(`${i.provenance.dataset}\u0000${i.provenance.key}`, i)
    for (const c of new Set(i.victims.map((v) => v.country))) {
      const list = byVictim.get(c) ?? []
      list.push(i)
      byVictim.set(c, list)
    }
  }
  const actorByName = new Map<string, Actor>()
  for (const a of ws.actors) for (const n of [a.name, ...a.aliases]) if (!actorByName.has(foldName(n))) actorByName.set(foldName(n), a)
  const sourceByUrl = new Map<string, Source>()
  for (const s of ws.sources) if (s.url) sourceByUrl.set(s.url, s)
  const newActors = new Set<Actor>()
  const newSources = new Set<Source>()
  const keySeen = new Map<string, number>()

  const reject = (rowNo: number, cells: readonly string[], column: string, reason: string) => {
    fates.push({ id: `row ${rowNo}`, type: 'row', outcome: 'skipped', reason: `${column}: ${reason}` })
    if (summary.rejects.length < LIMIT) summary.rejects.push({ row: rowNo, column, reason })
    rejectRows.push([String(rowNo), column, reason, ...cells])
  }

  table.rows.forEach((cells, n) => {
    const rowNo = n + 2
    if (cells.length !== table.headers.length && !(cells.length > table.headers.length && cells.slice(table.headers.length).every((c) => c.trim() === ''))) {
      reject(rowNo, cells, '(whole row)', `the row has ${cells.length} cells; the header has ${table.headers.length} (a cell may hold an unquoted delimiter or line break)`)
      return
    }
    let mapped: MappedRow
    if (preset) {
      const record: Record<string, string> = {}
      table.headers.forEach((h, k) => (record[h] = cells[k] ?? ''))
      mapped = readPresetRow(preset, record)
    } else mapped = mapCsvRow(table.headers, cells, mapping)
    if (mapped.errors.length > 0) {
      reject(rowNo, cells, mapped.errors[0].column, mapped.errors.map((e) => (e === mapped.errors[0] ? e.reason : `${e.column}: ${e.reason}`)).join('; '))
      return
    }
    const key = keyed && mapped.key ? mapped.key : undefined
    if (key) {
      const earlier = keySeen.get(key)
      if (earlier !== undefined) {
        reject(rowNo, cells, preset === 'cfr' ? 'Title' : 'id', `the same dataset id as row ${earlier} (“${key}”)`)
        return
      }
      keySeen.set(key, rowNo)
    }
    const digest = digestOf(cells)
    const existing = key ? byKey.get(`${dataset}\u0000${key}`) : undefined
    if (existing?.provenance?.digest === digest) {
      fates.push({ id: `row ${rowNo}`, type: 'row', outcome: 'kept', reason: `unchanged since it was imported as incident ${existing.id}` })
      return
    }
    if (existing && existing.updatedAt !== existing.provenance?.importedAt) {
      fates.push({ id: `row ${rowNo}`, type: 'row', outcome: 'conflict', reason: `incident “${existing.title}” (${existing.id}) was edited after it was imported; kept as it is` })
      if (summary.conflicts.length < LIMIT) summary.conflicts.push({ row: rowNo, key: key!, incidentId: existing.id, title: existing.title })
      return
    }

    // Actors and sources the row names, found in the workspace or created with it.
    const actorFor = (name: string, extra: MappedRow['actors'][number] = { name }): Actor | undefined => {
      const found = actorByName.get(foldName(name))
      if (found) return found
      const parsed = ActorSchema.safeParse({
        id: `actor-${randomUUID()}`,
        name,
        aliases: extra.aliases ?? [],
        kind: extra.kind ?? 'state-sponsored-group',
        country: extra.country,
        provenance: { dataset, version, key: name.slice(0, 200), row: rowNo, importedAt: now },
        createdAt: now,
        updatedAt: now,
      })
      if (!parsed.success) return undefined
      actorByName.set(foldName(name), parsed.data)
      for (const alias of parsed.data.aliases) if (!actorByName.has(foldName(alias))) actorByName.set(foldName(alias), parsed.data)
      newActors.add(parsed.data)
      return parsed.data
    }
    const actorIds = [...new Set(mapped.actors.map((a) => actorFor(a.name, a)?.id).filter((id): id is string => !!id))]
    const sourceIds: string[] = []
    for (const url of mapped.sourceUrls) {
      let s = sourceByUrl.get(url)
      if (!s) {
        const parsed = SourceSchema.safeParse({ id: `src-${randomUUID()}`, title: urlTitle(url), url, createdAt: now, updatedAt: now })
        if (!parsed.success) continue
        s = parsed.data
        sourceByUrl.set(url, s)
        newSources.add(s)
      }
      if (!sourceIds.includes(s.id)) sourceIds.push(s.id)
    }
    const attributions: Attribution[] = mapped.attributions.map(({ toActorName, ...a }) => ({ ...a, id: `att-${randomUUID()}`, sourceIds: [], ...(toActorName ? { toActorId: actorFor(toActorName)?.id } : {}) }) as Attribution)
    const responses: IncidentResponse[] = mapped.responses.map((r) => ({ ...r, id: `rsp-${randomUUID()}`, sourceIds: [] }) as IncidentResponse)
    const provenance: Provenance = { dataset, version, key: key ?? `row ${rowNo}`, row: rowNo, importedAt: now, digest }
    const base = existing ? { ...blankIncident(), status: existing.status, tlp: existing.tlp, severity: existing.severity, locations: existing.locations } : blankIncident()
    const candidate = IncidentSchema.safeParse({
      ...base,
      ...mapped.incident,
      id: existing?.id ?? `inc-${randomUUID()}`,
      actorIds: [...new Set([...actorIds, ...attributions.flatMap((a) => (a.toActorId ? [a.toActorId] : []))])],
      sourceIds,
      attributions,
      responses,
      provenance,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    })
    if (!candidate.success) {
      const issue = candidate.error.issues[0]
      reject(rowNo, cells, issue.path.join('.') || '(row)', issue.message)
      return
    }
    const incident = candidate.data
    if (!existing) {
      const pool = [...new Set(incident.victims.flatMap((v) => byVictim.get(v.country) ?? []))]
      const dupes = pool.length > 0 ? likelyDuplicates(incident, pool) : []
      if (dupes.length > 0) {
        fates.push({ id: `row ${rowNo}`, type: 'row', outcome: 'duplicate', reason: `likely the same as “${dupes[0].title}” (${dupes[0].id})` })
        return
      }
    }
    for (const w of mapped.warnings) {
      const id = `${w.column}\u0000${w.value}`
      const entry = leftOut.get(id) ?? { column: w.column, value: w.value, reason: w.reason, count: 0, firstRow: rowNo }
      entry.count++
      leftOut.set(id, entry)
    }
    changes.incidents.push(incident)
    fates.push({ id: `row ${rowNo}`, type: 'row', outcome: existing ? 'updated' : 'new', ...(existing ? { reason: `replaces incident ${existing.id}` } : {}) })
  })
  // Actors and sources (created as rows named them) only go in when an imported row points at them.
  const used = new Set(changes.incidents.flatMap((i) => [...i.actorIds, ...i.sourceIds]))
  changes.actors.push(...[...newActors].filter((a) => used.has(a.id)))
  changes.sources.push(...[...newSources].filter((s) => used.has(s.id)))
  summary.leftOut = [...leftOut.values()].sort((a, b) => b.count - a.count).slice(0, LIMIT)
  summary.rejectsCsv = rejectRows.length > 0 ? toCsv(['row', 'column', 'reason', ...table.headers], rejectRows) : ''
  return { fates, changes, dataset: summary }
}
