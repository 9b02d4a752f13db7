// A STIX bundle (2.1, or 2.0 upgraded) planned into workspace changes: every object accounted for — new, updated, duplicate, merged into a record, kept unchanged, or skipped with its reason — before anything is written.
import type { Actor, Incident, Note, Report, Source } from '../../../shared/domain'
import type { ForeignObject, Workspace } from '../../../shared/workspace'
import type { CsvMapping } from '../../../shared/datasets/mapping'
import type { DatasetSummary, ImportOutcome } from '../../../shared/interchange'
import { RESPONSE_TYPE } from './stixVocabulary'
import { readActor, readsAsActor } from './stix/actors'
import { readRemaining } from './stix/foreign'
import { readIncident } from './stix/incidents'
import { readNote } from './stix/notes'
import { readRelationship } from './stix/relationships'
import { readReport } from './stix/reports'
import { readResponse } from './stix/responses'
import { citedSources } from './stix/sources'
import { attachFolded, planState } from './stix/state'

/** What an imported object or row becomes (the preview counts each). */
export type Outcome = ImportOutcome

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
  const { objects, changes } = state
  // Actors first, so incidents and claims can point at them.
  for (const o of objects) if (readsAsActor(o)) readActor(state, o)
  // Incidents (and campaigns, when asked for), with the sources they carry.
  for (const o of objects) if (o.type === 'incident' || (o.type === 'campaign' && options.campaignsAsIncidents)) readIncident(state, o)
  // Relationships and responses, folded into the incidents and actors read above.
  for (const o of objects) {
    if (o.type === 'relationship') readRelationship(state, o)
    else if (o.type === RESPONSE_TYPE) readResponse(state, o)
  }
  attachFolded(state)
  // Notes and reports, which point at incidents.
  for (const o of objects) {
    if (o.type === 'note') readNote(state, o)
    else if (o.type === 'report') readReport(state, o)
  }
  // Everything else: folded in (locations, markings, Watchfloor's own definitions) or kept unchanged.
  readRemaining(state)
  // The incidents themselves, and the sources they cite.
  for (const inc of state.incidentIdOf.values()) changes.incidents.push(inc)
  for (const s of citedSources(state)) changes.sources.push(s)
  return { fates: state.fates, changes }
}
