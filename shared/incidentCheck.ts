// A fast check that a built incident already is what IncidentSchema would make of it: bulk imports check every record with it and ask zod only about the records it does not pass (zod then gives the record, or the reason it is refused).
import { isCountryCode } from './countries'
import { ATTACK_TECHNIQUE, INCIDENT_STATUS, INCIDENT_TYPES, IncidentSchema, STATE_NEXUS, TLP_LEVELS, VISIBLE, type Incident } from './domain'
import { isPartialDate } from './partialDate'

const STATUS = new Set<unknown>(INCIDENT_STATUS)
const TYPES = new Set<unknown>(INCIDENT_TYPES)
const NEXUS = new Set<unknown>(STATE_NEXUS)
const TLP = new Set<unknown>(TLP_LEVELS)
const FIELDS = new Set(Object.keys(IncidentSchema.shape))
const VICTIM_FIELDS = new Set(['country', 'sector', 'organisation', 'category'])
const LOCATION_FIELDS = new Set(['label', 'lat', 'lon'])
const INTENSITY_FIELDS = new Set(['score', 'source'])
const PROVENANCE_FIELDS = new Set(['dataset', 'version', 'key', 'row', 'importedAt', 'digest'])

/** Timestamps seen to pass the schema's own timestamp check (an import stamps every record with the same few). */
const goodStamps = new Set<string>()
function isTimestamp(v: unknown): boolean {
  if (typeof v !== 'string') return false
  if (goodStamps.has(v)) return true
  if (!IncidentSchema.shape.createdAt.safeParse(v).success) return false
  if (goodStamps.size > 1000) goodStamps.clear()
  goodStamps.add(v)
  return true
}

const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max
/** A required text as the schema keeps it: already trimmed, not too long, something visible. */
const isRequired = (v: unknown, max: number) => typeof v === 'string' && v.length <= max && v.trim() === v && VISIBLE.test(v)
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 100
const isNumber = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v)
const isDate = (v: unknown) => typeof v === 'string' && isPartialDate(v)
const isCountry = (v: unknown) => typeof v === 'string' && isCountryCode(v)
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const onlyKeys = (v: Record<string, unknown>, allowed: ReadonlySet<string>) => Object.keys(v).every((k) => allowed.has(k))
const isList = (v: unknown, max: number, each: (x: unknown) => boolean) => Array.isArray(v) && v.length <= max && v.every(each)

const isBoolean = (v: unknown) => typeof v === 'boolean'
const isType = (v: unknown) => TYPES.has(v)
const isTechnique = (v: unknown) => typeof v === 'string' && ATTACK_TECHNIQUE.test(v)
const isTag = (v: unknown) => isRequired(v, 60)
const isSeverity = (v: unknown) => Number.isSafeInteger(v) && isNumber(v, 1, 5)
const isRow = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1
const isDigest = (v: unknown) => isText(v, 100)
const isCategory = (v: unknown) => isText(v, 200)

const isVictim = (v: unknown) =>
  isPlain(v) && onlyKeys(v, VICTIM_FIELDS) && isCountry(v.country) && isText(v.sector, 120) && isText(v.organisation, 200) && optional(v.category, isCategory)
const isLocation = (v: unknown) => isPlain(v) && onlyKeys(v, LOCATION_FIELDS) && isText(v.label, 200) && isNumber(v.lat, -90, 90) && isNumber(v.lon, -180, 180)
const isIntensity = (v: unknown) => isPlain(v) && onlyKeys(v, INTENSITY_FIELDS) && isNumber(v.score, 0, 1000) && isRequired(v.source, 200)
const isProvenance = (v: unknown) =>
  isPlain(v) &&
  onlyKeys(v, PROVENANCE_FIELDS) &&
  isRequired(v.dataset, 200) &&
  isText(v.version, 100) &&
  isRequired(v.key, 200) &&
  optional(v.row, isRow) &&
  isTimestamp(v.importedAt) &&
  optional(v.digest, isDigest)

/**
 * True only when `IncidentSchema.parse(value)` would succeed and give back a record equal to `value`
 * (every default present, required texts trimmed, no unknown field). False says nothing more:
 * ask the schema. Attributions, responses and STIX links are always left to the schema.
 */
export function passesIncidentSchema(value: unknown): value is Incident {
  if (!isPlain(value) || !onlyKeys(value, FIELDS)) return false
  const v = value
  return (
    isId(v.id) &&
    isTimestamp(v.createdAt) &&
    isTimestamp(v.updatedAt) &&
    isRequired(v.title, 300) &&
    isText(v.summary, 20000) &&
    STATUS.has(v.status) &&
    isList(v.types, INCIDENT_TYPES.length, isType) &&
    optional(v.start, isDate) &&
    optional(v.end, isDate) &&
    optional(v.disclosed, isDate) &&
    !(typeof v.start === 'string' && typeof v.end === 'string' && v.end < v.start.slice(0, v.end.length)) &&
    isList(v.victims, 300, isVictim) &&
    isList(v.sponsorCountries, 20, isCountry) &&
    isList(v.actorIds, 50, isId) &&
    NEXUS.has(v.nexus) &&
    isText(v.impact, 10000) &&
    optional(v.severity, isSeverity) &&
    isList(v.techniques, 200, isTechnique) &&
    isList(v.tags, 50, isTag) &&
    TLP.has(v.tlp) &&
    isList(v.sourceIds, 200, isId) &&
    Array.isArray(v.attributions) &&
    v.attributions.length === 0 &&
    Array.isArray(v.responses) &&
    v.responses.length === 0 &&
    isList(v.locations, 50, isLocation) &&
    optional(v.zeroDay, isBoolean) &&
    optional(v.intensity, isIntensity) &&
    optional(v.provenance, isProvenance) &&
    optional(v.sample, isBoolean) &&
    v.stix === undefined
  )
}
