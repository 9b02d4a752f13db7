// The map's data builders: country counts, class breaks and legend, arcs (incl. over the antimeridian), places, bounds.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Incident } from '../../../shared/domain'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { arcKeysFor, buildArcs, buildMapData, buildPlaces, classBreaks, countByCountry, greatCircle, hasMappable, incidentBounds, legendClasses, rampPositions, shadeOf, type LonLat } from '../../../shared/mapData'
import type { Place } from '../../../shared/mapClusters'

const labels = JSON.parse(readFileSync(join(import.meta.dirname, '../../../renderer/public/geo/labels.json'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Point, { iso: string }>
const anchors = new Map(labels.features.map((f) => [f.properties.iso, f.geometry.coordinates as LonLat]))
const sample = sampleWorkspace().incidents
const base = sample[0]
const make = (id: string, victims: string[], sponsors: string[], extra: Partial<Incident> = {}): Incident => ({
  ...base,
  id,
  title: id,
  victims: victims.map((country) => ({ country, sector: '', organisation: '' })),
  sponsorCountries: sponsors,
  locations: [],
  ...extra,
})

describe('countByCountry', () => {
  it('counts the sample: Albania three times as victim, Iran as sponsor of those and Shamoon', () => {
    const { victim, sponsor } = countByCountry(sample)
    expect(victim.get('AL')).toBe(3)
    expect(sponsor.get('IR')).toBe(4)
    expect(victim.has('DZ')).toBe(false)
  })

  it('counts an incident once per country even with several victims there', () => {
    const { victim } = countByCountry([make('a', ['UA', 'UA', 'DE'], ['RU']), make('b', ['UA'], [])])
    expect(victim.get('UA')).toBe(2)
    expect(victim.get('DE')).toBe(1)
  })
})

describe('classBreaks and legendClasses', () => {
  it('uses each distinct count as a class when there are few', () => {
    expect(classBreaks([3, 1, 1, 4, 0])).toEqual([1, 3, 4])
    expect(legendClasses([1, 3, 4], 4).map((c) => c.label)).toEqual(['1–2', '3', '4'])
  })

  it('makes at most five increasing classes from 1 over a wide spread', () => {
    const counts = Array.from({ length: 200 }, (_, n) => n * n)
    const breaks = classBreaks(counts)
    expect(breaks.length).toBe(5)
    expect(breaks[0]).toBe(1)
    for (let k = 1; k < breaks.length; k++) expect(breaks[k]).toBeGreaterThan(breaks[k - 1])
    const legend = legendClasses(breaks, 199 * 199)
    expect(legend[legend.length - 1].label).toBe(`${breaks[4]}–${199 * 199}`)
    expect(legendClasses(breaks)[4].label).toBe(`${breaks[4]}+`)
  })

  it('has no classes without incidents', () => {
    expect(classBreaks([0, 0])).toEqual([])
  })
})

describe('buildArcs', () => {
  it('joins Iran and Albania with one arc carrying the three Albania incidents', () => {
    const { arcs, ids } = buildArcs(sample, anchors)
    const arc = arcs.features.find((f) => f.properties.key === 'IR>AL')!
    expect(arc.properties).toMatchObject({ from: 'IR', to: 'AL', count: 3 })
    const coords = arc.geometry.coordinates
    expect(coords[0]).toEqual(anchors.get('IR'))
    expect(coords[coords.length - 1][0]).toBeCloseTo(anchors.get('AL')![0], 3)
    expect(ids.get('IR>AL')?.length).toBe(3)
    expect(ids.get('IR>AL')!.every((id) => sample.find((i) => i.id === id)!.victims.some((v) => v.country === 'AL'))).toBe(true)
  })

  it('draws an arc over the Pacific as one continuous line across the antimeridian', () => {
    const { arcs } = buildArcs([make('x', ['US'], ['KP'])], anchors)
    const line = arcs.features[0].geometry.coordinates
    for (let k = 1; k < line.length; k++) expect(Math.abs(line[k][0] - line[k - 1][0])).toBeLessThan(20)
    expect(Math.max(...line.map((c) => c[0]))).toBeGreaterThan(180) // continues east past the date line
    expect(line[line.length - 1][0] - 360).toBeCloseTo(anchors.get('US')![0], 3)
  })

  it('skips a sponsor attacking itself and countries without a label point', () => {
    const { arcs, ids } = buildArcs([make('a', ['RU'], ['RU']), make('b', ['ZZ'], ['IR'])], anchors)
    expect(arcs.features).toEqual([])
    expect(ids.size).toBe(0)
  })

  it('keeps the great circle on the sphere: London to Tokyo passes north of Moscow', () => {
    const path = greatCircle([-0.13, 51.51], [139.7, 35.7], 32)
    expect(path).toHaveLength(33)
    expect(Math.max(...path.map((p) => p[1]))).toBeGreaterThan(60)
  })

  it('finds the arcs of a selection for the highlight filter', () => {
    const { ids } = buildArcs(sample, anchors)
    const albania = ids.get('IR>AL')!
    expect(arcKeysFor([albania[0]], ids)).toEqual(['IR>AL'])
    expect(arcKeysFor([], ids)).toEqual([])
  })
})

describe('points, bounds and emptiness', () => {
  it('lists one place per location with the incident id and its mercator position', () => {
    const tirana = buildPlaces(sample).filter((p) => p.label.startsWith('Tirana'))
    expect(tirana.length).toBeGreaterThanOrEqual(1)
    expect([tirana[0].lon, tirana[0].lat]).toEqual([19.82, 41.33])
    expect(tirana[0].x).toBeCloseTo(0.5 + 19.82 / 360)
    expect(tirana[0].y).toBeGreaterThan(0.3)
    expect(tirana[0].y).toBeLessThan(0.5)
    expect(sample.some((i) => i.id === tirana[0].id)).toBe(true)
  })

  it('bounds the incidents and their countries, or nothing', () => {
    const b = incidentBounds([make('a', ['AL'], ['IR'])], anchors)!
    expect(b[0][0]).toBeCloseTo(anchors.get('AL')![0])
    expect(b[1][0]).toBeCloseTo(anchors.get('IR')![0])
    expect(incidentBounds([make('a', [], [])], anchors)).toBeNull()
  })

  it('says when nothing can be placed', () => {
    expect(hasMappable([make('a', [], [])])).toBe(false)
    expect(hasMappable([make('a', [], [], { locations: [{ label: '', lat: 1, lon: 2 }] })])).toBe(true)
    const data = buildMapData([make('a', [], [])], anchors)
    expect(data).toMatchObject({ mappable: false, shown: 1, bounds: null })
  })
})

describe('buildMapData', () => {
  it('gives in one pass what the separate builders give', async () => {
    const { generateIncidents } = await import('../../support/generate')
    const generated = generateIncidents(2000, 3).map((i, n) => (n % 3 ? i : { ...i, locations: [{ label: 'x', lat: n % 80, lon: (n % 360) - 180 }] }))
    for (const incidents of [sample, generated, [make('a', ['UA', 'UA', 'DE'], ['RU', 'BY'])], []]) {
      const data = buildMapData(incidents, anchors)
      const counts = countByCountry(incidents)
      expect(data.counts).toEqual(counts)
      expect(data.breaks).toEqual({ victim: classBreaks(counts.victim.values()), sponsor: classBreaks(counts.sponsor.values()) })
      expect(data.arcs).toEqual(buildArcs(incidents, anchors))
      const withoutOwner = ({ owner, ...place }: Place) => (owner > 0 ? place : null)
      expect(data.places.map(withoutOwner)).toEqual(buildPlaces(incidents).map(withoutOwner))
      expect(data.bounds).toEqual(incidentBounds(incidents, anchors))
      expect(data.mappable).toBe(hasMappable(incidents))
    }
  })
})

describe('shadeOf', () => {
  it('puts each count in its class and spreads few classes over the ramp, top class darkest', () => {
    const breaks = [1, 3, 4]
    expect([0, 1, 2, 3, 4, 9].map((n) => shadeOf(n, breaks))).toEqual([0, 1, 1, 3, 5, 5])
    expect(rampPositions(3)).toEqual([0, 2, 4])
    expect(rampPositions(1)).toEqual([4])
    expect(rampPositions(5)).toEqual([0, 1, 2, 3, 4])
    expect(shadeOf(5, [])).toBe(0)
  })
})
