// Likely duplicates in a CSV import are looked up by victim and year: the same rows are found as by comparing with every incident, including dates that only touch at a year's end and spans over several years.
import { describe, expect, it } from 'vitest'
import { planTableImport } from '../../../../electron/core/interchange/csvImport'
import { toCsv } from '../../../../shared/datasets/csv'
import { suggestMapping } from '../../../../shared/datasets/mapping'
import { blankIncident, type Incident } from '../../../../shared/domain'
import { likelyDuplicates } from '../../../../shared/duplicates'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'

const NOW = '2026-03-01T10:00:00.000Z'
const incident = (id: string, title: string, country: string, start: string, end?: string): Incident => ({
  ...blankIncident(),
  id,
  title,
  victims: [{ country, sector: '', organisation: '' }],
  start,
  ...(end ? { end } : {}),
  createdAt: NOW,
  updatedAt: NOW,
})

describe('likely duplicates of CSV rows', () => {
  it('are the incidents a comparison with every incident finds', () => {
    const ws = sampleWorkspace()
    ws.incidents = [
      incident('inc-year', 'Wiper attack on Albanian ministries', 'AL', '2022'),
      incident('inc-span', 'Espionage against Estonian diplomats', 'EE', '2015-03', '2021-10'),
      incident('inc-late', 'Defacement of Latvian news sites', 'LV', '2019-12-31'),
      incident('inc-undated', 'Ransomware at Costa Rican ministries', 'CR', ''),
    ].map((i) => (i.start ? i : { ...i, start: undefined }))
    const headers = ['Title', 'Date', 'Victim country']
    const rows = [
      ['Wiper attack on the Albanian ministries', '2023-01-01', 'Albania'], // touches the end of 2022: a duplicate
      ['Wiper attack on Albanian ministries', '2024', 'Albania'], // a year later: new
      ['Wiper attack on Albanian ministries', '2022-05', 'Estonia'], // another victim: new
      ['Espionage against Estonian diplomats', '2018-07', 'Estonia'], // inside a span of years: a duplicate
      ['Defacement of Latvian news sites', '2020', 'Latvia'], // 31 December 2019 touches 2020: a duplicate
      ['Ransomware at Costa Rican ministries', '2022', 'Costa Rica'], // the incident has no date: new
    ]
    const plan = planTableImport(ws, toCsv(headers, rows), 'csv', { mapping: suggestMapping(headers, rows, 'Dupes') })
    expect(plan.fates.map((f) => f.outcome)).toEqual(['duplicate', 'new', 'new', 'duplicate', 'duplicate', 'new'])
    expect(plan.fates.filter((f) => f.outcome === 'duplicate').map((f) => f.reason)).toEqual([
      'likely the same as “Wiper attack on Albanian ministries” (inc-year)',
      'likely the same as “Espionage against Estonian diplomats” (inc-span)',
      'likely the same as “Defacement of Latvian news sites” (inc-late)',
    ])
    // The index only narrows the comparison: every row gets what comparing with all incidents gives.
    const planned = planTableImport({ ...ws, incidents: [] }, toCsv(headers, rows), 'csv', { mapping: suggestMapping(headers, rows, 'Dupes') }).changes.incidents
    expect(planned.map((i) => likelyDuplicates(i, ws.incidents).length > 0)).toEqual([true, false, false, true, true, false])
  })
})
