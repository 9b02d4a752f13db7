// The EuRepoC Global Database preset: its columns, and a row read without a mapping (attributions and responses unzipped from parallel cells, initiators turned into sponsors and actors).
import { ATTRIBUTION_BASES, type AttributionBasis, type AttributorKind, type IncidentType, type LegalResponseType, type ResponseType } from '../domain'
import { cleanCell, foldName, isEmptyCell, NAMELESS, parseCountry, parseDateCell, splitCell } from './cells'
import { countriesOf, emptyMappedRow, type DraftAttribution, type DraftResponse, type MappedRow } from './mapping'

/** Columns a file must have to be read as EuRepoC. */
export const EUREPOC_COLUMNS = ['ID', 'name', 'start_date', 'receiver_country', 'initiator_country', 'attribution_date']

const IMPACT_TECHNIQUES: Record<string, string> = {
  'data destruction': 'T1485',
  'data encrypted for impact': 'T1486',
  defacement: 'T1491',
  'disk wipe': 'T1561',
  'endpoint denial of service': 'T1499',
  'network denial of service': 'T1498',
  'inhibit system recovery': 'T1490',
  'service stop': 'T1489',
  'resource hijacking': 'T1496',
  'account access removal': 'T1531',
  'firmware corruption': 'T1495',
  'system shutdown reboot': 'T1529',
  'data manipulation': 'T1565',
  'exploit public facing application': 'T1190',
  phishing: 'T1566',
  'external remote services': 'T1133',
  'valid accounts': 'T1078',
  'drive by compromise': 'T1189',
  'supply chain compromise': 'T1195',
  'trusted relationship': 'T1199',
  'replication through removable media': 'T1091',
  'hardware additions': 'T1200',
  'content injection': 'T1659',
}

const IMPACT_TYPES: Record<string, IncidentType> = {
  'data destruction': 'wiper',
  'disk wipe': 'wiper',
  'data encrypted for impact': 'ransomware',
  defacement: 'defacement',
  'endpoint denial of service': 'ddos',
  'network denial of service': 'ddos',
}

const EUREPOC_TYPES: Record<string, IncidentType[]> = {
  'data theft': ['espionage'],
  'data theft and doxing': ['espionage', 'hack-and-leak'],
  ransomware: ['ransomware'],
}

/** `; `-joined parallel cells, one entry per underlying row; empty entries kept so columns stay aligned. */
const parallel = (cell: string | undefined): string[] => (cell === undefined || cell.trim() === '' ? [] : cell.split(';').map((s) => s.trim()))

const ATTRIBUTOR_KIND: [RegExp, AttributorKind][] = [
  [/self/i, 'self-claim'],
  [/media|journalis|news/i, 'media'],
  [/it.?security|company|private|firm|vendor/i, 'company'],
  [/research|academ/i, 'researcher'],
  [/international|organi[sz]ation|\bEU\b|\bNATO\b|\bUN\b/i, 'international-org'],
  [/government|state|ministry|official/i, 'government'],
]

const BASIS: [RegExp, AttributionBasis][] = [
  [/technical|forensic|it.?security|malware|infrastructure/i, 'technical-forensics'],
  [/intelligence/i, 'intelligence'],
  [/political|statement|official/i, 'political-statement'],
  [/self|claim/i, 'self-claim'],
]

function actorKindOf(category: string): MappedRow['actors'][number]['kind'] {
  if (/hacktivist/i.test(category)) return 'hacktivist-persona'
  if (/criminal/i.test(category)) return 'criminal-group'
  return 'state-sponsored-group'
}


function addActor(row: MappedRow, name: string, country?: string, kind?: MappedRow['actors'][number]['kind']): void {
  const clean = cleanCell(name)
  if (!clean || NAMELESS.test(clean)) return
  if (row.actors.some((a) => foldName(a.name) === foldName(clean))) return
  row.actors.push({ name: clean, ...(country ? { country } : {}), ...(kind ? { kind } : {}) })
}

/** A political response's type from EuRepoC's `<actor group>: <measure>` and its subcode. */
function politicalType(group: string, measure: string, subcode: string): ResponseType {
  const all = `${measure} ${subcode}`
  if (/sanction/i.test(all)) return 'sanctions'
  if (/expel|expuls/i.test(all)) return 'expel-diplomats'
  if (/diplomatic relations|sever/i.test(all)) return 'break-relations'
  if (/indict|charge|arrest/i.test(all)) return 'indictment'
  if (/reward/i.test(all)) return 'reward'
  if (/emergency/i.test(all)) return 'state-of-emergency'
  if (/^(EU|International organi[sz]ations)$/i.test(group)) return 'alliance-statement'
  if (/cooperative|assistance/i.test(all)) return 'technical-assistance'
  return 'statement'
}

