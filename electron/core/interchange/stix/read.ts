// Plain values read out of a STIX object for a record: strings, dates, countries, import ids, TLP markings, ATT&CK ids and Watchfloor's own properties.
import { type Tlp } from '../../../../shared/domain'
import { isCountryCode } from '../../../../shared/countries'
import { isPartialDate } from '../../../../shared/partialDate'
import { TLP1_MARKINGS, TLP_MARKINGS, uuidV5, WATCHFLOOR_PROPERTIES, type StixObject } from '../stixVocabulary'
import { TIMESTAMP } from '../stixObjects'

/** The TLP level of each marking definition Watchfloor knows (TLP 2.0 and 1.0). */
export const TLP_BY_MARKING = new Map<string, Tlp>([...Object.entries(TLP_MARKINGS).map(([k, v]) => [v, k as Tlp] as const), ...Object.entries(TLP1_MARKINGS)])

/** `v` if it is a string. */
export const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
/** The strings of `v` if it is an array; otherwise none. */
export const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
/** `v` if it is a partial date (year, month or day). */
export const date = (v: unknown) => (typeof v === 'string' && isPartialDate(v) ? v : undefined)
/** The day (YYYY-MM-DD) of a STIX timestamp. */
export const dayOf = (ts: unknown) => (typeof ts === 'string' && TIMESTAMP.test(ts) ? ts.slice(0, 10) : undefined)
/** `v` as an ISO country code (upper case), if it is one in either case. */
export const country = (v: unknown) => (typeof v === 'string' && isCountryCode(v.toUpperCase()) ? v.toUpperCase() : undefined)
/** The Watchfloor id a record imported from the STIX object `stixIdValue` gets: the same every time. */
export const prefixed = (prefix: string, stixIdValue: string) => `${prefix}-${uuidV5(`import:${stixIdValue}`)}`
/** A STIX timestamp as an ISO time (milliseconds), or `fallback` when it is not one. */
export const iso = (ts: unknown, fallback: string) => (typeof ts === 'string' && TIMESTAMP.test(ts) ? new Date(ts).toISOString() : fallback)

/** Watchfloor's own properties extension of `o`, if it has one. */
export const ours = (o: StixObject) => ((o.extensions ?? {}) as Record<string, Record<string, unknown> | undefined>)[WATCHFLOOR_PROPERTIES]

/** The ATT&CK technique id of an attack-pattern (its mitre-attack external reference), if it has one. */
export function attackId(o: StixObject): string | undefined {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : []
  const id = refs.find((r) => r.source_name === 'mitre-attack' && typeof r.external_id === 'string' && /^T\d{4}(\.\d{3})?$/.test(r.external_id))?.external_id
  return typeof id === 'string' ? id : undefined
}
