// The sample workspace's saved briefing: the Albania 2022 case, scoped by the app-wide filter (victim Albania).
import { ReportInputSchema, type Report } from '../domain'

const ALBANIA_BLUF = `Iranian state actors were almost certainly responsible for the July 2022 destructive attack on Albanian government systems. Our confidence in that judgment is high: it rests on forensic reporting by two companies, on the US, UK and Albanian governments' statements, and on the later attack on TIMS by the same intrusion set.

- Albania severed diplomatic relations with Iran on 7 September 2022, the first state known to do so over a cyber attack.
- The US, NATO and the EU backed Albania within a week; the US sanctioned Iran's Ministry of Intelligence and Security.
- Further leaks by the HomeLand Justice persona are likely while Albania hosts the MEK at Ashraf-3.`

/** Saved report definitions of the sample workspace, stamped with `now`. */
export function sampleReports(now: string): Report[] {
  const albania = ReportInputSchema.parse({
    name: 'Albania 2022 briefing',
    title: 'Iran’s destructive cyber attacks on Albania, 2022',
    author: 'Sample analyst',
    date: '2022-10',
    scope: { kind: 'filter', filter: { text: '', victim: 'AL', sponsor: null, type: null, nexus: null, from: null, to: null } },
    // Every section but the figures (new in a later build), which the analyst turns on.
    sections: ['title', 'bluf', 'map', 'timeline', 'incident-table', 'incident-pages', 'pinned-notes', 'sources', 'method'].map((id) => ({ id, enabled: id !== 'map' && id !== 'timeline' && id !== 'pinned-notes' })),
    bluf: ALBANIA_BLUF,
    tlp: 'CLEAR',
    sample: true,
  })
  return [{ ...albania, id: 'report-albania-2022', createdAt: now, updatedAt: now }]
}
