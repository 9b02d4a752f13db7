// Column mappings for CSV import: which incident field each column feeds, how enumeration values translate, and one row read through a mapping into an incident draft with its problems.
import { z } from 'zod'
import {
  INCIDENT_STATUS,
  INCIDENT_TYPE_LABELS,
  INCIDENT_TYPES,
  STATE_NEXUS,
  STATE_NEXUS_LABELS,
  TLP_LEVELS,
  ATTACK_TECHNIQUE,
  type Attribution,
  type Incident,
  type IncidentResponse,
  type Victim,
} from '../domain'
import { cleanCell, foldName, isEmptyCell, parseCountry, parseDateCell, splitCell, type CountryResult } from './cells'

export const CSV_FIELDS = [
  { id: 'key', label: 'Dataset id (matches re-imports)', kind: 'text' },
  { id: 'title', label: 'Title', kind: 'text' },
  { id: 'summary', label: 'Summary', kind: 'text' },
  { id: 'start', label: 'Start date', kind: 'date' },
  { id: 'end', label: 'End date', kind: 'date' },
  { id: 'disclosed', label: 'Disclosure date', kind: 'date' },
  { id: 'types', label: 'Types', kind: 'enum' },
  { id: 'status', label: 'Status', kind: 'enum' },
  { id: 'nexus', label: 'State nexus', kind: 'enum' },
  { id: 'tlp', label: 'TLP', kind: 'enum' },
  { id: 'zeroDay', label: 'Zero-day used', kind: 'enum' },
  { id: 'victims', label: 'Victim countries', kind: 'countries' },
  { id: 'sector', label: 'Victim sector', kind: 'text' },
  { id: 'organisation', label: 'Victim organisation', kind: 'text' },
  { id: 'category', label: 'Victim category', kind: 'text' },
  { id: 'sponsors', label: 'Sponsor countries', kind: 'countries' },
  { id: 'actors', label: 'Threat actors (names)', kind: 'list' },
  { id: 'severity', label: 'Severity (1–5)', kind: 'number' },
  { id: 'intensity', label: 'Intensity score', kind: 'number' },
  { id: 'impact', label: 'Impact', kind: 'text' },
  { id: 'techniques', label: 'ATT&CK technique ids', kind: 'list' },
  { id: 'tags', label: 'Tags', kind: 'list' },
  { id: 'sources', label: 'Source URLs', kind: 'list' },
] as const
export type CsvField = (typeof CSV_FIELDS)[number]['id']
const FIELD_IDS = CSV_FIELDS.map((f) => f.id) as [CsvField, ...CsvField[]]

export const ENUM_FIELDS = ['types', 'status', 'nexus', 'tlp', 'zeroDay'] as const
export type EnumField = (typeof ENUM_FIELDS)[number]

/** The values an enumeration field takes, with labels. */
export const ENUM_OPTIONS: Record<EnumField, { value: string; label: string }[]> = {
  types: INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_LABELS[t] })),
  status: INCIDENT_STATUS.map((s) => ({ value: s, label: s === 'draft' ? 'Draft' : 'Confirmed' })),
  nexus: STATE_NEXUS.map((n) => ({ value: n, label: STATE_NEXUS_LABELS[n] })),
  tlp: TLP_LEVELS.map((t) => ({ value: t, label: `TLP:${t}` })),
  zeroDay: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
}

/** Value to leave a cell's value out on purpose (mapped to nothing). */
export const IGNORE = ''

export const CsvMappingSchema = z
  .object({
    /** Shown when choosing a saved mapping. */
    name: z.string().trim().max(200).default(''),
    /** Header → field; a header not listed is ignored. */
    columns: z.record(z.string().max(500), z.enum(FIELD_IDS, { error: 'Unknown field' })).refine((c) => Object.keys(c).length <= 500, 'At most 500 columns'),
    /** Field → raw value (folded) → enumeration value, or '' to leave it out. */
    values: z.partialRecord(z.enum(ENUM_FIELDS), z.record(z.string().max(500), z.string().max(100))).default({}),
    /** How slashed dates read: 7/5/2022 is 5 July ('mdy') or 7 May ('dmy'). */
    dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
    /** Provenance of the rows: which dataset, which version. */
    dataset: z.string().trim().max(200).default(''),
    version: z.string().trim().max(100).default(''),
  })
  .strict()
export type CsvMapping = z.infer<typeof CsvMappingSchema>
export type CsvMappingInput = z.input<typeof CsvMappingSchema>

