// Relationships read into the records they describe: an incident's claims, victims, sponsors, actors and techniques, and actors' countries.
import type { Incident } from '../../../../shared/domain'
import type { StixObject } from '../stixVocabulary'
import { addRelationshipClaim } from './claims'
import { attackId } from './read'
import { actorIdFor, countryOfLocation, fate, incidentFor, known, notImported, type PlanState } from './state'

/** Relationship types that say something of the incident they come from: left out with it when it is left out. */
const OF_INCIDENT = ['attributed-to', 'targets', 'originates-from', 'related-to', 'uses']

/** Folds `rel` into the incident it comes from when its type and target say something the incident keeps; how, or undefined. */
function foldIntoIncident(state: PlanState, rel: StixObject, inc: Incident, rt: string): string | undefined {
  if (rt === 'attributed-to') {
    addRelationshipClaim(state, inc, rel)
    return `an attribution of ${inc.id}`
  }
  const loc = countryOfLocation(state, rel.target_ref)
  if (rt === 'targets' && loc) {
    if (!inc.victims.some((v) => v.country === loc)) inc.victims.push({ country: loc, sector: '', organisation: '' })
    return `victim ${loc} of ${inc.id}`
  }
  if (rt === 'originates-from' && loc) {
    if (!inc.sponsorCountries.includes(loc)) inc.sponsorCountries.push(loc)
    return `sponsor ${loc} of ${inc.id}`
  }
  const relatedActor = actorIdFor(state, rel.target_ref)
  if (rt === 'related-to' && relatedActor) {
    if (!inc.actorIds.includes(relatedActor)) inc.actorIds.push(relatedActor)
    return `actor of ${inc.id}`
  }
  const target = state.byId.get(String(rel.target_ref))
  const technique = target?.type === 'attack-pattern' ? attackId(target) : undefined
  if (rt === 'uses' && technique) {
    if (!inc.techniques.includes(technique)) inc.techniques.push(technique)
    state.merged.add(target!.id)
    return `technique ${technique} of ${inc.id}`
  }
  return undefined
}

/** Folds a located-at or originates-from relationship from an actor to a country into that actor (when it names none); how, or undefined. */
function foldIntoActor(state: PlanState, rel: StixObject, rt: string): string | undefined {
  const actorSource = actorIdFor(state, rel.source_ref)
  const loc = countryOfLocation(state, rel.target_ref)
  if (!actorSource || (rt !== 'located-at' && rt !== 'originates-from') || !loc) return undefined
  const a = state.changedActor.get(actorSource)
  if (a && !a.country) a.country = loc
  return `country ${loc} of actor ${actorSource}`
}

/**
 * Reads one relationship: skipped when it points at something neither in the file nor in the
 * workspace, or comes from an incident left out; merged into the incident or actor it describes;
 * otherwise left for the objects kept unchanged.
 */
export function readRelationship(state: PlanState, rel: StixObject): void {
  const missing = [rel.source_ref, rel.target_ref].find((r) => !known(state, r))
  if (missing !== undefined) return fate(state, rel, 'skipped', `refers to ${String(missing)}, which is neither in the file nor in the workspace`)
  const inc = incidentFor(state, rel.source_ref)
  const rt = String(rel.relationship_type)
  if (!inc && typeof rel.source_ref === 'string' && state.skippedIncident.has(rel.source_ref) && OF_INCIDENT.includes(rt)) return fate(state, rel, 'skipped', notImported(state, rel.source_ref))
  const folded = (inc && foldIntoIncident(state, rel, inc, rt)) ?? foldIntoActor(state, rel, rt)
  if (folded) fate(state, rel, 'merged', folded)
}
