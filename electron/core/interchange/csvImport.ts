// A CSV file (plain with a column mapping, or an EuRepoC / CFR export) planned into workspace changes: every row new, updated, a likely duplicate, unchanged, a conflict with an analyst's edit, or rejected with its row, column and reason.
import { hash, randomUUID } from 'node:crypto'
import { foldName } from '../../../shared/datasets/cells'
import { toCsv, parseTable, type Table } from '../../../shared/datasets/csv'
import { mapCsvRow, suggestMapping, type CsvMapping, type IncidentDraft, type MappedRow } from '../../../shared/datasets/mapping'
import { detectPreset, missingColumns, PRESET_LABELS, readPresetRow, type Preset } from '../../../shared/datasets/presets'
import { ActorSchema, blankIncident, IncidentSchema, SourceSchema, type Actor, type Attribution, type Incident, type IncidentResponse, type Provenance, type Source } from '../../../shared/domain'
import { likelyDuplicates } from '../../../shared/duplicates'
import { passesIncidentSchema } from '../../../shared/incidentCheck'
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

/** The years an incident's dates cover (end defaulting to start), or null without a start date (such incidents are never likely duplicates). */
function yearSpan(i: Pick<Incident, 'start' | 'end'>): [number, number] | null {
  if (!i.start) return null
  const a = Number(i.start.slice(0, 4))
  const b = Number((i.end ?? i.start).slice(0, 4))
  return [Math.min(a, b), Math.max(a, b)]
}

type OwnFields = Pick<Incident, 'id' | 'actorIds' | 'sourceIds' | 'attributions' | 'responses' | 'provenance' | 'createdAt' | 'updatedAt'>
const OPTIONAL_FIELDS = ['start', 'end', 'disclosed', 'severity', 'zeroDay', 'intensity'] as const

/** What a row's incident starts from: a blank incident's values, with an updated incident's status, TLP, severity and locations. Lists left empty are made per record. */
type Base = Pick<Incident, 'title' | 'summary' | 'status' | 'nexus' | 'impact' | 'tlp' | 'severity'> & { locations?: Incident['locations'] }

/**
 * A row's incident (the draft over `base`) with its fields always in the same order, so the records of a
 * file share one shape and stay fast to check, index and save. Not yet validated.
 */
function incidentRecord(base: Base, draft: IncidentDraft, own: OwnFields): Record<string, unknown> {
  const record: Record<string, unknown> = {
    id: own.id,
    title: draft.title ?? base.title,
    summary: draft.summary ?? base.summary,
    status: draft.status ?? base.status,
    types: draft.types ?? [],
    victims: draft.victims ?? [],
    sponsorCountries: draft.sponsorCountries ?? [],
    actorIds: own.actorIds,
    nexus: draft.nexus ?? base.nexus,
    impact: draft.impact ?? base.impact,
    techniques: draft.techniques ?? [],
    tags: draft.tags ?? [],
    tlp: draft.tlp ?? base.tlp,
    sourceIds: own.sourceIds,
    attributions: own.attributions,
    responses: own.responses,
    locations: draft.locations ?? base.locations ?? [],
    provenance: own.provenance,
    createdAt: own.createdAt,
    updatedAt: own.updatedAt,
  }
  for (const k of OPTIONAL_FIELDS) {
    const v = draft[k] ?? (k === 'severity' ? base.severity : undefined)
    if (v !== undefined) record[k] = v
  }
  // Anything else a draft carries goes in as it is, for the schema to judge.
  for (const k in draft) {
    const v = draft[k as keyof IncidentDraft]
    if (!(k in record) && v !== undefined) record[k] = v
  }
  return record
}

// The one-shot hash: no Hash object per row.
const digestOf = (cells: readonly string[]) => hash('sha1', JSON.stringify(cells), 'hex').slice(0, 20)
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
  const blank: Base = blankIncident()

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

  // What the workspace holds: incidents by their dataset id, actors by name and alias, sources by URL, incidents by victim and year for the duplicate check.
  const byKey = new Map<string, Incident>()
  const byVictimYear = new Map<string, Incident[]>()
  for (const i of ws.incidents) {
    if (i.provenance) byKey.set(`${i.provenance.dataset}\u0000${i.provenance.key}`, i)
    const span = yearSpan(i)
    if (!span) continue
    for (const c of new Set(i.victims.map((v) => v.country))) {
      for (let y = span[0]; y <= span[1]; y++) {
        const list = byVictimYear.get(`${c}\u0000${y}`) ?? []
        list.push(i)
        byVictimYear.set(`${c}\u0000${y}`, list)
      }
    }
  }
  /** Workspace incidents that could be duplicates of `incident`: a shared victim and a year within one of its span (dates that touch at a year's end overlap). */
  const duplicatePool = (incident: Incident): Incident[] => {
    if (byVictimYear.size === 0) return []
    const span = yearSpan(incident)
    if (!span) return []
    let pool: Set<Incident> | null = null
    for (const v of incident.victims) {
      for (let y = span[0] - 1; y <= span[1] + 1; y++) {
        const list = byVictimYear.get(`${v.country}\u0000${y}`)
        if (list) for (const i of list) (pool ??= new Set()).add(i)
      }
    }
    return pool ? [...pool] : []
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

  /** The actor a row names, found in the workspace (by name or alias) or created with the row. */
  const actorFor = (rowNo: number, name: string, extra: MappedRow['actors'][number] = { name }): Actor | undefined => {
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
    const actorIds = mapped.actors.length === 0 ? [] : [...new Set(mapped.actors.map((a) => actorFor(rowNo, a.name, a)?.id).filter((id): id is string => !!id))]
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
    const attributions: Attribution[] = mapped.attributions.map(({ toActorName, ...a }) => ({ ...a, id: `att-${randomUUID()}`, sourceIds: [], ...(toActorName ? { toActorId: actorFor(rowNo, toActorName)?.id } : {}) }) as Attribution)
    const responses: IncidentResponse[] = mapped.responses.map((r) => ({ ...r, id: `rsp-${randomUUID()}`, sourceIds: [] }) as IncidentResponse)
    const provenance: Provenance = { dataset, version, key: key ?? `row ${rowNo}`, row: rowNo, importedAt: now, digest }
    const base: Base = existing ? { ...blank, status: existing.status, tlp: existing.tlp, severity: existing.severity, locations: existing.locations.map((l) => ({ ...l })) } : blank
    const record = incidentRecord(base, mapped.incident, {
      id: existing?.id ?? `inc-${randomUUID()}`,
      actorIds: attributions.length === 0 ? actorIds : [...new Set([...actorIds, ...attributions.flatMap((a) => (a.toActorId ? [a.toActorId] : []))])],
      sourceIds,
      attributions,
      responses,
      provenance,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    })
    // Every record is checked against the schema: the fast check passes the usual ones as they are, zod reads the rest (and says what is wrong).
    const candidate = passesIncidentSchema(record) ? { success: true as const, data: record } : IncidentSchema.safeParse(record)
    if (!candidate.success) {
      const issue = candidate.error.issues[0]
      reject(rowNo, cells, issue.path.join('.') || '(row)', issue.message)
      return
    }
    const incident = candidate.data
    if (!existing) {
      const pool = duplicatePool(incident)
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
