// Threat actors, intrusion sets and organisation identities read as actors: matched to the workspace's actors, built, and given their fate.
import { ActorSchema, type Actor } from '../../../../shared/domain'
import { link } from '../stixObjects'
import { WATCHFLOOR_IDENTITY, type StixObject } from '../stixVocabulary'
import { country, iso, ours, prefixed, str, strs } from './read'
import { fate, invalidIssue, versus, type PlanState } from './state'

/** Whether `o` is read as an actor: a threat actor, an intrusion set, or an identity (other than Watchfloor's own) with Watchfloor's properties or of an organisation, group or class. */
export function readsAsActor(o: StixObject): boolean {
  if (!['threat-actor', 'intrusion-set', 'identity'].includes(o.type) || o.id === WATCHFLOOR_IDENTITY) return false
  const cls = str(o.identity_class)
  return o.type !== 'identity' || !!ours(o) || cls === 'organization' || cls === 'group' || cls === 'class'
}

/** The kind of actor `o` is by its STIX type, threat actor types or sectors (when Watchfloor's own properties name none). */
function actorKind(o: StixObject): Actor['kind'] {
  if (o.type === 'intrusion-set') return 'state-sponsored-group'
  if (o.type === 'threat-actor') {
    const types = strs(o.threat_actor_types)
    if (types.includes('nation-state')) return 'state-sponsored-group'
    return types.some((t) => t === 'activist' || t === 'hacktivist') ? 'hacktivist-persona' : 'criminal-group'
  }
  return strs(o.sectors).includes('government') ? 'state-agency' : 'company'
}

/** The workspace's actor named (or aliased) as `name`, case aside. */
function sameNamedActor(state: PlanState, name: string): Actor | undefined {
  const lower = name.toLowerCase()
  return state.ws.actors.find((a) => a.name.toLowerCase() === lower || a.aliases.some((x) => x.toLowerCase() === lower))
}

/** Reads one actor object: new, updated, a duplicate of a workspace actor (references go to it), or skipped. */
export function readActor(state: PlanState, o: StixObject): void {
  const props = ours(o)
  const old = state.existing.actors.get(o.id)
  const parsed = ActorSchema.safeParse({
    id: old?.id ?? prefixed('actor', o.id),
    name: str(o.name),
    aliases: props?.aliases ?? strs(o.aliases),
    kind: (props?.kind as Actor['kind'] | undefined) ?? actorKind(o),
    country: country(props?.country),
    description: str(o.description) ?? '',
    sample: props?.sample === true ? true : undefined,
    createdAt: iso(o.created, state.now),
    updatedAt: iso(o.modified, state.now),
    stix: link(o, ['name', 'aliases', 'description', 'identity_class', 'sectors', 'threat_actor_types']),
  })
  if (!parsed.success) return fate(state, o, 'skipped', invalidIssue(parsed.error))
  const v = versus(state, o, old)
  if ('skip' in v) {
    state.recordIdOf.set(o.id, old!.id)
    return fate(state, o, 'skipped', v.skip)
  }
  const same = old ? undefined : sameNamedActor(state, parsed.data.name)
  if (same) {
    state.recordIdOf.set(o.id, same.id)
    return fate(state, o, 'duplicate', `the workspace has “${same.name}” (${same.id}); references to it go to that actor`)
  }
  state.recordIdOf.set(o.id, parsed.data.id)
  state.changes.actors.push(parsed.data)
  state.changedActor.set(parsed.data.id, parsed.data)
  fate(state, o, v.outcome, old ? `replaces actor ${old.id}` : undefined)
}
