// The one incident filter's date window: incidents match by their own dates or by dated attributions and responses, and say which.
import { describe, expect, it } from 'vitest'
import { FilterSchema } from '../../../shared/domain'
import { compileFilter, dateMatch, EMPTY_FILTER, filterIncidents } from '../../../shared/filter'
import { scopedIncidents } from '../../../shared/report/model'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'

const ws = sampleWorkspace()
const albania = ws.incidents.find((i) => i.id === 'inc-albania-2022-07')!
const sep = { ...EMPTY_FILTER, from: '2022-09', to: '2022-09' }

describe('date window', () => {
  it('matches the July 2022 attack in September 2022 by its earliest response or attribution there', () => {
    expect(compileFilter(sep)(albania, () => '')).toBe(true)
    expect(dateMatch(albania, sep)).toEqual({ by: 'response', date: '2022-09-07' })
    expect(dateMatch(albania, { ...sep, from: '2022-08', to: '2022-08' })).toEqual({ by: 'attribution', date: '2022-08' })
    expect(dateMatch(albania, { ...sep, from: '2022-09-13', to: '2022-09-13' })).toEqual({ by: 'response', date: '2022-09-13' })
    expect(dateMatch(albania, { ...sep, from: '2022-07', to: '2022-07' })).toEqual({ by: 'incident', date: '2022-07-15' })
    expect(dateMatch(albania, EMPTY_FILTER)).toBeNull()
  })

  it('drops it when only incident dates count, and when nothing of it is in the window', () => {
    expect(compileFilter({ ...sep, incidentDatesOnly: true })(albania, () => '')).toBe(false)
    expect(dateMatch(albania, { ...sep, incidentDatesOnly: true })).toBeNull()
    expect(compileFilter({ ...sep, from: '2023', to: '2023' })(albania, () => '')).toBe(false)
  })

  it('counts September 2022 in the sample both ways', () => {
    const all = filterIncidents(ws.incidents, sep, () => '')
    const own = filterIncidents(ws.incidents, { ...sep, incidentDatesOnly: true }, () => '')
    expect(all.map((i) => i.id)).toContain('inc-albania-2022-07')
    expect(own.map((i) => i.id)).not.toContain('inc-albania-2022-07')
    expect(own.every((i) => all.includes(i))).toBe(true)
  })

  it('report scopes carry the toggle: absent means events count, and a stored scope without it still parses', () => {
    expect(FilterSchema.parse({ ...sep, incidentDatesOnly: undefined }).incidentDatesOnly).toBeUndefined()
    expect(FilterSchema.parse({ ...sep, incidentDatesOnly: true }).incidentDatesOnly).toBe(true)
    expect(FilterSchema.safeParse({ ...sep, incidentDatesOnly: 'yes' }).success).toBe(false)
    const { incidentDatesOnly: _, ...old } = sep
    expect(FilterSchema.safeParse(old).success).toBe(true)
    const def = (filter: typeof sep) => ({ name: 'r', title: 't', scope: { kind: 'filter' as const, filter }, sections: [], bluf: '', tlp: 'CLEAR' as const, author: '', id: 'r', created: '', updated: '' }) as never
    expect(scopedIncidents(ws, def(sep)).map((i) => i.id)).toContain('inc-albania-2022-07')
    expect(scopedIncidents(ws, def({ ...sep, incidentDatesOnly: true })).map((i) => i.id)).not.toContain('inc-albania-2022-07')
  })
})