function legalTypeOf(text: string): LegalResponseType {
  if (/retorsion/i.test(text)) return 'retorsion'
  if (/countermeasure/i.test(text)) return 'countermeasure'
  if (/self.?defen/i.test(text)) return 'self-defence'
  if (/law enforcement|arrest|investigation|police/i.test(text)) return 'law-enforcement'
  if (/court|judicial|indict|prosecut/i.test(text)) return 'judicial'
  if (/legislat|\blaw\b/i.test(text)) return 'legislation'
  return 'other-legal'
}

function legalResponseType(legal: LegalResponseType, text: string): ResponseType {
  if (/diplomatic relations|sever/i.test(text)) return 'break-relations'
  if (/expel|expuls/i.test(text)) return 'expel-diplomats'
  if (/sanction|economic/i.test(text)) return 'sanctions'
  if (legal === 'law-enforcement' || legal === 'judicial') return 'indictment'
  if (legal === 'countermeasure' || legal === 'self-defence') return 'military-cyber-action'
  if (legal === 'retorsion') return 'sanctions'
  return 'statement'
}

/** One country of a response or attribution cell: a code, or nothing (regions such as "NATO (region)" stay in the actor's name). */
function oneCountry(value: string | undefined): string | undefined {
  if (!value || isEmptyCell(value)) return undefined
  const c = parseCountry(value.replace(/\s*\(region\)\s*$/i, ''))
  return 'code' in c ? c.code : undefined
}

function dateOf(row: MappedRow, column: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const d = parseDateCell(value)
  if ('value' in d) return d.value
  if ('error' in d) row.warnings.push({ column, value, reason: d.error })
  return undefined
}

