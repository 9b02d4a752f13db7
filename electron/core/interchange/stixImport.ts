// A STIX bundle (2.1, or 2.0 upgraded) planned into workspace changes: every object accounted for — new, updated, duplicate, merged into a record, kept unchanged, or skipped with its reason — before anything is written.
import {
  NoteSchema,
  ReportSchema,
  type Actor,
  type Incident,
  type Note,
  type Report,
  type Source,
} from '../../../shared/domain'
import type { ForeignObject, Workspace } from '../../../shared/workspace'
import type { CsvMapping } from '../../../shared/datasets/mapping'
import type { DatasetSummary } from '../../../shared/interchange'
import { refsOf } from './stixExport'
import {
  RESPONSE_TYPE,
  WATCHFLOOR_IDENTITY,
  type StixObject,
} from './stixVocabulary'
import { link, OURS } from './stixObjects'
import { attachFolded, fate as fateOf, known as knownRef, planState, versus as versusOf } from './stix/state'
import { readActor, readsAsActor } from './stix/actors'
import { citedSources } from './stix/sources'
import { readIncident } from './stix/incidents'
import { readRelationship } from './stix/relationships'
import { readResponse } from './stix/responses'
import { attackId, country, date, dayOf, iso, ours, prefixed, str, strs, TLP_BY_MARKING } from './stix/read'

export const OUTCOMES = ['new', 'updated', 'duplicate', 'merged', 'kept', 'skipped', 'conflict'] as const
export type Outcome = (typeof OUTCOMES)[number]

export interface Fate {
  id: string
  type: string
  outcome: Outcome
  /** Why it was skipped, what it merged into, or what it duplicates. */
  reason?: string
}

/** What a commit writes: records to add or replace (by id), kept objects to add or replace. */
export interface Changes {
  incidents: Incident[]
  actors: Actor[]
  sources: Source[]
  notes: Note[]
  reports: Report[]
  foreign: ForeignObject[]
}

export interface Plan {
  fates: Fate[]
  changes: Changes
  /** A table file's rows beyond the fates (see csvImport.ts), and its rejected rows as CSV. */
  dataset?: DatasetSummary & { rejectsCsv: string }
}

export interface PlanOptions {
  /** Import campaigns as incidents (off: kept as they are). */
  campaignsAsIncidents?: boolean
  /** How a plain CSV file's columns map to incident fields (suggested from its headers when absent). */
  mapping?: CsvMapping
  /** Version of the dataset, kept in each imported record's provenance. */
  datasetVersion?: string
  /** How the file's bytes were decoded, when the caller decoded them. */
  encoding?: { name: string; note?: string }
}

/**
 * Plans the import of `objects` into `ws`. Nothing is changed; the plan says what every object
 * becomes and holds the records a commit would write.
 */
