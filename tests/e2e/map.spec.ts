// The map view as an analyst uses it: offline map, choropleth, arcs, points, click to filter or select, keyboard, PNG export.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { highestTlp } from '../../shared/domain'
import { greatCircle, type LonLat } from '../../shared/mapData'
import { sampleWorkspace } from '../../shared/sample/sampleWorkspace'
import { expect, test, type WatchfloorPage } from './support/fixtures'
import { decodePng, type Rgb } from './support/png'

const labels = JSON.parse(readFileSync(join(import.meta.dirname, '../../renderer/public/geo/labels.json'), 'utf8')) as { features: { properties: { iso: string }; geometry: { coordinates: LonLat } }[] }
const anchor = (iso: string) => labels.features.find((f) => f.properties.iso === iso)!.geometry.coordinates
type Drawn = { x: number; y: number; hit: { kind: 'cluster'; count: number } | { kind: 'point'; id: string } }
type Handle = { map: import('mapbox-gl').Map; places: { drawn: Drawn[]; highlighted: string[] }; stats: { version: number; idleAt: number } }
// What the page-side code below touches of the browser (this file is type-checked without the DOM library).
declare const window: { __watchfloorMap?: Handle }

/** Opens the map tab and waits until the map has drawn the current data and is idle. */
async function openMap(app: WatchfloorPage): Promise<void> {
  const page = app.page
  await page.getByRole('tab', { name: 'Map' }).click()
  await page.waitForFunction(() => ((window as unknown as { __watchfloorMap?: Handle }).__watchfloorMap?.stats.idleAt ?? 0) > 0, null, { timeout: 30_000 })
}

/** Moves the camera instantly and waits for the map to be idle again. */
async function jumpTo(page: Page, center: LonLat, zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) =>
      new Promise<void>((done) => {
        const { map } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
        map.once('idle', () => done())
        map.jumpTo({ center: c as LonLat, zoom: z as number })
      }),
    [center, zoom] as const,
  )
}

async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const { map } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
        map.once('idle', () => done())
        map.triggerRepaint()
      }),
  )
}

/** The arcs drawn in view that the filter leaves incidents to, with their counts (from feature-state). */
function shownArcs(page: Page): Promise<{ key: string; from: string; to: string; count: number }[]> {
  return page.evaluate(() =>
    (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map
      .queryRenderedFeatures(undefined, { layers: ['arcs'] })
      .filter((f) => f.state.count > 0)
      .map((f) => ({ ...(f.properties as { key: string; from: string; to: string }), count: f.state.count as number })),
  )
}

/** Page coordinates of a place on the map. */
async function screenPoint(page: Page, lonLat: LonLat): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.map-canvas canvas.mapboxgl-canvas').boundingBox())!
  const p = await page.evaluate((ll) => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map.project(ll as LonLat), lonLat)
  return { x: box.x + p.x, y: box.y + p.y }
}

/** The colour a user sees at a place on the map (read back from a screenshot). */
async function colourAt(page: Page, lonLat: LonLat): Promise<Rgb> {
  const p = await screenPoint(page, lonLat)
  const shot = await page.screenshot({ clip: { x: Math.round(p.x), y: Math.round(p.y), width: 1, height: 1 } })
  return (await decodePng(page, shot, { x: 0, y: 0 })).rgb
}

const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((v, k) => Math.abs(v - b[k])))
// Southern Albania and central Greece: away from the Tirana point and from labels.
const ALBANIA: LonLat = [20.15, 40.35]
const GREECE: LonLat = [22.2, 39.4]
const IRAN: LonLat = [57, 31]

