// The map at its default view: a click inside a small country filters to it, clusters stand off the country on a stem, and fitting frames whole countries.
import type { Page } from '@playwright/test'
import type { LonLat } from '../../shared/mapData'
import { expect, test, type WatchfloorPage } from './support/fixtures'

type Drawn = { x: number; y: number; radius: number; px: number; py: number; hit: { kind: 'cluster' | 'point' } }
type Handle = { map: import('mapbox-gl').Map; places: { drawn: Drawn[] }; stats: { idleAt: number } }
declare const window: { __watchfloorMap?: Handle }

async function openMap(app: WatchfloorPage): Promise<void> {
  await app.page.getByRole('tab', { name: 'Map' }).click()
  await app.page.waitForFunction(() => ((window as unknown as { __watchfloorMap?: Handle }).__watchfloorMap?.stats.idleAt ?? 0) > 0, null, { timeout: 30_000 })
}

/**
 * Map pixels inside Albania (the country layer says so at that pixel) at least 3 px clear of every
 * cluster and point circle, scanning Albania's box on a fine grid.
 */
function clearAlbaniaPixels(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(() => {
    const { map, places } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
    const out: { x: number; y: number }[] = []
    for (let lon = 19.2; lon <= 21.1; lon += 0.05)
      for (let lat = 39.6; lat <= 42.7; lat += 0.05) {
        const p = map.project([lon, lat])
        const x = Math.round(p.x)
        const y = Math.round(p.y)
        if (places.drawn.some((d) => Math.hypot(d.x - x, d.y - y) <= d.radius + 3)) continue
        const f = map.queryRenderedFeatures([x, y], { layers: ['country-fill-110m', 'country-fill-50m'] })
        if (f.some((g) => g.properties?.iso === 'AL') && !out.some((o) => o.x === x && o.y === y)) out.push({ x, y })
      }
    return out
  })
}

test('at the default map view, a click inside Albania away from any cluster sets the victim filter to Albania', async ({ app, page }) => {
  await openMap(app)
  const drawn = await page.evaluate(() => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.places.drawn)
  // Clusters stand on a stem above their place, so the place's own country shows under it.
  const clusters = drawn.filter((d) => d.hit.kind === 'cluster')
  expect(clusters.length).toBeGreaterThan(0)
  for (const c of clusters) expect(c.py - c.y).toBeGreaterThan(c.radius)
  const spots = await clearAlbaniaPixels(page)
  expect(spots.length).toBeGreaterThan(0)
  const box = (await page.locator('.map-canvas canvas.mapboxgl-canvas').boundingBox())!
  const spot = spots[Math.floor(spots.length / 2)]
  await page.mouse.click(box.x + spot.x, box.y + spot.y)
  await expect(page.getByLabel('Victim country')).toHaveValue('AL')
  await expect(app.count()).toHaveText('3 of 14 incidents')
})

test('fitting to Albania frames the whole country with a margin on every side', async ({ app, page }) => {
  await openMap(app)
  await page.getByLabel('Victim country').selectOption({ label: 'Albania' })
  // The world view already holds both countries: the fit must be seen to zoom in and settle, not just be looked at before it starts.
  const before = await page.evaluate(() => {
    const { map, stats } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
    return { zoom: map.getZoom(), idleAt: stats.idleAt }
  })
  await page.getByRole('button', { name: 'Fit to filtered incidents' }).click()
  await page.waitForFunction(
    (b) => {
      const { map, stats } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
      return stats.idleAt > b.idleAt && !map.isMoving() && map.getZoom() > b.zoom + 1
    },
    before,
    { timeout: 15_000 },
  )
  // Albania's corners and its sponsor Iran's, all inside the frame with room to spare.
  const corners: LonLat[] = [
    [19.27, 39.64],
    [21.06, 42.66],
    [44.1, 25.1],
    [63.3, 39.7],
  ]
  await page.waitForFunction(
    (cs) => {
      const { map } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
      if (map.isMoving()) return false
      const c = map.getContainer()
      return cs.every(([lon, lat]) => {
        const p = map.project([lon, lat])
        return p.x >= 20 && p.y >= 20 && p.x <= c.clientWidth - 20 && p.y <= c.clientHeight - 20
      })
    },
    corners,
    { timeout: 15_000 },
  )
})
