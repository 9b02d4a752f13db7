// Reading one STIX object: whether it is valid STIX 2.1, a 2.0 object upgraded, and the properties Watchfloor keeps unchanged for a record.
import { STIX_ID, type StixLink } from '../../../shared/domain'
import { INCIDENT_CORE, WATCHFLOOR_PROPERTIES, WATCHFLOOR_RESPONSE, type StixObject } from './stixVocabulary'

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
/** Largest single object kept, in characters of JSON. */
const MAX_OBJECT_CHARS = 1_000_000
/** Extensions Watchfloor reads itself; any other is kept with the record. */
export const OURS = new Set([WATCHFLOOR_PROPERTIES, WATCHFLOOR_RESPONSE, INCIDENT_CORE])

/** Why an object cannot be read as STIX 2.1, or null. */
export function invalidReason(o: unknown): string | null {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not an object'
  const x = o as Record<string, unknown>
  if (typeof x.type !== 'string' || !/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/.test(x.type)) return 'its type is missing or not a STIX type name'
  if (x.id === undefined) return `its id is missing (it must be "${x.type}--<uuid>")`
  if (typeof x.id !== 'string' || !STIX_ID.test(x.id.toLowerCase()) || !x.id.startsWith(`${x.type}--`)) return `its id ${JSON.stringify(x.id)} is not "${x.type}--<uuid>"`
  // Cyber observables and marking definitions carry no modified time; every other object does.
  if (!isObservable(x) && x.type !== 'marking-definition') {
    if (!TIMESTAMP.test(String(x.created))) return 'created is not a STIX timestamp'
    if (!TIMESTAMP.test(String(x.modified))) return 'modified is not a STIX timestamp'
    if (String(x.modified) < String(x.created)) return 'modified is before created'
  }
  if (JSON.stringify(o).length > MAX_OBJECT_CHARS) return `it is larger than ${MAX_OBJECT_CHARS / 1_000_000} MB`
  return null
}

const OBSERVABLES = new Set(['artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file', 'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url', 'user-account', 'windows-registry-key', 'x509-certificate'])
const isObservable = (x: Record<string, unknown>) => OBSERVABLES.has(String(x.type))

/** Upgrades a STIX 2.0 object to 2.1 as far as Watchfloor reads it: the spec version, and millisecond timestamps. */
export function upgrade20(o: StixObject): StixObject {
  const out: StixObject = { ...o, spec_version: '2.1' }
  for (const k of ['created', 'modified']) {
    const v = out[k]
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) out[k] = v.replace('Z', '.000Z')
  }
  return out
}

/** The properties of an object Watchfloor has no field for, kept to export again unchanged. */
function extraOf(o: StixObject, known: readonly string[]): Record<string, unknown> | undefined {
  const skip = new Set(['type', 'id', 'spec_version', 'created', 'modified', 'extensions', ...known])
  const extra: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (!skip.has(k)) extra[k] = v
  const ext = Object.entries((o.extensions ?? {}) as Record<string, unknown>).filter(([k]) => !OURS.has(k))
  if (ext.length > 0) extra.extensions = Object.fromEntries(ext)
  return Object.keys(extra).length > 0 ? extra : undefined
}

export const link = (o: StixObject, known: readonly string[]): StixLink => {
  const extra = extraOf(o, known)
  return extra ? { id: o.id, extra } : { id: o.id }
}

