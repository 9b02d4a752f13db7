// Objects with no record of their own: folded in (Watchfloor's definitions, TLP markings, countries, ATT&CK techniques) or kept unchanged to be exported again.
import type { ForeignObject } from '../../../../shared/workspace'
import { refsOf } from '../stixExport'
import { OURS } from '../stixObjects'
import { WATCHFLOOR_IDENTITY, type StixObject } from '../stixVocabulary'
import { attackId, country, TLP_BY_MARKING } from './read'
import { fate, known, type PlanState } from './state'

/** Keeps `o` unchanged (replacing an older kept version), or skips it when it refers to something unknown or the workspace keeps it already. */
export function keep(state: PlanState, o: StixObject): void {
  const refs = refsOf(o).filter((r) => !known(state, r))
  if (refs.length > 0) return fate(state, o, 'skipped', `refers to ${refs[0]}, which is neither in the file nor in the workspace`)
  const old = state.existing.foreign.get(o.id)
  if (old && String(old.modified ?? '') >= String(o.modified ?? '')) return fate(state, o, 'skipped', 'already kept in the workspace (same or newer version)')
  state.changes.foreign.push(o as ForeignObject)
  fate(state, o, 'kept', old ? 'replaces the older kept version' : 'no Watchfloor meaning: kept and exported again unchanged')
}

/** What `o` is folded into without a record of its own, or undefined. */
function foldedInto(state: PlanState, o: StixObject): string | undefined {
  if (o.id === WATCHFLOOR_IDENTITY || (o.type === 'extension-definition' && OURS.has(o.id))) return 'Watchfloor’s own definitions'
  if (o.type === 'marking-definition' && TLP_BY_MARKING.has(o.id)) return `the marking ${TLP_BY_MARKING.get(o.id)}`
  if (o.type === 'location' && country(o.country)) return `the country ${country(o.country)}: Watchfloor keeps countries as codes on the records that name them`
  if (state.merged.has(o.id)) return `ATT&CK technique ${attackId(o)}`
  return undefined
}

/** Reads every object no other reader accounted for (any id with a fate already counts): merged when it folds in, else kept. */
export function readRemaining(state: PlanState): void {
  const accounted = new Set(state.fates.map((f) => f.id))
  for (const o of state.objects) {
    if (accounted.has(o.id)) continue
    const folded = foldedInto(state, o)
    if (folded) fate(state, o, 'merged', folded)
    else keep(state, o)
  }
}
