// The geo build: boundaries re-cut at ±180°, Antarctica closed, ISO codes and names, label points, glyph PBFs, committed files up to date.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { countriesFrom, isoFor, labelPoints, MAX_LAT, type CountryProps } from '../../../scripts/geo/boundaries'
import { FONT_STACK } from '../../../scripts/geo/glyphs'
import { countryName } from '../../../shared/countries'

const ROOT = join(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
const topology = (res: string) => JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${res}.json`), 'utf8'))
const committed = (file: string) => JSON.parse(readFileSync(join(ROOT, 'renderer/public/geo', file), 'utf8'))
const polygons = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

const coarse = countriesFrom(topology('110m'))
const fine = countriesFrom(topology('50m'))
const byIso = (fc: FeatureCollection<Polygon | MultiPolygon, CountryProps>, iso: string) => fc.features.filter((f) => f.properties.iso === iso)

function inside([x, y]: Position, ring: Position[]): boolean {
  let hit = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit
  }
  return hit
}

describe.each([
  ['110m', coarse],
  ['50m', fine],
])('countries %s', (_res, fc) => {
  it('has no ring crossing ±180° and stays inside the drawable world', () => {
    const crossings: string[] = []
    for (const f of fc.features)
      for (const poly of polygons(f.geometry))
        for (const ring of poly) {
          for (let k = 1; k < ring.length; k++) if (Math.abs(ring[k][0] - ring[k - 1][0]) > 180) crossings.push(f.properties.name)
          for (const [x, y] of ring) if (Math.abs(x) > 180 || Math.abs(y) > MAX_LAT) crossings.push(`${f.properties.name} out of range`)
        }
    expect(crossings).toEqual([])
  })

  it('splits Russia and Fiji at the antimeridian instead of drawing a band round the world', () => {
    for (const iso of ['RU', 'FJ']) {
      const widths = byIso(fc, iso).flatMap((f) => polygons(f.geometry).map((p) => Math.max(...p[0].map((c) => c[0])) - Math.min(...p[0].map((c) => c[0]))))
      expect(Math.max(...widths), iso).toBeLessThan(200)
      const lons = byIso(fc, iso).flatMap((f) => polygons(f.geometry).flatMap((p) => p[0].map((c) => c[0])))
      expect(Math.min(...lons), iso).toBeLessThan(-170)
      expect(Math.max(...lons), iso).toBeGreaterThan(170)
    }
  })

  it('closes Antarctica down to the map edge, so the pole region is filled', () => {
    const [aq] = byIso(fc, 'AQ')
    const rings = polygons(aq.geometry).map((p) => p[0])
    expect(rings.some((r) => inside([0, -84], r))).toBe(true) // Natural Earth leaves the Ross Ice Shelf out, so the land meets ±180° only near -84.7°
    expect(rings.some((r) => inside([179.5, -84.9], r) && inside([-179.5, -84.9], r))).toBe(true)
    expect(rings.some((r) => inside([0, -50], r))).toBe(false)
  })

  it('names every coded feature with its English name and handles the id-less units', () => {
    for (const f of fc.features) {
      if (!f.properties.iso) continue
      expect(f.properties.name).toBe(countryName(f.properties.iso))
      expect(f.properties.name).not.toBe(f.properties.iso)
    }
    expect(byIso(fc, 'XK').map((f) => f.properties.name)).toEqual(['Kosovo'])
    expect(byIso(fc, 'AL').map((f) => f.properties.name)).toEqual(['Albania'])
    expect(byIso(fc, 'IR').map((f) => f.properties.name)).toEqual(['Iran'])
    expect(byIso(fc, 'SO').length).toBeGreaterThanOrEqual(2) // Somalia and Somaliland, shaded together
    expect(byIso(fc, 'CY').length).toBe(2) // Cyprus and Northern Cyprus
  })
})

describe('id-less and unknown units', () => {
  it('maps Natural Earth names without ids, and leaves unknown ones uncoded', () => {
    expect(isoFor(undefined, 'Kosovo')).toBe('XK')
    expect(isoFor(undefined, 'N. Cyprus')).toBe('CY')
    expect(isoFor(undefined, 'Somaliland')).toBe('SO')
    expect(isoFor(undefined, 'Siachen Glacier')).toBe('')
    expect(isoFor('999', 'Nowhere')).toBe('')
    expect(isoFor('008', 'Albania')).toBe('AL')
    const siachen = fine.features.find((f) => f.properties.name === 'Siachen Glacier')
    expect(siachen?.properties.iso).toBe('')
  })
})

describe('label points', () => {
  const labels = labelPoints(fine)
  const at = (iso: string) => labels.features.find((f) => f.properties.iso === iso)!.geometry.coordinates

  it('gives one point per ISO code, inside the country’s main territory', () => {
    const codes = labels.features.map((f) => f.properties.iso)
    expect(new Set(codes).size).toBe(codes.length)
    const [alLon, alLat] = at('AL')
    expect(alLon).toBeGreaterThan(19)
    expect(alLon).toBeLessThan(21.1)
    expect(alLat).toBeGreaterThan(39.6)
    expect(alLat).toBeLessThan(42.7)
    expect(at('US')[0]).toBeGreaterThan(-125) // the mainland, not Alaska or Hawaii
    expect(at('US')[0]).toBeLessThan(-67)
    expect(at('FR')[1]).toBeGreaterThan(42) // metropolitan France, not French Guiana
    expect(at('XK')).toBeDefined()
  })
})

describe('committed geo files', () => {
  it('are what npm run build:geo produces from the installed world-atlas', () => {
    expect(committed('countries-110m.json')).toEqual(coarse)
    expect(committed('countries-50m.json')).toEqual(fine)
    expect(committed('labels.json')).toEqual(labelPoints(fine))
  })

  it('ship glyphs for every character of every country name', () => {
    const chars = new Set([...fine.features.map((f) => f.properties.name).join('')].map((c) => c.charCodeAt(0)))
    const present = new Set<number>()
    for (const start of [0, 256, 8192]) {
      const pbf = readFileSync(join(ROOT, 'renderer/public/glyphs', FONT_STACK, `${start}-${start + 255}.pbf`))
      for (const g of decodeGlyphs(pbf)) {
        present.add(g.id)
        if (g.id === 65) {
          expect(g.width).toBeGreaterThan(10) // 'A' at 24 px
          expect(g.bitmap.length).toBe((g.width + 6) * (g.height + 6))
        }
      }
    }
    expect([...chars].filter((c) => !present.has(c)).map((c) => String.fromCharCode(c))).toEqual([])
  })
})

/** Minimal reader of mapbox glyph PBFs: glyphs(1) > stack(3) > glyph{id 1, bitmap 2, width 3, height 4}. */
function decodeGlyphs(buf: Uint8Array): { id: number; width: number; height: number; bitmap: Uint8Array }[] {
  const read = (b: Uint8Array) => {
    const fields: [number, number | Uint8Array][] = []
    let p = 0
    const varint = () => {
      let v = 0
      let s = 0
      for (;;) {
        const x = b[p++]
        v += (x & 0x7f) * 2 ** s
        s += 7
        if (x < 0x80) return v
      }
    }
    while (p < b.length) {
      const tag = varint()
      if ((tag & 7) === 0) fields.push([tag >> 3, varint()])
      else {
        const len = varint()
        fields.push([tag >> 3, b.subarray(p, p + len)])
        p += len
      }
    }
    return fields
  }
  const out: { id: number; width: number; height: number; bitmap: Uint8Array }[] = []
  for (const [f, stack] of read(buf))
    if (f === 1)
      for (const [g, glyph] of read(stack as Uint8Array))
        if (g === 3) {
          const m = new Map(read(glyph as Uint8Array))
          out.push({ id: m.get(1) as number, bitmap: (m.get(2) as Uint8Array) ?? new Uint8Array(), width: m.get(3) as number, height: m.get(4) as number })
        }
  return out
}
