// The lookup state one STIX import plan builds once and its readers share: the file's objects, what the workspace already holds, the records planned so far, and each object's fate.
import type { Actor, Attribution, Incident, IncidentResponse, Note, Report, Source } from '../../../../shared/domain'
import type { ForeignObject, Workspace } from '../../../../shared/workspace'
import type { Changes, Fate, Outcome, PlanOptions } from '../stixImport'
import { actorStixId, incidentStixId, noteStixId, reportStixId, sourceKey } from '../stixExport'
import { invalidReason, upgrade20 } from '../stixObjects'
import type { StixObject } from '../stixVocabulary'
import { country, iso, strs, TLP_BY_MARKING } from './read'

/** An attribution or response folded into an incident, with its place among the incident's others. */
export interface Ordered<T> {
  order: number
  value: T
}

/** A schema check's answer (zod's safeParse), as far as the readers use it. */
type Parsed<T> = { success: true; data: T } | { success: false; error: SchemaError }
type SchemaError = { issues: { path: PropertyKey[]; message: string }[] }

/** Everything one plan's readers share; built once by planState, then filled in reader by reader. */
export interface PlanState {
  ws: Workspace
  options: PlanOptions
  /** The file's readable objects (2.0 ones upgraded), in file order, each id once. */
  objects: StixObject[]
  byId: Map<string, StixObject>
  /** When the plan was made: the time of an object without a readable one. */
  now: string
  /** What the workspace already holds, by the STIX id each record exports under. */
  existing: {
    incidents: Map<string, Incident>
    actors: Map<string, Actor>
    sources: Map<string, Source>
    notes: Map<string, Note>
    reports: Map<string, Report>
    foreign: Map<string, ForeignObject>
  }
  changes: Changes
  fates: Fate[]
  /** Watchfloor id of each record the file's objects become (or already are). */
  recordIdOf: Map<string, string>
  /** Actors the plan writes, by Watchfloor id. */
  changedActor: Map<string, Actor>
  /** Sources the file's incidents carry, by key. */
  sourceByKey: Map<string, Source>
  /** Incidents the plan writes, by STIX id. */
  incidentIdOf: Map<string, Incident>
  /** Why each incident the plan does not write is left out, by STIX id. */
  skippedIncident: Map<string, string>
  /** Claims read for each planned incident, put in order into it once every relationship is read. */
  claims: Map<Incident, Ordered<Attribution>[]>
  /** Responses read for each planned incident, likewise. */
  responses: Map<Incident, Ordered<IncidentResponse>[]>
  /** Attack patterns whose technique an incident took: merged, not kept. */
  merged: Set<string>
}

/**
 * The state for planning the import of `input` into `ws`: invalid objects and repeated ids are
 * skipped (and their fates recorded) here, so readers see each readable object once.
 */
export function planState(ws: Workspace, input: readonly unknown[], options: PlanOptions): PlanState {
  const fates: Fate[] = []
  const objects: StixObject[] = []
  const seen = new Set<string>()
  input.forEach((raw, n) => {
    const problem = invalidReason(raw)
    if (problem) {
      // Something that is not an object (null, a number) is named by where it stands in the file.
      const named = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as StixObject) : { id: `entry ${n + 1} of the file`, type: raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw }
      fates.push(fateOf(named, 'skipped', `invalid: ${problem}`))
      return
    }
    const o = (raw as StixObject).spec_version === '2.1' ? (raw as StixObject) : upgrade20(raw as StixObject)
    if (seen.has(o.id)) {
      fates.push(fateOf(o, 'skipped', 'the same id appears earlier in the file'))
      return
    }
    seen.add(o.id)
    objects.push(o)
  })
  return {
    ws,
    options,
    objects,
    byId: new Map(objects.map((o) => [o.id, o])),
    now: new Date().toISOString(),
    existing: {
      incidents: new Map(ws.incidents.map((r) => [incidentStixId(r), r])),
      actors: new Map(ws.actors.map((r) => [actorStixId(r), r])),
      sources: new Map(ws.sources.map((r) => [sourceKey(r), r])),
      notes: new Map(ws.notes.map((r) => [noteStixId(r), r])),
      reports: new Map(ws.reports.map((r) => [reportStixId(r), r])),
      foreign: new Map(ws.foreign.map((f) => [f.id, f])),
    },
    changes: { incidents: [], actors: [], sources: [], notes: [], reports: [], foreign: [] },
    fates,
    recordIdOf: new Map(),
    changedActor: new Map(),
    sourceByKey: new Map(),
    incidentIdOf: new Map(),
    skippedIncident: new Map(),
    claims: new Map(),
    responses: new Map(),
    merged: new Set(),
  }
}