/** Where a saved mapping went: its file, whether it replaced the saved mapping of the same name, and the other saved mappings whose names make the same file name (each kept in its own file). */
export interface SavedMappingFile {
  path: string
  replaced: boolean
  alongside: { name: string; path: string }[]
}

/** Synonyms seen in spreadsheets and datasets, folded, for each enumeration value. */
const SYNONYMS: Record<EnumField, Record<string, string>> = {
  types: {
    'data destruction': 'wiper',
    wiper: 'wiper',
    destructive: 'wiper',
    'disk wipe': 'wiper',
    ransomware: 'ransomware',
    espionage: 'espionage',
    'data theft': 'espionage',
    'cyber espionage': 'espionage',
    'denial of service': 'ddos',
    dos: 'ddos',
    ddos: 'ddos',
    defacement: 'defacement',
    doxing: 'hack-and-leak',
    doxxing: 'hack-and-leak',
    'hack and leak': 'hack-and-leak',
    'data theft and doxing': 'hack-and-leak',
    sabotage: 'physical-sabotage',
    'financial theft': 'financial-theft',
    influence: 'influence',
    'influence operation': 'influence',
    disinformation: 'influence',
  },
  status: { draft: 'draft', confirmed: 'confirmed', verified: 'confirmed' },
  nexus: { 'state linked': 'state-linked', state: 'state-linked', 'state sponsored': 'state-linked', criminal: 'criminal', unknown: 'unknown' },
  tlp: { clear: 'CLEAR', white: 'CLEAR', green: 'GREEN', amber: 'AMBER', 'amber strict': 'AMBER+STRICT', red: 'RED' },
  zeroDay: { yes: 'yes', y: 'yes', true: 'yes', '1': 'yes', no: 'no', n: 'no', false: 'no', '0': 'no' },
}

/** The key a raw enumeration value is looked up by in a mapping's `values`. */
export function valueKey(raw: string): string {
  let key = keyCache.get(raw)
  if (key === undefined) {
    key = foldName(raw.replace(/^tlp:/i, ''))
    if (keyCache.size > 50_000) keyCache.clear()
    keyCache.set(raw, key)
  }
  return key
}
const keyCache = new Map<string, string>()

/** The enumeration value a raw value most plausibly means (its own id, its label, or a known synonym), or undefined. */
export function suggestValue(field: EnumField, raw: string): string | undefined {
  const key = valueKey(raw)
  const own = ENUM_OPTIONS[field].find((o) => valueKey(o.value) === key || valueKey(o.label) === key)
  return own?.value ?? SYNONYMS[field][key]
}

/** Header words that suggest each field. */
const HEADER_HINTS: [RegExp, CsvField][] = [
  [/^(id|key|incident id|watchfloor id|uid)$/, 'key'],
  [/^(title|name|incident|incident name)$/, 'title'],
  [/^(summary|description|details)$/, 'summary'],
  [/^(start|start date|date|began|first seen)$/, 'start'],
  [/^(end|end date|ended|last seen)$/, 'end'],
  [/^(disclosed|disclosure|disclosure date|reported)$/, 'disclosed'],
  [/^(types?|incident types?|category of operation)$/, 'types'],
  [/^status$/, 'status'],
  [/^(nexus|state nexus)$/, 'nexus'],
  [/^(tlp|marking)$/, 'tlp'],
  [/^(zero days?|zero day|0 day)$/, 'zeroDay'],
  [/^(victims?|victim countr(y|ies)|target countr(y|ies)|country)$/, 'victims'],
  [/^(sector|victim sector)$/, 'sector'],
  [/^(organisation|organization|victim organisation|victim organization)$/, 'organisation'],
  [/^(sponsors?|sponsor countr(y|ies)|attributed to|state sponsor)$/, 'sponsors'],
  [/^(actors?|threat actors?|affiliations?|group)$/, 'actors'],
  [/^severity$/, 'severity'],
  [/^intensity$/, 'intensity'],
  [/^impact$/, 'impact'],
  [/^(techniques?|attack techniques?|mitre)$/, 'techniques'],
  [/^tags?$/, 'tags'],
  [/^(sources?|source urls?|urls?|references?)( \d+)?$/, 'sources'],
]

