// Which records cite a source: citations named, counted per claim and per incident, and the sources nothing uses.
import { describe, expect, it } from 'vitest'
import { blankIncident, type Incident, type Source } from '../../../shared/domain'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { citationsOf, describeCitation, describeSupport, orphanSources, sourceUseCounts } from '../../../shared/sourceUsage'

const NOW = '2026-01-01T00:00:00.000Z'
const incident = (id: string, fields: Partial<Incident>): Incident => ({ ...blankIncident(), id, title: id, createdAt: NOW, updatedAt: NOW, ...fields })
const source = (id: string): Source => ({ id, title: id, publisher: '', url: '', reliability: 'B', credibility: '2', createdAt: NOW, updatedAt: NOW })

const a = incident('Attack A', {
  sourceIds: ['s1'],
  attributions: [{ id: 'att1', attributor: 'Government of A', attributorKind: 'government', date: '2022-09-07', basis: [], statement: '', sourceIds: ['s1', 's2'] }],
  responses: [{ id: 'r1', actor: 'Alliance', type: 'statement', target: '', description: '', sourceIds: ['s2', 's2'] }],
})
const b = incident('Attack B', { responses: [{ id: 'r2', actor: 'Ministry', type: 'sanctions', date: '2023', target: '', description: '', sourceIds: ['s1'] }] })

describe('citationsOf', () => {
  it('lists the incident, then its attributions, then its responses, incident by incident', () => {
    expect(citationsOf([a, b], 's1').map(describeCitation)).toEqual(['incident “Attack A”', 'attribution by Government of A (7 Sep 2022) in “Attack A”', 'response (Sanctions / embargo) by Ministry (2023) in “Attack B”'])
    expect(citationsOf([a, b], 's3')).toEqual([])
  })

  it('groups what a source supports per incident', () => {
    expect(describeSupport(citationsOf([a, b], 's1'))).toBe('Attack A: the incident; attribution by Government of A (7 Sep 2022) · Attack B: response (Sanctions / embargo) by Ministry (2023)')
  })
})

describe('sourceUseCounts', () => {
  it('counts claims and incidents, each once', () => {
    const counts = sourceUseCounts([a, b])
    expect(counts.get('s1')).toEqual({ claims: 2, incidents: 2 })
    expect(counts.get('s2')).toEqual({ claims: 2, incidents: 1 })
    expect(counts.has('s3')).toBe(false)
  })

  it('finds every sample source cited by a claim or an incident', () => {
    const ws = sampleWorkspace()
    const counts = sourceUseCounts(ws.incidents)
    expect(ws.sources.filter((s) => !counts.has(s.id)).map((s) => s.id)).toEqual([])
    expect(counts.get('src-albania-pm-2022-09-07')).toEqual({ claims: 3, incidents: 1 })
  })
})

describe('orphanSources', () => {
  it('are the sources no incident, claim or note uses', () => {
    const sources = [source('s1'), source('s2'), source('s3'), source('s4')]
    expect(orphanSources(sources, [a, b], [{ body: 'See [[s4]].' }]).map((s) => s.id)).toEqual(['s3'])
  })
})
