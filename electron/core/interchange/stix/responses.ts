// Watchfloor's response objects (x-watchfloor-response) read into the incidents they respond to.
import { RESPONSE_TYPES, type IncidentResponse } from '../../../../shared/domain'
import { link } from '../stixObjects'
import { uuidV5, type StixObject } from '../stixVocabulary'
import { date, str } from './read'
import { sourceIdsFor } from './sources'
import { actorIdFor, addOrdered, countryOfLocation, fate, incidentFor, notImported, type PlanState } from './state'

/** The response `o` describes, of the given type. */
function responseFrom(state: PlanState, o: StixObject, type: IncidentResponse['type']): IncidentResponse {
  return {
    id: str(o.watchfloor_id) ?? `resp-${uuidV5(`import:${o.id}`)}`,
    actor: str(o.actor) ?? 'Unknown',
    actorId: actorIdFor(state, o.actor_ref),
    actorCountry: countryOfLocation(state, o.actor_location_ref),
    type,
    date: date(o.date),
    target: str(o.target) ?? '',
    targetCountry: countryOfLocation(state, o.target_location_ref),
    description: str(o.description) ?? '',
    sourceIds: sourceIdsFor(state, o.source_keys),
    stix: link(o, ['name', 'response_type', 'cameo_code', 'actor', 'actor_ref', 'actor_location_ref', 'target', 'target_location_ref', 'date', 'description', 'incident_ref', 'source_keys', 'watchfloor_id', 'order', 'object_marking_refs']),
  }
}

/** Reads one response: merged into its incident, or skipped when that incident is not imported or its type is unknown. */
export function readResponse(state: PlanState, o: StixObject): void {
  const ref = String(o.incident_ref)
  const inc = incidentFor(state, o.incident_ref)
  if (!inc) return fate(state, o, 'skipped', state.skippedIncident.has(ref) ? notImported(state, ref) : `refers to incident ${ref}, which is not in the file`)
  const type = str(o.response_type)
  if (!RESPONSE_TYPES.some((t) => t.id === type)) return fate(state, o, 'skipped', `invalid: unknown response type ${JSON.stringify(type)}`)
  addOrdered(state.responses, inc, o.order, responseFrom(state, o, type as IncidentResponse['type']))
  fate(state, o, 'merged', `a response of ${inc.id}`)
}