function fateOf(o: { id?: unknown; type?: unknown }, outcome: Outcome, reason?: string): Fate {
  return { id: String(o.id ?? '(no id)'), type: String(o.type ?? '(no type)'), outcome, ...(reason ? { reason } : {}) }
}

/** Records what `o` becomes. */
export function fate(state: PlanState, o: StixObject, outcome: Outcome, reason?: string): void {
  state.fates.push(fateOf(o, outcome, reason))
}

/** The reason a record failed its schema: its first issue, as `invalid: path message`. */
export function invalidIssue(error: SchemaError): string {
  return `invalid: ${error.issues[0].path.join('.')} ${error.issues[0].message}`
}

/** Adds a note or report read from `o` to `into` as new or updated, or skips it as invalid or not newer than `old`. */
export function takeRecord<T>(state: PlanState, o: StixObject, parsed: Parsed<T>, old: { updatedAt: string } | undefined, into: T[]): void {
  if (!parsed.success) return fate(state, o, 'skipped', invalidIssue(parsed.error))
  const v = versus(state, o, old)
  if ('skip' in v) return fate(state, o, 'skipped', v.skip)
  into.push(parsed.data)
  fate(state, o, v.outcome)
}

/** new / updated / skipped-as-older for an object matching `old` (or nothing). */
export function versus(state: PlanState, o: StixObject, old: { updatedAt: string } | undefined): { outcome: 'new' | 'updated' } | { skip: string } {
  if (!old) return { outcome: 'new' }
  return iso(o.modified, state.now) > old.updatedAt ? { outcome: 'updated' } : { skip: 'not newer than the version the workspace has' }
}

/** The Watchfloor id of the actor a STIX id names: one the file's object becomes, or one the workspace has. */
export function actorIdFor(state: PlanState, ref: unknown): string | undefined {
  return typeof ref === 'string' ? (state.recordIdOf.get(ref) ?? state.existing.actors.get(ref)?.id) : undefined
}

/** The incident the plan writes for a STIX id, if it writes one. */
export function incidentFor(state: PlanState, ref: unknown): Incident | undefined {
  return typeof ref === 'string' ? state.incidentIdOf.get(ref) : undefined
}

/** The Watchfloor id of the incident a STIX id names: one the plan writes, or one the workspace has. */
export function incidentRecordId(state: PlanState, ref: string): string | undefined {
  return state.incidentIdOf.get(ref)?.id ?? state.existing.incidents.get(ref)?.id
}

/** The Watchfloor ids of the incidents among `o`'s object_refs (planned or in the workspace), in order. */
export function incidentRefsOf(state: PlanState, o: StixObject): string[] {
  return strs(o.object_refs).flatMap((r) => incidentRecordId(state, r) ?? [])
}

/** The country of the file's location object `ref`, if it names one. */
export function countryOfLocation(state: PlanState, ref: unknown): string | undefined {
  const loc = typeof ref === 'string' ? state.byId.get(ref) : undefined
  return loc?.type === 'location' ? country(loc.country) : undefined
}

/** The reason an object that belongs to the incident `ref`, which the plan leaves out, is left out too. */
export function notImported(state: PlanState, ref: string): string {
  return `belongs to incident ${ref}, which is not imported (${state.skippedIncident.get(ref)})`
}

/** Adds `value` to `inc`'s list in `into`: at `order` when that is a number, else after the listed ones, in file order. */
export function addOrdered<T>(into: Map<Incident, Ordered<T>[]>, inc: Incident, order: unknown, value: T): void {
  const list = into.get(inc) ?? []
  list.push({ order: typeof order === 'number' ? order : list.length + 1000, value })
  into.set(inc, list)
}

const inOrder = <T>(list: Ordered<T>[]) => list.sort((a, b) => a.order - b.order).map((x) => x.value)

/** Puts the claims and responses read for each planned incident into it, in their order. */
export function attachFolded(state: PlanState): void {
  for (const [inc, list] of state.claims) inc.attributions.push(...inOrder(list))
  for (const [inc, list] of state.responses) inc.responses.push(...inOrder(list))
}

/** Whether a reference points at something in the file, the workspace, or a TLP marking. */
export function known(state: PlanState, ref: unknown): boolean {
  const { byId, recordIdOf, existing } = state
  return typeof ref === 'string' && (byId.has(ref) || recordIdOf.has(ref) || existing.incidents.has(ref) || existing.actors.has(ref) || existing.foreign.has(ref) || TLP_BY_MARKING.has(ref))
}
