// Reports read as Watchfloor briefings: Watchfloor's own, or a foreign report about incidents (any other is kept unchanged).
import { ReportSchema } from '../../../../shared/domain'
import { link } from '../stixObjects'
import type { StixObject } from '../stixVocabulary'
import { keep } from './foreign'
import { date, dayOf, iso, ours, prefixed, str } from './read'
import { incidentRefsOf, takeRecord, type PlanState } from './state'

/** Reads one report: a briefing (new, updated, or skipped as invalid or older) when it is Watchfloor's or refers to incidents; otherwise kept unchanged. */
export function readReport(state: PlanState, o: StixObject): void {
  const props = ours(o)
  const incidentIds = incidentRefsOf(state, o)
  if (!props && incidentIds.length === 0) return keep(state, o)
  const old = state.existing.reports.get(o.id)
  const parsed = ReportSchema.safeParse({
    id: old?.id ?? prefixed('report', o.id),
    name: str(props?.report_name) ?? str(o.name),
    title: str(props?.title) ?? str(o.name),
    author: str(props?.author) ?? '',
    date: date(props?.date) ?? dayOf(o.published),
    scope: props?.scope ?? { kind: 'incidents', ids: incidentIds },
    sections: props?.sections,
    bluf: str(props?.bluf) ?? str(o.description) ?? '',
    tlp: props?.tlp ?? 'CLEAR',
    sample: props?.sample === true ? true : undefined,
    createdAt: iso(o.created, state.now),
    updatedAt: iso(o.modified, state.now),
    stix: link(o, ['name', 'description', 'published', 'report_types', 'object_refs', 'object_marking_refs']),
  })
  takeRecord(state, o, parsed, old, state.changes.reports)
}
