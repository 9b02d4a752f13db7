// Notes read as Watchfloor notes, attached to the incident they are about.
import { NoteSchema } from '../../../../shared/domain'
import { link } from '../stixObjects'
import type { StixObject } from '../stixVocabulary'
import { date, iso, ours, prefixed, str, strs } from './read'
import { incidentRecordId, incidentRefsOf, takeRecord, type PlanState } from './state'

/** The incident a note is attached to: the one Watchfloor's properties name, else (a foreign note) the first incident it refers to. */
function attachedIncident(state: PlanState, o: StixObject, props: Record<string, unknown> | undefined): string | undefined {
  if (typeof props?.incident_ref === 'string') return incidentRecordId(state, props.incident_ref)
  return props ? undefined : incidentRefsOf(state, o)[0]
}

/** Reads one note: new, updated, or skipped as invalid or not newer than the workspace's. */
export function readNote(state: PlanState, o: StixObject): void {
  const props = ours(o)
  const old = state.existing.notes.get(o.id)
  const parsed = NoteSchema.safeParse({
    id: old?.id ?? prefixed('note', o.id),
    title: str(props?.title) ?? str(o.abstract) ?? String(o.content ?? '').split('\n')[0].slice(0, 300),
    body: str(props?.body) ?? str(o.content) ?? '',
    incidentId: attachedIncident(state, o, props),
    date: date(props?.date),
    tags: props ? strs(props.tags) : strs(o.labels),
    pinned: props?.pinned === true,
    createdAt: iso(o.created, state.now),
    updatedAt: iso(o.modified, state.now),
    stix: link(o, ['abstract', 'content', 'object_refs', 'authors', ...(props ? [] : ['labels'])]),
  })
  takeRecord(state, o, parsed, old, state.changes.notes)
}
