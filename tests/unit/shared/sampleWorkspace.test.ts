import { describe, it, expect } from 'vitest'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { WorkspaceSchema } from '../../../shared/workspace'

describe('sampleWorkspace', () => {
  const ws = sampleWorkspace()

  it('validates against the workspace schema', () => {
    expect(() => WorkspaceSchema.parse(ws)).not.toThrow()
    const parsed = WorkspaceSchema.parse(ws)
    expect(parsed.sample).toBe(true)
    expect(parsed.name).toBe('Sample workspace — state-linked cyber operations')
  })

  it('holds at least 13 incidents', () => {
    expect(ws.incidents.length).toBeGreaterThanOrEqual(13)
  })

  it('uses unique ids across records, attributions and responses', () => {
    const ids = [
      ...ws.incidents.map((i) => i.id),
      ...ws.actors.map((a) => a.id),
      ...ws.sources.map((s) => s.id),
      ...ws.incidents.flatMap((i) => i.attributions.map((a) => a.id)),
      ...ws.incidents.flatMap((i) => i.responses.map((r) => r.id)),
    ]
    const dupes = ids.filter((id, n) => ids.indexOf(id) !== n)
    expect(dupes).toEqual([])
  })

  it('resolves every source and actor reference', () => {
    const sourceIds = new Set(ws.sources.map((s) => s.id))
    const actorIds = new Set(ws.actors.map((a) => a.id))
    const missing: string[] = []
    const checkSources = (owner: string, refs: string[]) => refs.forEach((r) => sourceIds.has(r) || missing.push(`${owner} -> ${r}`))
    for (const inc of ws.incidents) {
      checkSources(inc.id, inc.sourceIds)
      inc.actorIds.forEach((r) => actorIds.has(r) || missing.push(`${inc.id} -> ${r}`))
      for (const a of inc.attributions) {
        checkSources(a.id, a.sourceIds)
        if (a.toActorId && !actorIds.has(a.toActorId)) missing.push(`${a.id} -> ${a.toActorId}`)
      }
      for (const r of inc.responses) checkSources(r.id, r.sourceIds)
    }
    expect(missing).toEqual([])
  })

  it('has every attribution and response cite at least one source', () => {
    const uncited = ws.incidents.flatMap((i) => [...i.attributions, ...i.responses].filter((c) => c.sourceIds.length === 0).map((c) => c.id))
    expect(uncited).toEqual([])
  })

  it('tells the Albania 2022 case in full', () => {
    const albania = ws.incidents.find((i) => i.id === 'inc-albania-2022-07')
    expect(albania).toBeDefined()
    expect(albania!.start).toBe('2022-07-15')
    expect(albania!.sponsorCountries).toEqual(['IR'])
    expect(albania!.attributions.length).toBeGreaterThanOrEqual(5)
    expect(albania!.responses.length).toBeGreaterThanOrEqual(6)
    expect(albania!.responses.some((r) => r.type === 'break-relations' && r.date === '2022-09-07')).toBe(true)
  })

  it('flags every record as sample', () => {
    expect(ws.sample).toBe(true)
    for (const r of [...ws.incidents, ...ws.actors, ...ws.sources]) expect(r.sample, r.id).toBe(true)
  })

  it('stamps records with the given time', () => {
    const now = '2030-05-06T07:08:09.000Z'
    const other = sampleWorkspace(now)
    expect(other.createdAt).toBe(now)
    for (const r of [...other.incidents, ...other.actors, ...other.sources]) {
      expect(r.createdAt).toBe(now)
      expect(r.updatedAt).toBe(now)
    }
    expect(ws.createdAt).toBe('2026-01-01T00:00:00.000Z')
  })
})
