// Ranking of `[[` link targets: title words as typed, then the evidence on a record, then kind and date.
import { describe, expect, it } from 'vitest'
import { findLinkTargets, rankLinkTargets, titleMatch } from '../../../shared/linkTargets'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { SearchIndex } from '../../../shared/searchIndex'
import { recordIndex } from '../../../shared/wikiLinks'

describe('link targets', () => {
  const ws = sampleWorkspace()
  const refs = recordIndex(ws)
  const index = SearchIndex.build(ws)

  it('offers the July 2022 Albania attack first for “Albanian gov”, with its date and kind', () => {
    for (const search of [undefined, (q: string, n: number) => index.search(q, n)]) {
      const found = findLinkTargets('Albanian gov', refs, search)
      expect(found[0]).toMatchObject({ id: 'inc-albania-2022-07', kind: 'incident', date: '2022-07-15' })
      expect(found.map((r) => r.id)).toContain('inc-albania-leaks-2022-09')
    }
  })

  it('scores whole words in order above scattered ones, and a title that starts with the query highest', () => {
    expect(titleMatch('albanian gov', 'Destructive attack on Albanian government systems')).toBe(1.5)
    expect(titleMatch('albanian gov', 'Government of Albanian exiles')).toBe(1)
    expect(titleMatch('wanna', 'WannaCry ransomware worm')).toBe(1.75)
    expect(titleMatch('zzz', 'WannaCry ransomware worm')).toBe(0)
  })

  it('breaks ties by evidence, then incidents first, then the newest date', () => {
    const a = { kind: 'note' as const, id: 'n', title: 'Border attack', date: '2023-01' }
    const b = { kind: 'incident' as const, id: 'i1', title: 'Border attack', date: '2022-01', weight: 0 }
    const c = { kind: 'incident' as const, id: 'i2', title: 'Border attack', date: '2021-01', weight: 12 }
    const d = { kind: 'incident' as const, id: 'i3', title: 'Border attack', date: '2022-06', weight: 0 }
    expect(rankLinkTargets('border', [a, b, c, d]).map((r) => r.id)).toEqual(['i2', 'i3', 'i1', 'n'])
  })
})
