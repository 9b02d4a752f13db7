// The timeline's pure modules: camera, ticks, model and packing, lane layout, windowing and aggregation, brush <-> filter.
import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../../../shared/filter'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { aggregateColumns, densityBins, lowerBound, shouldAggregate, visibleSlice } from '../../../../shared/timeline/aggregate'
import { addUnits, brushToFilter, brushUnitFor, filterWindow, hitAt, moveCursor, stepBrush, unitStart } from '../../../../shared/timeline/interaction'
import { clampScroll, COLLAPSED_H, laneAt, layoutLanes } from '../../../../shared/timeline/layout'
import { chooseTicks } from '../../../../shared/timeline/ticks'
import { ATTRIBUTION_KIND, buildModel, MAX_ROWS, PREC } from '../../../../shared/timeline/timelineModel'
import { DAY, fitWindow, MAX_SPAN, MIN_SPAN, panBy, timeAt, xOf, zoomAt } from '../../../../shared/timeline/timeScale'
import { RESPONSE_TYPES } from '../../../../shared/domain'
import { generateIncidents } from '../../../support/generate'

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`)
const sample = sampleWorkspace()

describe('camera', () => {
  const cam = { from: utc('2022-01-01'), to: utc('2023-01-01') }
  it('maps times to pixels and back', () => {
    expect(xOf(cam, 1000, cam.from)).toBe(0)
    expect(xOf(cam, 1000, cam.to)).toBe(1000)
    expect(timeAt(cam, 1000, 500)).toBe((cam.from + cam.to) / 2)
  })
  it('zooms about an anchor that stays at the same pixel', () => {
    const anchor = utc('2022-09-07')
    const z = zoomAt(cam, 4, anchor)
    expect(z.to - z.from).toBeCloseTo((cam.to - cam.from) / 4)
    expect(xOf(z, 1000, anchor)).toBeCloseTo(xOf(cam, 1000, anchor), 6)
  })
  it('keeps the span between six hours and two centuries', () => {
    expect(zoomAt(cam, 1e9, cam.from).to - zoomAt(cam, 1e9, cam.from).from).toBe(MIN_SPAN)
    const out = zoomAt(cam, 1e-9, cam.from)
    expect(out.to - out.from).toBe(MAX_SPAN)
  })
  it('pans and fits', () => {
    expect(panBy(cam, DAY).from).toBe(cam.from + DAY)
    const f = fitWindow(utc('2022-09-01'), utc('2022-10-01'), 0.1)
    expect(f.from).toBeLessThan(utc('2022-09-01'))
    expect(f.to).toBeGreaterThan(utc('2022-10-01'))
  })
})

describe('ticks', () => {
  it('chooses the unit by zoom level: decades down to hours', () => {
    const at = (from: string, to: string) => chooseTicks({ from: Date.parse(from), to: Date.parse(to) }, 1200).unit
    expect(at('1900-01-01T00:00Z', '2100-01-01T00:00Z')).toBe('decade')
    expect(at('2000-01-01T00:00Z', '2026-01-01T00:00Z')).toBe('year')
    expect(at('2022-01-01T00:00Z', '2023-01-01T00:00Z')).toBe('month')
    expect(at('2022-09-01T00:00Z', '2022-10-01T00:00Z')).toBe('day')
    expect(at('2022-09-07T00:00Z', '2022-09-07T12:00Z')).toBe('hour')
  })
  it('labels months and gives the year as the major tick', () => {
    const t = chooseTicks({ from: utc('2022-06-15'), to: utc('2022-12-15') }, 1200)
    expect(t.minor.map((m) => m.label)).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])
    expect(t.minor[1].t).toBe(utc('2022-07-01'))
    // The first major tick is the one at or before the left edge: it names the context ("2022").
    expect(t.major).toEqual([{ t: utc('2022-01-01'), label: '2022' }])
    const y = chooseTicks({ from: utc('2022-06-15'), to: utc('2023-06-15') }, 1200)
    expect(y.major.map((m) => m.label)).toEqual(['2022', '2023'])
  })
  it('labels days with the month as major tick, and hours', () => {
    const d = chooseTicks({ from: utc('2022-08-30'), to: utc('2022-09-20') }, 1400)
    expect(d.unit).toBe('day')
    expect(d.major.map((m) => m.label)).toEqual(['Aug 2022', 'Sep 2022'])
    const h = chooseTicks({ from: Date.parse('2022-09-07T06:00Z'), to: Date.parse('2022-09-07T12:00Z') }, 1200)
    expect(h.minor[0].label).toBe('06:00')
  })
})

describe('model', () => {
  const m = buildModel(sample.incidents, 'victim')
  it('makes one lane per victim country, in name order', () => {
    const labels = m.lanes.map((l) => l.label)
    expect(labels).toContain('Albania')
    expect([...labels]).toEqual([...labels].sort((a, b) => a.localeCompare(b)))
  })
  it('draws partial dates over their whole span: July 2022 fills July', () => {
    const inc = [{ ...sample.incidents[0], id: 'x', start: '2022-07', end: undefined }]
    const one = buildModel(inc, 'victim')
    expect(one.spans.start[0]).toBe(utc('2022-07-01'))
    expect(one.spans.end[0]).toBe(utc('2022-08-01'))
    expect(one.spans.startPrec[0]).toBe(PREC.month)
  })
  it('puts the severing of relations on 7 Sep 2022 in Albania’s lane', () => {
    const lane = m.lanes.findIndex((l) => l.key === 'AL')
    const kind = 1 + RESPONSE_TYPES.findIndex((t) => t.id === 'break-relations')
    const idx = [...m.marks.kind.keys()].filter((i) => m.marks.kind[i] === kind && m.marks.lane[i] === lane)
    expect(idx).toHaveLength(1)
    expect(m.marks.start[idx[0]]).toBe(utc('2022-09-07'))
    expect(m.marks.end[idx[0]]).toBe(utc('2022-09-08'))
  })
  it('sorts each lane by start and links markers to their incident', () => {
    for (let l = 0; l < m.lanes.length; l++) for (let i = m.spans.offset[l] + 1; i < m.spans.offset[l + 1]; i++) expect(m.spans.start[i]).toBeGreaterThanOrEqual(m.spans.start[i - 1])
    const a = [...m.marks.kind.keys()].find((i) => m.marks.kind[i] === ATTRIBUTION_KIND)!
    const inc = m.incidents[m.marks.incident[a]]
    expect(inc.attributions[m.marks.ref[a]].date).toBeDefined()
  })
  it('groups by sponsor, type and actor, with a lane for records that have none', () => {
    expect(buildModel(sample.incidents, 'sponsor').lanes.at(-1)!.label).toBe('No sponsor recorded')
    expect(buildModel(sample.incidents, 'type').lanes.map((l) => l.label)).toContain('Ransomware')
    expect(buildModel(sample.incidents, 'actor', new Map(sample.actors.map((a) => [a.id, a]))).lanes.map((l) => l.label)).toContain('HomeLand Justice')
  })
  it('packs overlapping spans into at most MAX_ROWS rows', () => {
    const many = generateIncidents(2000, 3).map((i) => ({ ...i, start: '2022', victims: [{ country: 'AL', sector: '', organisation: '' }] }))
    const g = buildModel(many, 'victim')
    expect(g.laneRows[0]).toBe(MAX_ROWS)
    const a = buildModel([{ ...sample.incidents[0], start: '2022-01' }, { ...sample.incidents[0], id: 'b', start: '2022-03' }], 'victim')
    expect(a.laneRows[0]).toBe(1)
    expect([...a.spans.row]).toEqual([0, 0])
  })
  it('counts undated incidents and leaves them out', () => {
    const u = buildModel([{ ...sample.incidents[0], start: undefined }], 'victim')
    expect(u.undated).toBe(1)
    expect(u.spans.n).toBe(0)
    expect(u.extent).toBeNull()
  })
})

describe('layout', () => {
  it('stacks lanes, collapsed ones as a single strip', () => {
    const l = layoutLanes([2, 1, 3], new Set([1]))
    expect(l.lanes[1].height).toBe(COLLAPSED_H)
    expect(l.lanes[1].top).toBe(l.lanes[0].height)
    expect(l.total).toBe(l.lanes[2].top + l.lanes[2].height)
    expect(laneAt(l, l.lanes[2].top + 1)).toBe(2)
    expect(laneAt(l, -1)).toBe(-1)
    expect(clampScroll(1e6, l, 50)).toBe(l.total - 50)
  })
})

describe('windowing and aggregation', () => {
  const start = new Float64Array([0, 10, 20, 30, 40, 50])
  const end = new Float64Array([5, 15, 45, 35, 41, 60])
  it('finds the visible slice by binary search', () => {
    expect(lowerBound(start, 0, 6, 25)).toBe(3)
    expect(visibleSlice(start, 0, 6, 33, 45, 25)).toEqual([1, 5])
  })
  it('counts items per pixel column', () => {
    const counts = new Float32Array(10)
    const max = aggregateColumns(start, end, 0, 6, { from: 0, to: 100 }, counts)
    expect([...counts]).toEqual([1, 1, 1, 2, 2, 1, 0, 0, 0, 0])
    expect(max).toBe(2)
  })
  it('aggregates only when items outnumber the columns', () => {
    expect(shouldAggregate(20, 1000)).toBe(false)
    expect(shouldAggregate(100, 1000)).toBe(true)
    expect(shouldAggregate(35, 600)).toBe(false)
    expect(shouldAggregate(50, 600, 'marks')).toBe(false)
    expect(shouldAggregate(100, 600, 'marks')).toBe(true)
    expect(shouldAggregate(100_000, 1000)).toBe(true)
  })
  it('bins density for the overview strip', () => {
    expect([...densityBins(start, 0, 60, 3)]).toEqual([2, 2, 2])
  })
})

describe('interaction', () => {
  it('hits markers before the span under them', () => {
    const hits = [
      { kind: 'span' as const, i: 0, x0: 0, x1: 100, y0: 0, y1: 20 },
      { kind: 'mark' as const, i: 3, x0: 40, x1: 50, y0: 5, y1: 15 },
    ]
    expect(hitAt(hits, 45, 10)!.kind).toBe('mark')
    expect(hitAt(hits, 80, 10)!.kind).toBe('span')
    expect(hitAt(hits, 500, 10)).toBeNull()
  })
  it('moves a keyboard cursor through a lane and between lanes', () => {
    const m = buildModel(sample.incidents, 'victim')
    const first = moveCursor(m, null, 'ArrowRight', utc('2000-01-01'))!
    expect(first.lane).toBe(0)
    const al = m.lanes.findIndex((l) => l.key === 'AL')
    const c = { lane: al, i: m.spans.offset[al] }
    expect(m.incidents[m.spans.incident[c.i]].start).toBe('2022-07-15')
    const n = moveCursor(m, c, 'ArrowRight', 0)!
    expect(m.incidents[m.spans.incident[n.i]].start).toBe('2022-09-09')
    expect(moveCursor(m, c, 'ArrowLeft', 0)).toEqual(c)
    expect(moveCursor(m, c, 'ArrowDown', 0)!.lane).toBeGreaterThan(al)
  })
  it('turns a brushed window into the app filter, naming whole months as months', () => {
    expect(brushToFilter(utc('2022-09-01'), utc('2022-10-01'))).toEqual({ from: '2022-09', to: '2022-09' })
    expect(brushToFilter(utc('2022-01-01'), utc('2024-01-01'))).toEqual({ from: '2022', to: '2023' })
    expect(brushToFilter(utc('2022-09-05') + 3600_000, utc('2022-09-10'))).toEqual({ from: '2022-09-05', to: '2022-09-09' })
    expect(filterWindow({ from: '2022-09', to: '2022-09' }, null)).toEqual([utc('2022-09-01'), utc('2022-10-01')])
    expect(filterWindow({ from: null, to: null }, null)).toBeNull()
  })
  it('labels the axis in a locale when given one, in fixed English otherwise', () => {
    const months = { from: utc('2022-06-01'), to: utc('2022-12-01') }
    expect(chooseTicks(months, 1200).minor.map((t) => t.label).slice(0, 3)).toEqual(['Jun', 'Jul', 'Aug'])
    expect(chooseTicks(months, 1200, 64, 'fr-FR').minor.map((t) => t.label)[1]).toBe('juil.')
    const weeks = { from: utc('2022-08-20'), to: utc('2022-11-01') }
    expect(chooseTicks(weeks, 1200).unit).toBe('week')
    expect(chooseTicks(weeks, 1200).major.map((t) => t.label)).toContain('Sep 2022')
    expect(chooseTicks(weeks, 1200, 64, 'en-US').minor.map((t) => t.label)).toContain('Sep 5')
    expect(chooseTicks(weeks, 1200, 64, 'fr-FR').major.map((t) => t.label)).toContain('sept. 2022')
  })
  it('brushes from the keyboard by whole units of the axis shown: B, arrows, Shift+arrows', () => {
    expect(brushUnitFor('month')).toBe('month')
    expect(brushUnitFor('quarter')).toBe('month')
    expect(brushUnitFor('hour')).toBe('day')
    expect(brushUnitFor('decade')).toBe('year')
    // The month holding 15 July 2022, moved on two months, then grown by one: September to October.
    const jul = unitStart(utc('2022-07-15') + 5 * 3600_000, 'month')
    expect(jul).toBe(utc('2022-07-01'))
    let brush: [number, number] = [jul, addUnits(jul, 'month', 1)]
    brush = stepBrush(stepBrush(brush, 'month', 'ArrowRight', false)!, 'month', 'ArrowRight', false)!
    expect(brushToFilter(...brush)).toEqual({ from: '2022-09', to: '2022-09' })
    brush = stepBrush(brush, 'month', 'ArrowRight', true)!
    expect(brushToFilter(...brush)).toEqual({ from: '2022-09', to: '2022-10' })
    // Its end never passes its start: one unit is the least.
    brush = stepBrush(stepBrush(brush, 'month', 'ArrowLeft', true)!, 'month', 'ArrowLeft', true)!
    expect(brushToFilter(...brush)).toEqual({ from: '2022-09', to: '2022-09' })
    expect(stepBrush(brush, 'month', 'Enter', false)).toBeNull()
    // Weeks start on Monday, as on the axis; days and years step as such.
    expect(unitStart(utc('2022-09-07'), 'week')).toBe(utc('2022-09-05'))
    expect(addUnits(utc('2022-09-05'), 'week', 1)).toBe(utc('2022-09-12'))
    expect(addUnits(utc('2022-01-01'), 'year', -1)).toBe(utc('2021-01-01'))
    expect(brushToFilter(utc('2022-09-07'), addUnits(utc('2022-09-07'), 'day', 1))).toEqual({ from: '2022-09-07', to: '2022-09-07' })
  })
  it('brushing September 2022 keeps what the incidents table keeps: the July attack by its September responses, unless only incident dates count', () => {
    const test = compileFilter({ text: '', victim: null, sponsor: null, type: null, nexus: null, ...brushToFilter(utc('2022-09-01'), utc('2022-10-01')) })
    const titles = sample.incidents.filter((i) => test(i, () => '')).map((i) => i.title)
    expect(titles.some((t) => /TIMS/.test(t))).toBe(true)
    expect(titles.some((t) => /Destructive attack on Albanian/.test(t))).toBe(true)
    const own = compileFilter({ text: '', victim: null, sponsor: null, type: null, nexus: null, incidentDatesOnly: true, ...brushToFilter(utc('2022-09-01'), utc('2022-10-01')) })
    const ownTitles = sample.incidents.filter((i) => own(i, () => '')).map((i) => i.title)
    expect(ownTitles.some((t) => /TIMS/.test(t))).toBe(true)
    expect(ownTitles.some((t) => /Destructive attack on Albanian/.test(t))).toBe(false)
  })
})
