// Clustering of incident places: projection, grid cells merged across edges, lone points, the view box, expansion zoom.
import { describe, expect, it } from 'vitest'
import { CLUSTER_MAX_ZOOM, clusterPlaces, expansionZoom, mercator, type ClusterProps, type LonePointProps, type Place } from '../../../shared/mapClusters'

const place = (id: string, lon: number, lat: number, label = 'somewhere'): Place => {
  const [x, y] = mercator(lon, lat)
  return { owner: id.charCodeAt(0), id, title: `Incident ${id}`, label, lon, lat, x, y }
}
const clustersOf = (features: GeoJSON.Feature<GeoJSON.Point, ClusterProps | LonePointProps>[]) => features.filter((f): f is GeoJSON.Feature<GeoJSON.Point, ClusterProps> => 'cluster' in f.properties)
const lonesOf = (features: GeoJSON.Feature<GeoJSON.Point, ClusterProps | LonePointProps>[]) => features.filter((f): f is GeoJSON.Feature<GeoJSON.Point, LonePointProps> => 'id' in f.properties)

describe('mercator', () => {
  it('puts the origin in the middle, the antimeridian at the edges and north up', () => {
    expect(mercator(0, 0)).toEqual([0.5, 0.5])
    expect(mercator(-180, 0)[0]).toBe(0)
    expect(mercator(180, 0)[0]).toBe(1)
    expect(mercator(0, 60)[1]).toBeLessThan(mercator(0, 10)[1])
    expect(mercator(0, 90)[1]).toBeGreaterThanOrEqual(0)
    expect(mercator(0, -90)[1]).toBeLessThanOrEqual(1)
  })
})

describe('clusterPlaces', () => {
  const tirana = [place('a', 19.82, 41.33), place('b', 19.83, 41.32), place('c', 19.81, 41.34)]
  const tokyo = place('d', 139.69, 35.69)

  it('gathers nearby places into one cluster counting distinct incidents, far ones stay lone points', () => {
    // An incident's places are listed together.
    const places = [tirana[0], place('a', 19.8, 41.3, 'second place of a'), tirana[1], tirana[2], tokyo]
    const set = clusterPlaces(places, 3, null)
    const [cluster] = clustersOf(set.features.features)
    expect(clustersOf(set.features.features)).toHaveLength(1)
    expect(cluster.properties.point_count).toBe(3)
    expect(set.groups[cluster.properties.cluster].sort()).toEqual([0, 1, 2, 3])
    const [lon, lat] = cluster.geometry.coordinates
    expect(lon).toBeCloseTo(19.815, 1)
    expect(lat).toBeCloseTo(41.32, 1)
    expect(lonesOf(set.features.features).map((f) => f.properties)).toEqual([{ id: 'd', title: 'Incident d', place: 'somewhere' }])
    expect(set.zoom).toBe(3)
  })

  it('draws one incident with several places here as its own points, not a cluster', () => {
    const set = clusterPlaces([place('a', 10, 50, 'x'), place('a', 10.01, 50, 'y')], 2, null)
    expect(clustersOf(set.features.features)).toHaveLength(0)
    expect(lonesOf(set.features.features).map((f) => f.properties.place)).toEqual(['x', 'y'])
  })

  it('joins places on either side of a cell edge into one cluster', () => {
    // At zoom 0 a 40-pixel cell is 1/12.8 of the world: x = 1/13 × 13 ≈ one edge at 0.0769 of the width.
    const edge = (Math.ceil(512 / 40) ** -1 - 0.5) * 360
    const set = clusterPlaces([place('a', edge - 0.5, 0), place('b', edge + 0.5, 0)], 0, null)
    expect(clustersOf(set.features.features).map((f) => f.properties.point_count)).toEqual([2])
  })

  it('splits with zoom and never clusters past the last clustering zoom', () => {
    const near = [place('a', 19.8, 41.3), place('b', 20.2, 41.3)]
    expect(clustersOf(clusterPlaces(near, 2, null).features.features)).toHaveLength(1)
    expect(clustersOf(clusterPlaces(near, 9, null).features.features)).toHaveLength(0)
    const same = [place('a', 19.8, 41.3), place('b', 19.8, 41.3)]
    expect(lonesOf(clusterPlaces(same, CLUSTER_MAX_ZOOM + 1, null).features.features)).toHaveLength(2)
  })

  it('keeps only places in the view box, across the antimeridian', () => {
    const fiji = place('f', 178, -18)
    const samoa = place('s', -172, -13.8)
    const [x0, y0] = mercator(170, -5)
    const [x1, y1] = mercator(190 - 360, -25)
    const view = { x0, y0, x1: x1 + 1, y1 }
    const ids = lonesOf(clusterPlaces([fiji, samoa, tokyo, ...tirana], 6, view).features.features).map((f) => f.properties.id)
    expect(ids.sort()).toEqual(['f', 's'])
    expect(clusterPlaces([], 3, view).features.features).toEqual([])
  })

  it('clusters 100k places in one pass into few features at world zoom', () => {
    const places = Array.from({ length: 100_000 }, (_, n) => ({ ...place(`i${n}`, ((n * 7919) % 360) - 180, ((n * 104729) % 160) - 80), owner: n }))
    const set = clusterPlaces(places, 1, null)
    const total = clustersOf(set.features.features).reduce((s, f) => s + f.properties.point_count, 0) + lonesOf(set.features.features).length
    expect(total).toBe(100_000)
    expect(set.features.features.length).toBeLessThan(2000)
  })
})

describe('expansionZoom', () => {
  it('gives the first zoom where the places part, or null when they share one spot', () => {
    const places = [place('a', 19.8, 41.3), place('b', 20.4, 41.3), place('c', 19.8, 41.3)]
    const z = expansionZoom(places, [0, 1], 2)!
    expect(z).toBeGreaterThan(2)
    expect(z).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM)
    expect(expansionZoom(places, [0, 2], 2)).toBeNull()
  })
})