export function planStixImport(ws: Workspace, input: readonly unknown[], options: PlanOptions = {}): Plan {
  const state = planState(ws, input, options)
  const { fates, objects, now, existing, changes } = state
  const fate = (o: StixObject, outcome: Outcome, reason?: string) => fateOf(state, o, outcome, reason)
  const versus = (o: StixObject, old: { updatedAt: string } | undefined) => versusOf(state, o, old)

  // 1. Actors (so incidents and claims can point at them).
  for (const o of objects) if (readsAsActor(o)) readActor(state, o)



  // 3. Incidents (and campaigns, when asked for).
  const { incidentIdOf } = state
  for (const o of objects) if (o.type === 'incident' || (o.type === 'campaign' && options.campaignsAsIncidents)) readIncident(state, o)

  // 4. Relationships, responses and the objects they fold into records.
  const { merged } = state
  const known = (ref: unknown) => knownRef(state, ref)
  for (const o of objects) {
    if (o.type === 'relationship') readRelationship(state, o)
    else if (o.type === RESPONSE_TYPE) readResponse(state, o)
  }
  attachFolded(state)

  // 5. Notes and reports.
  for (const o of objects) {
    if (o.type !== 'note' && o.type !== 'report') continue
    const props = ours(o)
    const incidentRefs = strs(o.object_refs).flatMap((r) => incidentIdOf.get(r)?.id ?? existing.incidents.get(r)?.id ?? [])
    if (o.type === 'note') {
      const old = existing.notes.get(o.id)
      const attached = typeof props?.incident_ref === 'string' ? (incidentIdOf.get(props.incident_ref)?.id ?? existing.incidents.get(props.incident_ref)?.id) : props ? undefined : incidentRefs[0]
      const parsed = NoteSchema.safeParse({
        id: old?.id ?? prefixed('note', o.id),
        title: str(props?.title) ?? str(o.abstract) ?? String(o.content ?? '').split('\n')[0].slice(0, 300),
        body: str(props?.body) ?? str(o.content) ?? '',
        incidentId: attached,
        date: date(props?.date),
        tags: props ? strs(props.tags) : strs(o.labels),
        pinned: props?.pinned === true,
        createdAt: iso(o.created, now),
        updatedAt: iso(o.modified, now),
        stix: link(o, ['abstract', 'content', 'object_refs', 'authors', ...(props ? [] : ['labels'])]),
      })
      record(o, parsed, old, changes.notes)
    } else {
      if (!props && incidentRefs.length === 0) {
        keep(o)
        continue
      }
      const old = existing.reports.get(o.id)
      const parsed = ReportSchema.safeParse({
        id: old?.id ?? prefixed('report', o.id),
        name: str(props?.report_name) ?? str(o.name),
        title: str(props?.title) ?? str(o.name),
        author: str(props?.author) ?? '',
        date: date(props?.date) ?? dayOf(o.published),
        scope: props?.scope ?? { kind: 'incidents', ids: incidentRefs },
        sections: props?.sections,
        bluf: str(props?.bluf) ?? str(o.description) ?? '',
        tlp: props?.tlp ?? 'CLEAR',
        sample: props?.sample === true ? true : undefined,
        createdAt: iso(o.created, now),
        updatedAt: iso(o.modified, now),
        stix: link(o, ['name', 'description', 'published', 'report_types', 'object_refs', 'object_marking_refs']),
      })
      record(o, parsed, old, changes.reports)
    }
  }
  function record<T>(o: StixObject, parsed: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }, old: { updatedAt: string } | undefined, into: T[]) {
    if (!parsed.success) return void fate(o, 'skipped', `invalid: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`)
    const v = versus(o, old)
    if ('skip' in v) return void fate(o, 'skipped', v.skip)
    into.push(parsed.data)
    fate(o, v.outcome)
  }

  // 6. Everything else: folded in (locations, markings, Watchfloor's own definitions) or kept unchanged.
  function keep(o: StixObject) {
    const refs = refsOf(o).filter((r) => !known(r))
    if (refs.length > 0) return void fate(o, 'skipped', `refers to ${refs[0]}, which is neither in the file nor in the workspace`)
    const old = existing.foreign.get(o.id)
    if (old && String(old.modified ?? '') >= String(o.modified ?? '')) return void fate(o, 'skipped', 'already kept in the workspace (same or newer version)')
    changes.foreign.push(o as ForeignObject)
    fate(o, 'kept', old ? 'replaces the older kept version' : 'no Watchfloor meaning: kept and exported again unchanged')
  }
  const accounted = new Set(fates.map((f) => f.id))
  for (const o of objects) {
    if (accounted.has(o.id)) continue
    if (o.id === WATCHFLOOR_IDENTITY || (o.type === 'extension-definition' && OURS.has(o.id))) fate(o, 'merged', 'Watchfloor’s own definitions')
    else if (o.type === 'marking-definition' && TLP_BY_MARKING.has(o.id)) fate(o, 'merged', `the marking ${TLP_BY_MARKING.get(o.id)}`)
    else if (o.type === 'location' && country(o.country)) fate(o, 'merged', `the country ${country(o.country)}: Watchfloor keeps countries as codes on the records that name them`)
    else if (merged.has(o.id)) fate(o, 'merged', `ATT&CK technique ${attackId(o)}`)
    else keep(o)
  }

  // Sources the imported records cite, and the incidents themselves.
  for (const inc of incidentIdOf.values()) changes.incidents.push(inc)
  for (const s of citedSources(state)) changes.sources.push(s)
  return { fates, changes }
}