/** An EuRepoC Global Database row (columns by name). */
export function eurepocRow(r: Readonly<Record<string, string>>): MappedRow {
  const row = emptyMappedRow()
  const inc = row.incident
  row.key = cleanCell(r.ID ?? '')
  if (!row.key) row.errors.push({ column: 'ID', reason: 'no ID (EuRepoC rows are matched by it on re-import)' })
  inc.title = cleanCell(r.name ?? '')
  if (!inc.title) row.errors.push({ column: 'name', reason: 'no name (every incident needs a title)' })
  inc.summary = (r.description ?? '').trim()
  for (const col of ['start_date', 'end_date'] as const) {
    const d = parseDateCell(r[col] ?? '')
    if ('value' in d) inc[col === 'start_date' ? 'start' : 'end'] = d.value
    else if ('error' in d && col === 'start_date') row.errors.push({ column: col, reason: d.error })
    else if ('error' in d) row.warnings.push({ column: col, value: r[col], reason: `${d.error}; left out` })
  }
  if (inc.start && inc.end && inc.end < inc.start.slice(0, inc.end.length)) {
    row.warnings.push({ column: 'end_date', value: inc.end, reason: 'the end is before the start, so it was left out' })
    delete inc.end
  }

  // Types from incident_type and the ATT&CK impact techniques; the dataset's own words kept as tags.
  const types = new Set<IncidentType>()
  const tags = ['EuRepoC']
  for (const t of splitCell(r.incident_type)) {
    for (const x of EUREPOC_TYPES[foldName(t)] ?? []) types.add(x)
    tags.push(t.slice(0, 60))
  }
  const techniques = new Set<string>()
  for (const col of ['MITRE_initial_access', 'MITRE_impact']) {
    for (const name of splitCell(r[col])) {
      const key = foldName(name)
      if (IMPACT_TYPES[key]) types.add(IMPACT_TYPES[key])
      if (IMPACT_TECHNIQUES[key]) techniques.add(IMPACT_TECHNIQUES[key])
      else row.warnings.push({ column: col, value: name, reason: `“${name}” is not an ATT&CK technique Watchfloor knows by name` })
    }
  }
  inc.types = [...types]
  inc.techniques = [...techniques]
  inc.tags = [...new Set(tags)]

  // Receivers: parallel list literals of names, countries and categories.
  const names = splitCell(r.receiver_name)
  const countries = r.receiver_country?.trim().startsWith('[') ? listCells(r.receiver_country) : splitCell(r.receiver_country)
  const categories = listCells(r.receiver_category)
  const subcodes = listCells(r.receiver_category_subcode)
  const victims: NonNullable<typeof inc.victims> = []
  countries.forEach((value, n) => {
    if (isEmptyCell(value)) return
    const c = parseCountry(value)
    if (!('code' in c)) {
      row.warnings.push({ column: 'receiver_country', value: c.unknown, reason: c.reason })
      return
    }
    const category = cleanCell(categories[n] ?? '')
    const sector = cleanCell(subcodes[n] ?? '')
    const organisation = names.length === countries.length ? cleanCell(names[n] ?? '') : ''
    if (!victims.some((v) => v.country === c.code && v.category === (category || undefined) && v.organisation === organisation)) {
      victims.push({ country: c.code, sector: isEmptyCell(sector) ? '' : sector.slice(0, 120), organisation: organisation.slice(0, 200), ...(category && !isEmptyCell(category) ? { category: category.slice(0, 200) } : {}) })
    }
  })
  inc.victims = victims

  // Initiators: sponsor countries, actors and the state nexus.
  inc.sponsorCountries = countriesOf(r.initiator_country, 'initiator_country', row)
  const initiatorCategories = listCells(r.initiator_category)
  const initiatorCountries = splitCell(r.initiator_country)
  splitCell(r.initiator_name).forEach((name, n) => addActor(row, name, oneCountry(initiatorCountries[n]), actorKindOf(initiatorCategories[n] ?? '')))
  const cats = initiatorCategories.join(' ')
  inc.nexus = /(^|[^-])\bstate\b/i.test(cats.replace(/non-state/gi, '')) ? 'state-linked' : /criminal/i.test(cats) ? 'criminal' : inc.sponsorCountries.length > 0 ? 'state-linked' : 'unknown'

  // Attributions: zipped entry by entry, repeats dropped.
  const a = {
    date: parallel(r.attribution_date),
    type: parallel(r.attribution_type),
    basis: parallel(r.attribution_basis),
    actor: parallel(r.attributing_actor),
    company: parallel(r.attribution_it_company),
    country: parallel(r.attributing_country),
    to: parallel(r.attributed_initiator),
    toCountry: parallel(r.attributed_initiator_country),
  }
  const nA = Math.max(...Object.values(a).map((l) => l.length))
  const seenA = new Set<string>()
  for (let n = 0; n < nA; n++) {
    const company = isEmptyCell(a.company[n]) ? '' : cleanCell(a.company[n])
    const actor = isEmptyCell(a.actor[n]) ? '' : cleanCell(a.actor[n])
    const country = isEmptyCell(a.country[n]) ? '' : cleanCell(a.country[n])
    const attributor = company || actor || country
    if (!attributor) {
      if (a.date[n] || a.type[n]) row.warnings.push({ column: 'attributing_actor', value: `entry ${n + 1}`, reason: 'an attribution names no attributor, so it was left out' })
      continue
    }
    const type = a.type[n] ?? ''
    // An attributed "initiator" that is a country is a state, not an actor.
    const toName = isEmptyCell(a.to[n]) || NAMELESS.test(cleanCell(a.to[n] ?? '')) ? undefined : cleanCell(a.to[n])
    const toNameCountry = toName ? oneCountry(toName) : undefined
    const draft: DraftAttribution = {
      attributor: attributor.slice(0, 200),
      attributorKind: company ? 'company' : (ATTRIBUTOR_KIND.find(([re]) => re.test(`${type} ${actor}`))?.[1] ?? 'government'),
      attributorCountry: oneCountry(country),
      date: dateOf(row, 'attribution_date', a.date[n]),
      toCountry: oneCountry(a.toCountry[n]) ?? toNameCountry,
      toActorName: toNameCountry ? undefined : toName,
      basis: [...new Set(BASIS.filter(([re]) => re.test(a.basis[n] ?? '')).map(([, b]) => b))].filter((b) => (ATTRIBUTION_BASES as readonly string[]).includes(b)),
      statement: [type, a.basis[n]].filter((s) => s && !isEmptyCell(s)).join(' — ').slice(0, 4000),
    }
    for (const k of Object.keys(draft) as (keyof DraftAttribution)[]) if (draft[k] === undefined) delete draft[k]
    const id = JSON.stringify(draft)
    if (seenA.has(id)) continue
    seenA.add(id)
    if (draft.toActorName) addActor(row, draft.toActorName, draft.toCountry)
    row.attributions.push(draft)
  }

  // Political and legal responses, with dates.
  const responses: DraftResponse[] = []
  const seenR = new Set<string>()
  const push = (d: DraftResponse) => {
    for (const k of Object.keys(d) as (keyof DraftResponse)[]) if (d[k] === undefined) delete d[k]
    const id = JSON.stringify(d)
    if (!seenR.has(id)) {
      seenR.add(id)
      responses.push(d)
    }
  }
  const p = { date: parallel(r.political_response_date), type: parallel(r.political_response_type), sub: parallel(r.political_response_type_subcode), country: parallel(r.political_response_country), actor: parallel(r.political_response_actor) }
  const nP = Math.max(...Object.values(p).map((l) => l.length))
  for (let n = 0; n < nP; n++) {
    const raw = p.type[n] ?? ''
    if (isEmptyCell(raw) && isEmptyCell(p.actor[n]) && isEmptyCell(p.country[n])) continue
    const [group, measure] = raw.includes(':') ? raw.split(':').map((s) => s.trim()) : ['', raw.trim()]
    const country = isEmptyCell(p.country[n]) ? '' : cleanCell(p.country[n])
    const actor = (isEmptyCell(p.actor[n]) ? '' : cleanCell(p.actor[n])) || country.replace(/\s*\(region\)\s*$/i, '') || group || 'Not stated'
    push({
      actor: actor.slice(0, 200),
      actorCountry: oneCountry(country),
      type: politicalType(group, measure, p.sub[n] ?? ''),
      date: dateOf(row, 'political_response_date', p.date[n]),
      target: '',
      description: [raw, p.sub[n]].filter((s) => s && !isEmptyCell(s)).join(' — ').slice(0, 4000),
    })
  }
  const l = { date: parallel(r.legal_response_date), type: parallel(r.legal_response_type), sub: parallel(r.legal_response_type_subcode), country: parallel(r.legal_response_country), actor: parallel(r.legal_response_actor) }
  const nL = Math.max(...Object.values(l).map((x) => x.length))
  for (let n = 0; n < nL; n++) {
    const raw = l.type[n] ?? ''
    if (isEmptyCell(raw)) continue
    const text = `${raw} ${l.sub[n] ?? ''}`
    const legal = legalTypeOf(text)
    const country = isEmptyCell(l.country[n]) ? '' : cleanCell(l.country[n])
    const actor = (isEmptyCell(l.actor[n]) ? '' : cleanCell(l.actor[n])) || country.replace(/\s*\(region\)\s*$/i, '') || 'Not stated'
    push({
      actor: actor.slice(0, 200),
      actorCountry: oneCountry(country),
      type: legalResponseType(legal, text),
      legalType: legal,
      date: dateOf(row, 'legal_response_date', l.date[n]),
      target: '',
      description: [raw, l.sub[n]].filter((s) => s && !isEmptyCell(s)).join(' — ').slice(0, 4000),
    })
  }
  row.responses = responses

  // Zero-days, intensity, sources.
  const zero = foldName(r.zero_days ?? '')
  if (zero === 'yes') inc.zeroDay = true
  else if (zero === 'no') inc.zeroDay = false
  const intensity = cleanCell(r.weighted_cyber_intensity ?? '')
  if (intensity && !isEmptyCell(intensity)) {
    const score = Number(intensity)
    if (Number.isFinite(score) && score >= 0) inc.intensity = { score, source: 'EuRepoC weighted cyber intensity' }
    else row.warnings.push({ column: 'weighted_cyber_intensity', value: intensity, reason: `“${intensity}” is not a number` })
  }
  for (const u of splitCell(r.sources_url)) {
    if (/^https?:\/\/\S+$/i.test(u)) row.sourceUrls.push(u)
    else row.warnings.push({ column: 'sources_url', value: u, reason: `“${u}” is not an http(s) address` })
  }
  return row
}

/** Cells of a list-literal column, one per entry; nested lists joined with `; `. */
function listCells(cell: string | undefined): string[] {
  if (cell === undefined || isEmptyCell(cell)) return []
  const t = cell.trim()
  if (!t.startsWith('[')) return splitCell(t)
  if (!t.startsWith('[[')) return splitCell(t)
  // [['a', 'b'], ['c']]: one entry per inner list.
  const out: string[] = []
  for (const m of t.slice(1, -1).matchAll(/\[([^\]]*)\]/g)) out.push(splitCell(`[${m[1]}]`).join('; '))
  return out
}