/** A first mapping for a file's headers: each header matched to the field its name suggests, enumeration values to their likely meaning. */
export function suggestMapping(headers: readonly string[], rows: readonly (readonly string[])[] = [], dataset = ''): CsvMapping {
  const columns: Record<string, CsvField> = {}
  const taken = new Set<CsvField>()
  for (const h of headers) {
    const key = foldName(h)
    const hit = HEADER_HINTS.find(([re, field]) => re.test(key) && (field === 'sources' || !taken.has(field)))
    if (hit) {
      columns[h] = hit[1]
      taken.add(hit[1])
    }
  }
  const mapping: CsvMapping = { name: '', columns, values: {}, dateOrder: 'mdy', dataset, version: '' }
  for (const v of enumValueCounts(headers, rows, mapping)) {
    const suggestion = suggestValue(v.field, v.value)
    if (suggestion) (mapping.values[v.field] ??= {})[valueKey(v.value)] = suggestion
  }
  return mapping
}

/** Every distinct value of the enumeration columns, with how many rows hold it and what the mapping makes of it (undefined: unmapped). */
export function enumValueCounts(headers: readonly string[], rows: readonly (readonly string[])[], mapping: CsvMapping): { field: EnumField; column: string; value: string; count: number; mapped: string | undefined }[] {
  const out = new Map<string, { field: EnumField; column: string; value: string; count: number; mapped: string | undefined }>()
  headers.forEach((h, col) => {
    const field = mapping.columns[h]
    if (!field || !(ENUM_FIELDS as readonly string[]).includes(field)) return
    const f = field as EnumField
    for (const row of rows) {
      for (const value of f === 'types' ? splitCell(row[col], { commas: true }) : isEmptyCell(row[col]) ? [] : [cleanCell(row[col])]) {
        const id = `${f}\u0000${valueKey(value)}`
        const entry = out.get(id) ?? { field: f, column: h, value, count: 0, mapped: mapping.values[f]?.[valueKey(value)] }
        entry.count++
        out.set(id, entry)
      }
    }
  })
  return [...out.values()].sort((a, b) => a.field.localeCompare(b.field) || b.count - a.count)
}

/** An attribution before it has an id, naming the actor it points at. */
export type DraftAttribution = Omit<Attribution, 'id' | 'toActorId' | 'sourceIds' | 'stix'> & { toActorName?: string }
export type DraftResponse = Omit<IncidentResponse, 'id' | 'sourceIds' | 'stix'>
export type IncidentDraft = Partial<Omit<Incident, 'id' | 'createdAt' | 'updatedAt' | 'attributions' | 'responses' | 'actorIds' | 'sourceIds' | 'provenance' | 'stix'>>

/** A row read through a mapping or a preset: the incident it describes, and what could not be read. */
export interface MappedRow {
  /** The dataset's own id for the row, when it has one. */
  key?: string
  incident: IncidentDraft
  actors: { name: string; aliases?: string[]; country?: string; kind?: 'state-sponsored-group' | 'criminal-group' | 'hacktivist-persona' | 'state-agency' }[]
  attributions: DraftAttribution[]
  responses: DraftResponse[]
  sourceUrls: string[]
  /** Any of these rejects the row. */
  errors: { column: string; reason: string }[]
  /** Values left out (unknown countries, odd numbers…): listed in the preview, the row still imports. */
  warnings: { column: string; value: string; reason: string }[]
}

export function emptyMappedRow(): MappedRow {
  return { incident: {}, actors: [], attributions: [], responses: [], sourceUrls: [], errors: [], warnings: [] }
}

/** Countries of a cell: codes found, and each value that is not a country (listed as a warning on `column`). */
export function countriesOf(cell: string | undefined, column: string, row: MappedRow): string[] {
  const out: string[] = []
  if (cell === undefined) return out
  for (const c of countryResults(cell)) {
    if ('code' in c) {
      if (!out.includes(c.code)) out.push(c.code)
    } else row.warnings.push({ column, value: c.unknown, reason: c.reason })
  }
  return out
}

/** What each value of a country cell resolves to. Datasets repeat the same country cells thousands of times: each distinct one is read once. */
function countryResults(cell: string): readonly CountryResult[] {
  let results = countryCellCache.get(cell)
  if (!results) {
    results = splitCell(cell, { commas: !cell.includes('[') }).map(parseCountry)
    if (countryCellCache.size > 50_000) countryCellCache.clear()
    countryCellCache.set(cell, results)
  }
  return results
}
const countryCellCache = new Map<string, readonly CountryResult[]>()

/** The values of a types cell, each distinct cell split once (the same reason). */
function typeValues(cell: string): readonly string[] {
  let values = typeCellCache.get(cell)
  if (!values) {
    values = splitCell(cell, { commas: true })
    if (typeCellCache.size > 50_000) typeCellCache.clear()
    typeCellCache.set(cell, values)
  }
  return values
}
const typeCellCache = new Map<string, readonly string[]>()

