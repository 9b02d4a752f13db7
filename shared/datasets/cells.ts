// Reading dataset cells the way spreadsheets and published datasets write them: dates at their precision, country names and codes, several values per cell, and formula escaping for CSV written back out.
import { isCountryCode } from '../countries'
import { isPartialDate, parsePartialDate, type PartialDate } from '../partialDate'
import codes from 'i18n-iso-countries/codes.json'
import english from 'i18n-iso-countries/langs/en.json'

/** Cells that say "no value" in the published datasets: read as empty, never as an error. */
const EMPTY = /^(?:|\?+|-+|n\/?a|none|null|nan|unknown|not available|not applicable|\[\s*\]|\[\s*'not available'\s*\])$/i

/** True when a cell holds no value (empty, `?`, `Not available`, `['Not available']`, `N/A`…). */
export function isEmptyCell(cell: string | undefined | null): boolean {
  if (cell === undefined || cell === null) return true
  // No "no value" spelling is this long: a long cell is empty only when blank (and most cells are long).
  if (cell.length > 40) return cell.trim() === ''
  const text = cleanCell(cell)
  // Every "no value" spelling is blank or starts with one of these: most cells are ruled out by their first character.
  return text === '' || (EMPTY_START.includes(text[0]) && EMPTY.test(text))
}
const EMPTY_START = '?-nNuU['

/** Names that name no actor ("Unknown", "Not attributed"…): an actor called so is left out. */
export const NAMELESS = /^(unknown|not available|n\/?a|none|unknown - not attributed|not attributed)$/i

/** A cell with non-breaking spaces and runs of blanks tidied. */
export function cleanCell(cell: string): string {
  return UNTIDY.test(cell) ? cell.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim() : cell
}
const UNTIDY = /\u00a0|\s\s|^\s|\s$|[\t\r\n]/

export type DateOrder = 'mdy' | 'dmy'

/** A date cell read, or why it could not be. */
export type CellResult<T> = { value: T } | { empty: true } | { error: string }

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Reads a date cell keeping its precision: `2022` → year, `2022-07` / `July 2022` / `7/2022` → month,
 * `2022-07-15` / `7/15/2022` / `15 July 2022` / `2022-07-15T10:00:00Z` → day. Slashed day-month dates
 * follow `order` (US month first by default); a slashed date whose first part is over 12 is read day first.
 * Empty cells (`''`, `?`, `Not available`) are empty, not errors.
 */
export function parseDateCell(cell: string, order: DateOrder = 'mdy'): CellResult<PartialDate> {
  // Datasets repeat the same cells thousands of times: each distinct one is read once.
  const key = `${order}${cell}`
  const known = dateCache.get(key)
  if (known) return known
  const result = readDateCell(cell, order)
  if (dateCache.size > 50_000) dateCache.clear()
  dateCache.set(key, result)
  return result
}

const dateCache = new Map<string, CellResult<PartialDate>>()

function readDateCell(cell: string, order: DateOrder): CellResult<PartialDate> {
  if (isEmptyCell(cell)) return { empty: true }
  const text = cleanCell(cell)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`
    return isPartialDate(day) ? { value: day } : { error: `“${text}” is not a real day` }
  }
  let m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(text)
  if (m) return built(text, Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]))
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text)
  if (m) {
    const year = m[3].length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3])
    let [month, day] = order === 'mdy' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])]
    if (month > 12 && day <= 12) [month, day] = [day, month]
    return built(text, year, month, day)
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(text)
  if (m) return built(text, Number(m[2]), Number(m[1]))
  const loose = parsePartialDate(text.replace(/(\d)(st|nd|rd|th)\b/gi, '$1'))
  if (loose) return { value: loose }
  return { error: `“${text}” is not a date (use 2022, 2022-07, 2022-07-15, July 2022 or 7/15/2022)` }
}

function twoDigitYear(y: number): number {
  return y < 70 ? 2000 + y : 1900 + y
}

function built(text: string, year: number, month: number, day?: number): CellResult<PartialDate> {
  const value = day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`
  return isPartialDate(value) ? { value } : { error: `“${text}” is not a real date` }
}

