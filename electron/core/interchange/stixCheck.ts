// The check every exported bundle passes before it is written: STIX 2.1's common rules for each object, references that resolve, and Watchfloor's extension schemas.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import { STIX_ID } from '../../../shared/domain'
import incidentCore from './schemas/incident-core-subset.json'
import properties from './schemas/watchfloor-properties.json'
import response from './schemas/watchfloor-response.json'
import { refsOf } from './stixExport'
import { INCIDENT_CORE, RESPONSE_TYPE, TLP1_MARKINGS, TLP_MARKINGS, WATCHFLOOR_PROPERTIES, type Bundle, type StixObject } from './stixVocabulary'

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/
/** Objects STIX 2.1 defines that have no `created`/`modified` (cyber observables) or a different shape. */
const NO_TIMESTAMPS = new Set(['marking-definition'])
const REQUIRED: Record<string, string[]> = {
  incident: ['name'],
  'threat-actor': ['name'],
  'intrusion-set': ['name'],
  identity: ['name'],
  location: [],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  note: ['content', 'object_refs'],
  report: ['name', 'published', 'object_refs'],
  'extension-definition': ['name', 'schema', 'version', 'extension_types', 'created_by_ref'],
  'marking-definition': ['created'],
}

let validators: { properties: ValidateFunction; response: ValidateFunction; incidentCore: ValidateFunction } | null = null
function schemas() {
  if (!validators) {
    const ajv = new Ajv2020({ strict: false, allErrors: false })
    validators = { properties: ajv.compile(properties), response: ajv.compile(response), incidentCore: ajv.compile(incidentCore) }
  }
  return validators
}

const describe = (v: ValidateFunction) => (v.errors ?? []).map((e) => `${e.instancePath || '(object)'} ${e.message}`).join('; ')

/** Problems with one object, as sentences naming it. */
function objectProblems(o: StixObject, known: ReadonlySet<string>): string[] {
  const out: string[] = []
  const say = (what: string) => out.push(`${o.id ?? '(no id)'}: ${what}`)
  if (typeof o.type !== 'string' || !/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/.test(o.type)) say(`type ${JSON.stringify(o.type)} is not a STIX type name`)
  if (typeof o.id !== 'string' || !STIX_ID.test(o.id) || !o.id.startsWith(`${o.type}--`)) say(`id ${JSON.stringify(o.id)} is not \`${o.type}--<uuid>\``)
  if (o.spec_version !== '2.1') say('spec_version is not 2.1')
  if (!NO_TIMESTAMPS.has(o.type)) {
    if (typeof o.created !== 'string' || !TIMESTAMP.test(o.created)) say('created is not a STIX timestamp (UTC, milliseconds)')
    if (typeof o.modified !== 'string' || !TIMESTAMP.test(o.modified)) say('modified is not a STIX timestamp (UTC, milliseconds)')
    else if (typeof o.created === 'string' && o.modified < o.created) say('modified is before created')
  }
  for (const p of REQUIRED[o.type] ?? []) if (o[p] === undefined || o[p] === '') say(`${p} is required`)
  for (const ref of refsOf(o)) if (!known.has(ref)) say(`refers to ${ref}, which is not in the bundle`)
  const ext = (o.extensions ?? {}) as Record<string, unknown>
  const { properties: props, response: resp, incidentCore: core } = schemas()
  if (ext[WATCHFLOOR_PROPERTIES] && !props(ext[WATCHFLOOR_PROPERTIES])) say(`Watchfloor properties: ${describe(props)}`)
  if (ext[INCIDENT_CORE] && !core(ext[INCIDENT_CORE])) say(`Incident Core Extension: ${describe(core)}`)
  if (o.type === RESPONSE_TYPE && !resp(o)) say(`${RESPONSE_TYPE}: ${describe(resp)}`)
  return out
}

/** Every problem of a bundle Watchfloor is about to write; empty when it may be written. */
export function bundleProblems(bundle: Bundle): string[] {
  const problems: string[] = []
  if (bundle.type !== 'bundle' || typeof bundle.id !== 'string' || !bundle.id.startsWith('bundle--') || !Array.isArray(bundle.objects)) return ['not a STIX bundle']
  const known = new Set<string>([...Object.values(TLP_MARKINGS), ...Object.keys(TLP1_MARKINGS)])
  const seen = new Set<string>()
  for (const o of bundle.objects) {
    if (seen.has(o.id)) problems.push(`${o.id}: listed twice`)
    seen.add(o.id)
    known.add(o.id)
  }
  // Extension definitions published by OASIS need not travel in the bundle.
  known.add(INCIDENT_CORE)
  for (const o of bundle.objects) problems.push(...objectProblems(o, known))
  return problems
}