test('draws the map offline: every request stays on the app’s own origin, labels come from its own glyphs', async ({ app, page }) => {
  const requests: string[] = []
  const failed: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('requestfailed', (r) => failed.push(r.url()))
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`))
  await page.reload()
  await app.waitForReady()
  await openMap(app)
  const foreign = requests.filter((u) => !u.startsWith(`${app.host.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'))
  expect(foreign).toEqual([])
  expect(failed).toEqual([])
  expect(requests.some((u) => u.includes('/glyphs/Noto%20Sans%20Regular/0-255.pbf'))).toBe(true)
  expect(requests.some((u) => u.endsWith('/geo/countries-110m.json'))).toBe(true)
  const labelled = await page.evaluate(() => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map.queryRenderedFeatures(undefined, { layers: ['country-labels'] }).map((f) => f.properties?.name))
  expect(labelled).toEqual(expect.arrayContaining(['Iran', 'Ukraine', 'United States']))
  await expect(page.locator('.map-legend')).toContainText('Incidents per country as victim')
})

test('shades Albania as a victim and not Greece; the sponsor switch shades Iran instead', async ({ app, page }) => {
  await openMap(app)
  await jumpTo(page, [21, 40.5], 5)
  const albania = await colourAt(page, ALBANIA)
  const greece = await colourAt(page, GREECE)
  expect(distance(albania, greece)).toBeGreaterThan(40)
  await expect(page.locator('.map-legend-classes li')).toHaveText(['none', '1', '2', '3', '4'])

  await page.getByLabel('as sponsor').check()
  await waitIdle(page)
  expect(distance(await colourAt(page, ALBANIA), greece)).toBeLessThan(8)
  await jumpTo(page, [53, 32], 4)
  const iran = await colourAt(page, IRAN)
  expect(distance(iran, greece)).toBeGreaterThan(40)

  // The map follows the app's theme: switching it to the other one redraws the sea.
  const before = await colourAt(page, [51, 42]) // the Caspian Sea
  const now = await page.locator('html').getAttribute('data-theme')
  await page.getByLabel('Theme').selectOption(now === 'dark' ? 'light' : 'dark')
  await waitIdle(page)
  expect(distance(await colourAt(page, [51, 42]), before)).toBeGreaterThan(60)
})

test('hovering a country tells its counts; clicking Albania filters the incidents table to Albania', async ({ app, page }) => {
  await openMap(app)
  await jumpTo(page, [21, 40.5], 5)
  const p = await screenPoint(page, ALBANIA)
  await page.mouse.move(p.x, p.y)
  await expect(page.locator('.map-tooltip')).toContainText('Albania')
  await expect(page.locator('.map-tooltip')).toContainText('3 incidents as victim · 0 as sponsor')
  await page.mouse.click(p.x, p.y)
  await expect(app.count()).toHaveText('3 of 14 incidents')
  await expect(page.getByLabel('Victim country')).toHaveValue('AL')
  // The country filtered to is outlined.
  const outlined = () => page.evaluate(() => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map.getFeatureState({ source: 'countries-50m', id: 'AL' }).focus === true)
  await expect.poll(outlined).toBe(true)

  await page.getByRole('tab', { name: 'Incidents' }).click()
  await expect(app.rows()).toHaveCount(3)
  for (const cell of await app.rows().locator('.cell-victims').all()) await expect(cell).toHaveText('Albania')
})

test('an arc joins Iran and Albania; clicking it selects its three incidents and highlights it', async ({ app, page }) => {
  await openMap(app)
  await jumpTo(page, [38, 38], 4)
  const arcs = await shownArcs(page)
  expect(arcs).toContainEqual(expect.objectContaining({ from: 'IR', to: 'AL', count: 3 }))

  const line = greatCircle(anchor('IR'), anchor('AL'))
  const mid = await screenPoint(page, line[28])
  await page.mouse.click(mid.x, mid.y)
  const selected = page.getByRole('navigation', { name: '3 selected incidents' })
  await expect(selected).toBeVisible()
  await expect(selected.getByRole('button')).toHaveCount(3)
  await expect(page.locator('.incident-read .form-head h2')).toBeVisible()
  const highlight = await page.evaluate(() => JSON.stringify((window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map.getFilter('arcs-highlight')))
  expect(highlight).toContain('IR>AL')
})

test('incidents with places are points; clicking one opens it, dense ones cluster with counts', async ({ app, page }) => {
  await openMap(app)
  await jumpTo(page, [20, 45], 3)
  const drawn = () => page.evaluate(() => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.places.drawn)
  const clusters = (await drawn()).flatMap((d) => (d.hit.kind === 'cluster' ? [{ x: d.x, y: d.y, count: d.hit.count }] : []))
  const biggest = clusters.sort((a, b) => b.count - a.count)[0]
  expect(biggest.count).toBeGreaterThanOrEqual(3)
  // Hovering the cluster tells its count; clicking it zooms in until its incidents part.
  const box = (await page.locator('.map-canvas canvas.mapboxgl-canvas').boundingBox())!
  await page.mouse.move(box.x + biggest.x, box.y + biggest.y)
  await expect(page.locator('.map-tooltip')).toContainText(`${biggest.count} incidents here`)
  const zoom = () => page.evaluate(() => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map.getZoom())
  await page.mouse.click(box.x + biggest.x, box.y + biggest.y)
  await expect.poll(zoom).toBeGreaterThan(3.5)

  await jumpTo(page, [-84, 10], 6)
  const p = await screenPoint(page, [-84.08, 9.93])
  await page.mouse.click(p.x, p.y)
  await expect(page.locator('.incident-read .form-head h2')).toContainText('Costa Rica')
  const costaRica = sampleWorkspace().incidents.find((i) => i.locations.some((l) => l.label.startsWith('San José')))!
  await expect.poll(() => page.evaluate(() => (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.places.highlighted)).toEqual([costaRica.id])
})

test('follows the app-wide filter, fits to it, and says when nothing matches', async ({ app, page }) => {
  await openMap(app)
  await page.getByLabel('Search incidents').fill('border')
  await expect(app.count()).toHaveText('1 of 14 incidents')
  await waitIdle(page)
  await jumpTo(page, [38, 38], 4)
  const arcs = await shownArcs(page)
  expect([...new Map(arcs.map((a) => [a.key, a])).values()]).toEqual([expect.objectContaining({ from: 'IR', to: 'AL', count: 1 })])

  await page.getByRole('button', { name: 'Clear filter' }).click()
  await page.getByLabel('Victim country').selectOption({ label: 'Costa Rica' })
  await page.getByRole('button', { name: 'Fit to filtered incidents' }).click()
  await page.waitForFunction(() => {
    const c = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap.map.getCenter()
    return Math.abs(c.lng + 84) < 3 && Math.abs(c.lat - 10) < 3
  })

  await page.getByLabel('Victim country').selectOption('')
  await page.getByLabel('State nexus').selectOption('criminal')
  await page.getByLabel('Incident type').selectOption('ddos')
  await expect(page.getByRole('status').filter({ hasText: 'No incident matches the filter' })).toBeVisible()
})

test('the map canvas takes the keyboard: + zooms in, arrows pan', async ({ app, page }) => {
  await openMap(app)
  const canvas = page.locator('.map-canvas canvas.mapboxgl-canvas')
  await canvas.focus()
  await expect(canvas).toBeFocused()
  const camera = () => page.evaluate(() => {
    const { map } = (window as unknown as { __watchfloorMap: Handle }).__watchfloorMap
    return { zoom: map.getZoom(), lng: map.getCenter().lng }
  })
  const before = await camera()
  await page.keyboard.press('Equal')
  await expect.poll(async () => (await camera()).zoom).toBeGreaterThan(before.zoom + 0.5)
  const zoomed = await camera()
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await camera()).lng).toBeGreaterThan(zoomed.lng)
})

test('exports the map as a PNG with title, legend and the highest TLP marking', async ({ app, page }, testInfo) => {
  await openMap(app)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export PNG' }).click()
  const file = await (await download).path()
  const png = readFileSync(file)
  writeFileSync(testInfo.outputPath('map-export.png'), png)
  const tlp = highestTlp(sampleWorkspace().incidents.map((i) => i.tlp))
  await expect(page.locator('.toast')).toContainText(`Exported the map of 14 incidents (TLP:${tlp})`)
  const image = await decodePng(page, png, { x: 600, y: 400 })
  expect(image.width).toBe(1200)
  expect(image.height).toBe(760)
  expect(image.colours).toBeGreaterThan(20)
})

test('says clearly when the map files cannot be read', async ({ app, page }) => {
  await page.route('**/geo/countries-50m.json', (route) => route.fulfill({ status: 404, body: 'Not found' }))
  await page.reload()
  await app.waitForReady()
  await page.getByRole('tab', { name: 'Map' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'The map cannot be shown' })
  await expect(alert).toContainText('geo/countries-50m.json could not be read (HTTP 404)')
})

test('says there is nothing to place when no incident under the filter names a country or a place', async ({ app, page }) => {
  await page.getByRole('button', { name: '+ New incident' }).click()
  await app.field('Title').fill('Unplaced intrusion report')
  await app.saveForm()
  await expect(page.locator('.toast', { hasText: 'Saved “Unplaced intrusion report”' })).toBeVisible()
  await page.getByLabel('Search incidents').fill('unplaced intrusion')
  await openMap(app)
  const empty = page.getByRole('status').filter({ hasText: 'Nothing to place on the map' })
  await expect(empty).toContainText('The incident under the filter names no victim country, sponsor country or location')
  await page.getByLabel('Search incidents').fill('')
  await expect(empty).toHaveCount(0)
})
