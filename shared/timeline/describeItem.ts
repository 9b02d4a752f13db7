// Words for a timeline item, as tooltips and the accessible list say them: "July 2022", never "2022-07-01".

import { formatPartialDate } from '../partialDate'
import { ATTRIBUTOR_KIND_LABELS } from '../domain'
import type { Hit } from './drawTimeline'
import { TIMELINE_PALETTES, markerColor, type TimelinePalette } from './palette'
import { markerStyle } from './symbols'
import { ATTRIBUTION_KIND, type TimelineModel } from './timelineModel'

export interface ItemWords {
  /** "Incident", "Attribution" or the response type. */
  kind: string
  title: string
  /** The date at its own precision, long form: "15 July 2022", "July 2022", "2022". */
  when: string
  lane: string
  /** The incident an attribution or response belongs to. */
  incident: string
  incidentId: string
  /** The symbol, for markers. */
  glyph?: string
  color?: string
  /** A counted group's members, each described as a marker. */
  members?: ItemWords[]
}

/** Describes a drawn item; a marker's colour is taken from `colors` (dark by default), dates are written in `locale` when given. */
export function describeItem(m: TimelineModel, h: Pick<Hit, 'kind' | 'i' | 'members'>, colors: TimelinePalette = TIMELINE_PALETTES.dark, locale?: string): ItemWords {
  const date = (d: string | undefined) => formatPartialDate(d, 'long', locale)
  if (h.kind === 'group') {
    const members = (h.members ?? [h.i]).map((i) => describeItem(m, { kind: 'mark', i }, colors, locale))
    const first = members[0]
    const last = members[members.length - 1]
    const incidents = new Set(members.map((w) => w.incidentId))
    return {
      kind: `${members.length} events`,
      title: members.map((w) => `${w.kind}: ${w.title}`).join('; '),
      when: first.when === last.when ? first.when : `${first.when} – ${last.when}`,
      lane: first.lane,
      incident: incidents.size === 1 ? first.incident : `${incidents.size} incidents`,
      incidentId: first.incidentId,
      members,
    }
  }
  if (h.kind === 'span') {
    const inc = m.incidents[m.spans.incident[h.i]]
    const start = date(inc.start)
    const when = inc.end && inc.end !== inc.start ? `${start} – ${date(inc.end)}` : start
    return { kind: 'Incident', title: inc.title, when, lane: m.lanes[m.spans.lane[h.i]].label, incident: inc.title, incidentId: inc.id }
  }
  const inc = m.incidents[m.marks.incident[h.i]]
  const kind = m.marks.kind[h.i]
  const style = markerStyle(kind)
  const color = markerColor(colors, kind)
  const lane = m.lanes[m.marks.lane[h.i]].label
  if (kind === ATTRIBUTION_KIND) {
    const a = inc.attributions[m.marks.ref[h.i]]
    const conf = a.confidence ? `, ${a.confidence} confidence` : ''
    return { kind: 'Attribution', title: `${a.attributor} (${ATTRIBUTOR_KIND_LABELS[a.attributorKind].toLowerCase()}${conf})`, when: date(a.date), lane, incident: inc.title, incidentId: inc.id, glyph: style.glyph, color }
  }
  const r = inc.responses[m.marks.ref[h.i]]
  const target = r.target ? ` against ${r.target}` : ''
  return { kind: style.label, title: `${r.actor}${target}`, when: date(r.date), lane, incident: inc.title, incidentId: inc.id, glyph: style.glyph, color }
}