/** The enumeration value a mapping gives `raw` (undefined when it is left out); a raw value the mapping does not know is an error on `column`. */
function enumValue(mapping: CsvMapping, row: MappedRow, column: string, field: EnumField, raw: string): string | undefined {
  const mapped = mapping.values[field]?.[valueKey(raw)]
  if (mapped === undefined) {
    row.errors.push({ column, reason: `“${raw}” has no mapping for ${CSV_FIELDS.find((x) => x.id === field)!.label.toLowerCase()}` })
    return undefined
  }
  return mapped === IGNORE ? undefined : mapped
}

/** Reads one data row through a generic column mapping. */
export function mapCsvRow(headers: readonly string[], cells: readonly string[], mapping: CsvMapping): MappedRow {
  const row = emptyMappedRow()
  const inc = row.incident
  const victimCountries: string[] = []
  let sector = ''
  let organisation = ''
  let category: string | undefined
  for (let col = 0; col < headers.length; col++) {
    const h = headers[col]
    const field = mapping.columns[h]
    if (!field) continue
    const cell = cells[col] ?? ''
    if (isEmptyCell(cell)) continue
    const text = cleanCell(cell)
    switch (field) {
      case 'key':
        row.key = text
        break
      case 'title':
        inc.title = text
        break
      case 'summary':
        inc.summary = cell.trim()
        break
      case 'impact':
        inc.impact = cell.trim()
        break
      case 'start':
      case 'end':
      case 'disclosed': {
        const d = parseDateCell(text, mapping.dateOrder)
        if ('value' in d) inc[field] = d.value
        else if ('error' in d) row.errors.push({ column: h, reason: d.error })
        break
      }
      case 'types': {
        const types = inc.types ?? []
        for (const v of typeValues(cell)) {
          const t = enumValue(mapping, row, h, 'types', v) as Incident['types'][number] | undefined
          if (t && !types.includes(t)) types.push(t)
        }
        inc.types = types
        break
      }
      case 'status':
      case 'nexus':
      case 'tlp': {
        const v = enumValue(mapping, row, h, field, text)
        if (v) (inc as Record<string, unknown>)[field] = v
        break
      }
      case 'zeroDay': {
        const v = enumValue(mapping, row, h, 'zeroDay', text)
        if (v) inc.zeroDay = v === 'yes'
        break
      }
      case 'victims':
        for (const code of countriesOf(cell, h, row)) if (!victimCountries.includes(code)) victimCountries.push(code)
        break
      case 'sponsors':
        inc.sponsorCountries = inc.sponsorCountries ? [...new Set([...inc.sponsorCountries, ...countriesOf(cell, h, row)])] : countriesOf(cell, h, row)
        break
      case 'sector':
        sector = text
        break
      case 'organisation':
        organisation = text
        break
      case 'category':
        category = text
        break
      case 'actors':
        for (const name of splitCell(cell)) if (!row.actors.some((a) => foldName(a.name) === foldName(name))) row.actors.push({ name })
        break
      case 'severity':
      case 'intensity': {
        const n = Number(text.replace(',', '.'))
        if (!Number.isFinite(n)) row.errors.push({ column: h, reason: `“${text}” is not a number` })
        else if (field === 'severity') inc.severity = n
        else inc.intensity = { score: n, source: `${mapping.dataset || 'Imported'} intensity` }
        break
      }
      case 'techniques':
        for (const t of splitCell(cell, { commas: true })) {
          const id = t.toUpperCase()
          if (ATTACK_TECHNIQUE.test(id)) inc.techniques = [...new Set([...(inc.techniques ?? []), id])]
          else row.warnings.push({ column: h, value: t, reason: `“${t}” is not an ATT&CK technique id (like T1485)` })
        }
        break
      case 'tags':
        inc.tags = [...new Set([...(inc.tags ?? []), ...splitCell(cell, { commas: true })])]
        break
      case 'sources':
        for (const u of splitCell(cell, { sep: /\s+/.test(text) ? ' ' : ';' })) {
          if (/^https?:\/\/\S+$/i.test(u)) row.sourceUrls.push(u)
          else row.warnings.push({ column: h, value: u, reason: `“${u}” is not an http(s) address` })
        }
        break
    }
  }
  // Each victim built once, in its final shape.
  if (victimCountries.length > 0) inc.victims = victimCountries.map((country): Victim => (category ? { country, sector, organisation, category } : { country, sector, organisation }))
  if (!inc.title) row.errors.push({ column: Object.keys(mapping.columns).find((h) => mapping.columns[h] === 'title') ?? 'Title', reason: 'no title (every incident needs one)' })
  return row
}