/** Folded form of a name for lookups: no accents, case, punctuation, stray `?` (characters an export lost) or leading "the". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.?]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
}

/** Names that the ISO list writes in its long form or that the datasets use, beside the common English names. */
const EXTRA_NAMES: Record<string, string[]> = {
  IR: ['Iran, Islamic Republic of', 'Islamic Republic of Iran', 'Persia'],
  KP: ["Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", 'DPRK', 'Korea'],
  KR: ['Republic of Korea', 'ROK', 'Korea'],
  RU: ['Russian Federation'],
  MD: ['Moldova, Republic of', 'Republic of Moldova'],
  VE: ['Venezuela, Bolivarian Republic of'],
  BO: ['Bolivia, Plurinational State of'],
  TZ: ['Tanzania, United Republic of'],
  PS: ['Palestine, State of', 'Palestinian Territories', 'Palestinian Territory, Occupied'],
  FM: ['Micronesia, Federated States of'],
  CD: ['Congo, The Democratic Republic of the', 'Congo, Democratic Republic of the', 'DR Congo', 'DRC', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville', 'Republic of Congo'],
  MK: ['Macedonia', 'Macedonia, the former Yugoslav Republic of'],
  VN: ['Viet Nam'],
  MM: ['Burma'],
  LA: ['Laos'],
  SY: ['Syria'],
  VA: ['Holy See (Vatican City State)', 'Vatican'],
  XK: ['Kosovo'],
  SZ: ['Swaziland', 'Eswatini'],
  CV: ['Cape Verde', 'Cabo Verde'],
  TW: ['Republic of China'],
  CN: ["People's Republic of China", 'PRC'],
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  US: ['America'],
  AE: ['UAE', 'Emirates'],
  NL: ['Holland', 'Netherlands, Kingdom of the'],
}

const COUNTRY_INDEX: Map<string, Set<string>> = (() => {
  const index = new Map<string, Set<string>>()
  const add = (name: string, code: string) => {
    if (!isCountryCode(code)) return
    const key = foldName(name)
    if (!key) return
    const set = index.get(key) ?? new Set<string>()
    set.add(code)
    index.set(key, set)
  }
  for (const [code, names] of Object.entries((english as { countries: Record<string, string | string[]> }).countries)) {
    for (const name of Array.isArray(names) ? names : [names]) add(name, code)
  }
  for (const [code, names] of Object.entries(EXTRA_NAMES)) for (const name of names) add(name, code)
  return index
})()

const ALPHA3: Map<string, string> = new Map((codes as string[][]).map(([a2, a3]) => [a3, a2]))

/** What a country cell value resolved to: a code, or why not (unknown or ambiguous). */
export type CountryResult = { code: string } | { unknown: string; reason: string }

/**
 * A country name or code to its ISO 3166-1 alpha-2 code: `IR`, `IRN`, `Iran`, `Iran, Islamic Republic of`
 * and `Islamic Republic of Iran` all give `IR`. Names that fit several countries ("Congo", "Korea")
 * and names not known (regions such as "EU (region)") are returned as unknown, never guessed.
 */
export function parseCountry(value: string): CountryResult {
  const known = countryCache.get(value)
  if (known) return known
  const result = readCountry(value)
  if (countryCache.size > 50_000) countryCache.clear()
  countryCache.set(value, result)
  return result
}

const countryCache = new Map<string, CountryResult>()

function readCountry(value: string): CountryResult {
  const text = cleanCell(value)
  if (/^[A-Za-z]{2}$/.test(text) && isCountryCode(text.toUpperCase())) return { code: text.toUpperCase() }
  if (/^[A-Z]{3}$/.test(text) && ALPHA3.has(text)) return { code: ALPHA3.get(text)! }
  const found = COUNTRY_INDEX.get(foldName(text))
  if (found && found.size === 1) return { code: [...found][0] }
  if (found && found.size > 1) return { unknown: text, reason: `“${text}” could be ${[...found].join(' or ')}` }
  if (text.includes('?')) {
    // A `?` where an export lost a character (C?te d?Ivoire): any one letter or none, when exactly one country fits.
    const pattern = new RegExp(`^${foldName(text.replace(/\?/g, 'zqxz')).split('zqxz').map((s) => s.replace(/[.*+^${}()|[\]\\]/g, '\\$&')).join('[a-z]?')}$`)
    const fits = new Set<string>()
    for (const [name, set] of COUNTRY_INDEX) if (pattern.test(name)) for (const c of set) fits.add(c)
    if (fits.size === 1) return { code: [...fits][0] }
  }
  return { unknown: text, reason: `“${text}” is not a country Watchfloor knows` }
}

/**
 * The values of a cell that holds several: a Python-style list literal (`['Albania', 'Albania']`,
 * nested lists flattened), or values separated by `sep` (default `;`, then `,` when `commas`).
 * Empty and "Not available" entries are dropped; order is kept and repeats too (callers that zip
 * parallel columns need them).
 */
export function splitCell(cell: string | undefined, options: { sep?: string; commas?: boolean } = {}): string[] {
  if (cell === undefined || isEmptyCell(cell)) return []
  const text = cell.trim()
  if (text.startsWith('[') && text.endsWith(']')) return listLiteral(text).filter((v) => !isEmptyCell(v)).map(cleanCell)
  const sep = options.sep ?? ';'
  let parts = text.split(sep)
  if (parts.length === 1 && options.commas) parts = text.split(',')
  return parts.map(cleanCell).filter((v) => !isEmptyCell(v))
}

/** The strings of a (possibly nested) Python list literal; quotes of either kind, backslash escapes. */
function listLiteral(text: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === "'" || c === '"') {
      let s = ''
      i++
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++
        s += text[i++]
      }
      out.push(s)
      i++
    } else if (c === '[' || c === ']' || c === ',' || /\s/.test(c)) i++
    else {
      // A bare token (None, a number): read up to the next separator.
      let s = ''
      while (i < text.length && !/[,\]]/.test(text[i])) s += text[i++]
      if (s.trim() && s.trim() !== 'None') out.push(s.trim())
    }
  }
  return out
}

/** First characters a spreadsheet reads as a formula or control. */
const FORMULA_START = /^[=+\-@\t\r]/

/** A cell value made safe to open in a spreadsheet: one starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}
