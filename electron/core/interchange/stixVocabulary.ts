// The STIX 2.1 vocabulary Watchfloor speaks: stable identifiers, its own extension definitions, TLP 2.0 markings, and the mappings of its terms to STIX's.
import { hash } from 'node:crypto'
import type { ActorKind, Confidence, Tlp } from '../../../shared/domain'

export type StixObject = { type: string; id: string; [key: string]: unknown }
export interface Bundle {
  type: 'bundle'
  id: string
  objects: StixObject[]
}

/** Namespace of the UUIDv5 identifiers Watchfloor gives the records it exports. */
const NAMESPACE = Buffer.from('5b0f2c7e8d1a4e6b9c3f7a2d4e6b8c1f', 'hex')

/** Identifiers already derived: a record keeps its identifier, so exporting a workspace again hashes nothing again. */
const derived = new Map<string, string>()

/** A UUIDv5 (RFC 4122) of `name` in Watchfloor's namespace: the same record always gets the same identifier. */
export function uuidV5(name: string): string {
  const known = derived.get(name)
  if (known) return known
  if (derived.size > 1_000_000) derived.clear()
  const digest = hash('sha1', Buffer.concat([NAMESPACE, Buffer.from(name, 'utf8')]), 'buffer')
  digest[6] = (digest[6] & 0x0f) | 0x50
  digest[8] = (digest[8] & 0x3f) | 0x80
  const h = digest.subarray(0, 16).toString('hex')
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  derived.set(name, uuid)
  return uuid
}

/** The stable STIX identifier of a Watchfloor thing: `type--uuidv5(key)`. */
export const stixId = (type: string, key: string) => `${type}--${uuidV5(`${type}:${key}`)}`

/** The OASIS Incident Core Extension. */
export const INCIDENT_CORE = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126'
/** Watchfloor's property extension: what STIX lacks (partial dates, victims, nexus, Admiralty grades, claims' details…). */
export const WATCHFLOOR_PROPERTIES = 'extension-definition--b3f1d9a2-6c4e-5a7b-8d2f-1e3c5a7b9d0f'
/** Watchfloor's new object type for political and legal responses. */
export const WATCHFLOOR_RESPONSE = 'extension-definition--c4a2e8b1-7d5f-5b6c-9e3a-2f4d6b8c0a1e'
export const RESPONSE_TYPE = 'x-watchfloor-response'
/** The identity Watchfloor's extension definitions are created by. */
export const WATCHFLOOR_IDENTITY = 'identity--d5b3f9c2-8e6a-5c7d-8f4b-3a5e7c9d1b2f'
const DEFINED = '2026-11-29T00:00:00.000Z'

/** TLP 2.0 marking-definition identifiers, as OASIS publishes them. */
export const TLP_MARKINGS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
}
export const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'
/** TLP 1.0 markings of STIX 2.1 (section 7.2.1.4), read on import as their TLP 2.0 counterparts. */
export const TLP1_MARKINGS: Record<string, Tlp> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
}

/** The marking-definition object of a TLP 2.0 level. */
export function tlpMarking(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKINGS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  }
}

/** The objects every Watchfloor bundle carries: its identity and its two extension definitions (their schemas are in electron/core/interchange/schemas/). */
export function watchfloorDefinitions(): StixObject[] {
  const base = { spec_version: '2.1', created: DEFINED, modified: DEFINED, created_by_ref: WATCHFLOOR_IDENTITY, version: '1.0.0' }
  return [
    { type: 'identity', spec_version: '2.1', id: WATCHFLOOR_IDENTITY, created: DEFINED, modified: DEFINED, name: 'Watchfloor', identity_class: 'system', description: 'Desktop workbench for analysts of state-linked cyber operations.' },
    {
      type: 'extension-definition',
      id: WATCHFLOOR_PROPERTIES,
      ...base,
      name: 'Watchfloor properties',
      description: 'What Watchfloor records that STIX 2.1 has no property for: dates at their precision, victims with sector and organisation, state nexus, severity, ATT&CK technique ids, tags, Admiralty grades of sources, and the details of attribution claims.',
      schema: 'Watchfloor repository: electron/core/interchange/schemas/watchfloor-properties.json',
      extension_types: ['property-extension'],
    },
    {
      type: 'extension-definition',
      id: WATCHFLOOR_RESPONSE,
      ...base,
      name: 'Watchfloor response',
      description: `A political, legal or technical response to a cyber incident (a break of diplomatic relations, an expulsion, sanctions, a statement…), as the new object type ${RESPONSE_TYPE}.`,
      schema: 'Watchfloor repository: electron/core/interchange/schemas/watchfloor-response.json',
      extension_types: ['new-sdo'],
    },
  ]
}

/** STIX's Low/Med/High confidence scale (STIX 2.1 appendix A) for ICD 203 confidence. */
export const STIX_CONFIDENCE: Record<Confidence, number> = { low: 15, moderate: 50, high: 85 }

/** ICD 203 confidence for a STIX confidence value (0–100), on the same scale. */
export function confidenceOf(value: unknown): Confidence | undefined {
  if (typeof value !== 'number' || value < 1 || value > 100) return undefined
  return value < 30 ? 'low' : value < 70 ? 'moderate' : 'high'
}

/** How each kind of actor is told in STIX. */
export function actorStixType(kind: ActorKind): 'identity' | 'intrusion-set' | 'threat-actor' {
  if (kind === 'state-sponsored-group') return 'intrusion-set'
  if (kind === 'criminal-group' || kind === 'hacktivist-persona') return 'threat-actor'
  return 'identity'
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** A STIX timestamp (millisecond precision, UTC) for an ISO time. */
export function stixTime(iso: string): string {
  return CANONICAL.test(iso) ? iso : new Date(iso).toISOString()
}
