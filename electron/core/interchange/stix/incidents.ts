// Incidents (and campaigns, when asked for) read as incidents: built with the sources they carry, matched to the workspace's incidents, and given their fate.
import { IncidentSchema, INCIDENT_TYPES, TLP_LEVELS, type Attribution, type IncidentResponse, type Source, type Tlp } from '../../../../shared/domain'
import { likelyDuplicates } from '../../../../shared/duplicates'
import { sourceKey } from '../stixExport'
import { link } from '../stixObjects'
import { INCIDENT_CORE, type StixObject } from '../stixVocabulary'
import { untargetedClaims } from './claims'
import { date, dayOf, iso, ours, prefixed, str, strs, TLP_BY_MARKING } from './read'
import { sourceIdsFor, sourcesOf } from './sources'
import { actorIdFor, fate, invalidIssue, versus, type PlanState } from './state'

/** The most restrictive TLP among `o`'s markings, if it has any Watchfloor knows. */
function markedTlp(o: StixObject): Tlp | undefined {
  return strs(o.object_marking_refs)
    .map((m) => TLP_BY_MARKING.get(m))
    .filter((t): t is Tlp => !!t)
    .sort((a, b) => TLP_LEVELS.indexOf(b) - TLP_LEVELS.indexOf(a))[0]
}

/** The incident `o` would become (not yet checked): Watchfloor's own properties first, else the Incident Core extension and STIX properties. */
function incidentCandidate(state: PlanState, o: StixObject, old: { id: string } | undefined, sources: Source[]) {
  const asCampaign = o.type === 'campaign'
  const props = ours(o)
  const core = ((o.extensions ?? {}) as Record<string, Record<string, unknown> | undefined>)[INCIDENT_CORE]
  return {
    id: old?.id ?? prefixed('inc', o.id),
    title: str(o.name),
    summary: str(o.description) ?? '',
    status: (props?.status as string) ?? (core?.determination === 'successful-attempt' ? 'confirmed' : 'draft'),
    types: (strs(props?.types).length > 0 ? strs(props?.types) : strs(core?.incident_types)).filter((t) => (INCIDENT_TYPES as readonly string[]).includes(t)),
    start: date(props?.start) ?? (asCampaign ? dayOf(o.first_seen) : undefined),
    end: date(props?.end) ?? (asCampaign ? dayOf(o.last_seen) : undefined),
    disclosed: date(props?.disclosed),
    victims: Array.isArray(props?.victims) ? props!.victims : [],
    sponsorCountries: strs(props?.sponsor_countries),
    actorIds: strs(props?.actor_refs).flatMap((r) => actorIdFor(state, r) ?? []),
    nexus: props?.nexus ?? 'unknown',
    impact: str(props?.impact) ?? '',
    severity: props?.severity,
    techniques: strs(props?.techniques),
    tags: props ? strs(props.tags) : strs(o.labels),
    tlp: (props?.tlp as Tlp | undefined) ?? markedTlp(o) ?? 'CLEAR',
    sourceIds: props ? sourceIdsFor(state, props.source_keys) : sources.map((s) => s.id),
    attributions: [] as Attribution[],
    responses: [] as IncidentResponse[],
    locations: Array.isArray(props?.locations) ? props!.locations : [],
    sample: props?.sample === true ? true : undefined,
    createdAt: iso(o.created, state.now),
    updatedAt: iso(o.modified, state.now),
    stix: link(o, ['name', 'description', 'external_references', 'object_marking_refs', ...(asCampaign ? ['first_seen', 'last_seen', 'aliases', 'objective'] : ['labels'])]),
  }
}

/** Skips `o` with `reason`, and notes `why` for the objects that would fold into it. */
function skipIncident(state: PlanState, o: StixObject, outcome: 'skipped' | 'duplicate', reason: string, why: string): void {
  fate(state, o, outcome, reason)
  state.skippedIncident.set(o.id, why)
}

/**
 * Reads one incident (or campaign): new, updated, or skipped as invalid, older or a likely duplicate
 * of a workspace incident. The sources it carries are noted whatever becomes of it.
 */
export function readIncident(state: PlanState, o: StixObject): void {
  const old = state.existing.incidents.get(o.id)
  const sources = sourcesOf(state, o, ours(o))
  for (const s of sources) state.sourceByKey.set(sourceKey(s), s)
  const parsed = IncidentSchema.safeParse(incidentCandidate(state, o, old, sources))
  if (!parsed.success) return skipIncident(state, o, 'skipped', invalidIssue(parsed.error), 'it is not valid')
  const v = versus(state, o, old)
  if ('skip' in v) return skipIncident(state, o, 'skipped', v.skip, v.skip)
  const dupes = old ? [] : likelyDuplicates(parsed.data, state.ws.incidents)
  if (dupes.length > 0) return skipIncident(state, o, 'duplicate', `likely the same as “${dupes[0].title}” (${dupes[0].id})`, `it likely duplicates “${dupes[0].title}”`)
  state.incidentIdOf.set(o.id, parsed.data)
  state.claims.set(parsed.data, untargetedClaims(state, ours(o)))
  fate(state, o, v.outcome, old ? `replaces incident ${old.id}` : undefined)
}
