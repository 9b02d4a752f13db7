// likelyDuplicates: the check the incident form shows before saving and imports use — same victim, overlapping dates at their precision, a similar title.
import { describe, expect, it } from 'vitest'
import { likelyDuplicates } from '../../../shared/duplicates'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'

describe('likelyDuplicates', () => {
  const { incidents } = sampleWorkspace()
  const candidate = { title: 'Cyberattack on Montenegrin government', start: '2022-08', victims: [{ country: 'ME', sector: '', organisation: '' }] }

  it('finds the sample’s August 2022 Montenegro attack for a new Montenegro government attack that month', () => {
    expect(likelyDuplicates(candidate, incidents).map((i) => i.id)).toEqual(['inc-montenegro-2022-08'])
    // A day inside the month overlaps the month.
    expect(likelyDuplicates({ ...candidate, start: '2022-08-26' }, incidents).map((i) => i.id)).toEqual(['inc-montenegro-2022-08'])
  })

  it('needs all three: a shared victim, overlapping dates and a similar title; and never names the incident itself', () => {
    expect(likelyDuplicates({ ...candidate, start: '2022-10' }, incidents)).toEqual([])
    expect(likelyDuplicates({ ...candidate, victims: [{ country: 'AL', sector: '', organisation: '' }] }, incidents)).toEqual([])
    expect(likelyDuplicates({ ...candidate, title: 'Parliament data leak' }, incidents)).toEqual([])
    expect(likelyDuplicates({ ...candidate, start: undefined }, incidents)).toEqual([])
    expect(likelyDuplicates({ ...candidate, id: 'inc-montenegro-2022-08' }, incidents)).toEqual([])
  })
})
