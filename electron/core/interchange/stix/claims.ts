// Attribution claims read from the file: an incident's claims that name no target, and those an attributed-to relationship carries.
import { ATTRIBUTOR_KINDS, type Attribution, type Incident } from '../../../../shared/domain'
import { link } from '../stixObjects'
import { confidenceOf, uuidV5, type StixObject } from '../stixVocabulary'
import { country, date, dayOf, ours, str, strs } from './read'
import { sourceIdsFor } from './sources'
import { actorIdFor, addOrdered, type Ordered, type PlanState } from './state'

/**
 * A claim from Watchfloor's properties `c` (empty for a foreign relationship), pointing at `target`
 * and carried by the relationship `rel` when it has one: who made it falls back on the
 * relationship's creator, its date on the relationship's times.
 */
function claimFrom(state: PlanState, c: Record<string, unknown>, target: StixObject | undefined, rel: StixObject | undefined): Attribution {
  const by = rel && typeof rel.created_by_ref === 'string' ? state.byId.get(rel.created_by_ref) : undefined
  const kind = str(c.attributor_kind)
  return {
    id: str(c.watchfloor_id) ?? (rel ? `att-${uuidV5(`import:${rel.id}`)}` : `att-${uuidV5(JSON.stringify(c))}`),
    attributor: str(c.attributor) ?? str(by?.name) ?? 'Unknown attributor',
    attributorActorId: actorIdFor(state, c.attributor_ref) ?? (by ? actorIdFor(state, by.id) : undefined),
    attributorKind: kind && (ATTRIBUTOR_KINDS as readonly string[]).includes(kind) ? (kind as Attribution['attributorKind']) : by?.identity_class === 'organization' ? 'company' : 'researcher',
    attributorCountry: country(c.attributor_country),
    date: date(c.date) ?? dayOf(rel?.start_time) ?? (rel && !ours(rel) ? dayOf(rel.created) : undefined),
    toCountry: country(c.to_country) ?? (target?.type === 'location' ? country(target.country) : undefined),
    toActorId: target && target.type !== 'location' ? actorIdFor(state, target.id) : undefined,
    basis: strs(c.basis) as Attribution['basis'],
    confidence: (str(c.confidence) as Attribution['confidence']) ?? confidenceOf(rel?.confidence),
    likelihood: str(c.likelihood) as Attribution['likelihood'],
    statement: str(c.statement) ?? str(rel?.description) ?? '',
    sourceIds: sourceIdsFor(state, c.source_keys),
    ...(rel ? { stix: link(rel, ['relationship_type', 'source_ref', 'target_ref', 'description', 'confidence', 'object_marking_refs', 'start_time']) } : {}),
  }
}

/** The claims an incident's Watchfloor properties list without a target, in their listed order unless they carry one. */
export function untargetedClaims(state: PlanState, props: Record<string, unknown> | undefined): Ordered<Attribution>[] {
  const untargeted = Array.isArray(props?.untargeted_attributions) ? (props!.untargeted_attributions as Record<string, unknown>[]) : []
  return untargeted.map((c, n) => ({ order: typeof c.order === 'number' ? c.order : n, value: claimFrom(state, c, undefined, undefined) }))
}

/** Adds the claim an attributed-to relationship `rel` makes to the incident it comes from. */
export function addRelationshipClaim(state: PlanState, inc: Incident, rel: StixObject): void {
  const c = ours(rel) ?? {}
  addOrdered(state.claims, inc, c.order, claimFrom(state, c, state.byId.get(String(rel.target_ref)), rel))
}
