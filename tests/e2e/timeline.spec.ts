// The timeline as an analyst uses it: find the Albania case on the axis, brush September 2022, follow responses, zoom, keys, export.
import type { Locator, Page } from '@playwright/test'
import { AXIS_H } from '../../shared/timeline/layout'
import { expect, test } from './support/fixtures'
import { brush, drawn, expectDateFilter, openTimeline, tickAt, zoomTo, type Tick } from './support/timeline'

const ALBANIA = /Destructive attack on Albanian/

async function ticks(canvas: Locator): Promise<Tick[]> {
  return JSON.parse((await canvas.getAttribute('data-ticks')) ?? '[]')
}

/** The pixel (RGBA) the user sees at canvas CSS coordinates. */
async function pixel(canvas: Locator, x: number, y: number): Promise<number[]> {
  return canvas.evaluate(
    (el, [px, py]) => {
      type Canvas = { width: number; clientWidth: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } }
      const c = el as unknown as Canvas
      const k = c.width / c.clientWidth
      return Array.from(c.getContext('2d').getImageData(Math.round(px * k), Math.round(py * k), 1, 1).data)
    },
    [x, y],
  )
}

// The pixel checks below read the dark palette's colours (the light one's are checked for contrast by the palette unit test).
test.use({ colorScheme: 'dark' })

const item = (page: Page, kind: 'span' | 'mark', text: RegExp | string) => page.locator(`.timeline-items li[data-kind="${kind}"]`, { hasText: text })

test('draws the July 2022 Albania attack where July 2022 is on the axis', async ({ app, page }) => {
  void app
  const canvas = await openTimeline(page)
  await expect(page.getByRole('button', { name: /Albania 3/ })).toBeVisible()
  await zoomTo(page, 'May 2022', 'Oct 2022')
  await expect(canvas).toHaveAttribute('data-unit', 'month')
  const axis = await drawn(page)
  const jul = tickAt(axis, '2022-07-01')
  const aug = tickAt(axis, '2022-08-01')
  expect(jul.label).toBe('Jul')
  const li = item(page, 'span', ALBANIA)
  await expect(li).toHaveAttribute('data-lane', 'Albania')
  await expect(li).toContainText('15 July 2022')
  const x = Number(await li.getAttribute('data-x'))
  const y = Number(await li.getAttribute('data-y'))
  // 15 July is about halfway through July.
  expect(x).toBeGreaterThan(jul.x + (aug.x - jul.x) * 0.35)
  expect(x).toBeLessThan(jul.x + (aug.x - jul.x) * 0.65)
  const [r, , b] = await pixel(canvas, x, y)
  expect(b).toBeGreaterThan(150) // the state-linked blue milestone, not the dark background
  expect(r).toBeLessThan(150)
  // The tooltip speaks the date at its own precision.
  await page.mouse.move((await canvas.boundingBox())!.x + x, (await canvas.boundingBox())!.y + y)
  await expect(page.getByRole('tooltip')).toContainText('Destructive attack on Albanian government systems')
  await expect(page.getByRole('tooltip')).toContainText('15 July 2022')
  const claim = item(page, 'mark', /HomeLand Justice \(actor's own claim/).and(page.locator('[data-incident="inc-albania-2022-07"]'))
  await expect(claim).toContainText('July 2022')
  await expect(claim).not.toContainText('2022-07')
})

test('brushing September 2022 filters the incidents table, and clearing the brush resets it', async ({ app, page }) => {
  const canvas = await openTimeline(page)
  await zoomTo(page, 'Jun 2022', 'Dec 2022')
  await brush(page, canvas, '2022-09-01', '2022-10-01')
  await expectDateFilter(page, '2022-09', '2022-09')
  await expect(app.count()).toHaveText('3 of 14 incidents')
  await page.getByRole('tab', { name: 'Incidents' }).click()
  await expect(app.rows()).toHaveCount(3)
  await expect(app.row(/TIMS/)).toHaveCount(1)
  await expect(app.row(/leaks/)).toHaveCount(1)
  await expect(app.row(/Destructive attack on Albanian/)).toHaveCount(1)
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await page.getByRole('button', { name: 'Clear brush' }).click()
  await expect(app.count()).toHaveText('14 incidents')
})

test('shows the severing of relations as a marker on 7 Sep 2022 in Albania’s lane', async ({ app, page }) => {
  void app
  const canvas = await openTimeline(page)
  await zoomTo(page, '2022-09-03', '2022-09-10')
  await expect(canvas).toHaveAttribute('data-unit', 'day')
  const axis = await drawn(page)
  const d7 = tickAt(axis, '2022-09-07')
  const d8 = tickAt(axis, '2022-09-08')
  const mark = item(page, 'mark', 'Reduce or break diplomatic relations: Government of Albania')
  await expect(mark).toHaveCount(1)
  await expect(mark).toHaveAttribute('data-lane', 'Albania')
  await expect(mark).toHaveAttribute('data-when', '7 September 2022')
  const x = Number(await mark.getAttribute('data-x'))
  const y = Number(await mark.getAttribute('data-y'))
  expect(x).toBeGreaterThan(d7.x)
  expect(x).toBeLessThan(d8.x)
  const [r, g] = await pixel(canvas, x, y)
  expect(r).toBeGreaterThan(200) // the red cross of a diplomatic break
  expect(g).toBeLessThan(140)
  // Hovering shows what it is and links it to its incident.
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + x, box.y + y)
  await expect(page.getByRole('tooltip')).toContainText('Reduce or break diplomatic relations')
  await expect(page.getByRole('tooltip')).toContainText('on Destructive attack on Albanian government systems')
})

test('zooming with the wheel and keys changes the axis unit', async ({ app, page }) => {
  void app
  const canvas = await openTimeline(page)
  await expect(canvas).toHaveAttribute('data-unit', 'year')
  await expect(page.getByText('Axis: years')).toBeVisible()
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + box.width - 60, box.y + 200)
  for (let k = 0; k < 12; k++) await page.mouse.wheel(0, -200)
  await expect(canvas).not.toHaveAttribute('data-unit', 'year')
  await canvas.focus()
  for (let k = 0; k < 12; k++) await page.keyboard.press('+')
  await expect(canvas).toHaveAttribute('data-unit', /day|hour/)
  await page.keyboard.press('0')
  await expect(canvas).toHaveAttribute('data-unit', 'year')
})

test('keyboard navigation reaches an incident and Enter selects it in every view', async ({ app, page }) => {
  const canvas = await openTimeline(page)
  await canvas.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.timeline-live')).toContainText('Destructive attack on Albanian government systems, 15 July 2022, Albania')
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.timeline-live')).toContainText('Attack on Albania’s TIMS border control system, 9 September 2022')
  await page.keyboard.press('Enter')
  await expect(app.readView().locator('.form-head h2')).toHaveText(/TIMS/)
  await expect(item(page, 'span', /TIMS/)).toHaveAttribute('data-selected', 'true')
  await page.getByRole('tab', { name: 'Incidents' }).click()
  await expect(app.row(/TIMS/)).toHaveAttribute('aria-selected', 'true')
  // And the other way round: a selection made in the table is drawn on the timeline.
  await app.row(/Sony Pictures/).click()
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(item(page, 'span', /Sony Pictures/)).toHaveAttribute('data-selected', 'true')
  await expect(item(page, 'span', /TIMS/)).toHaveAttribute('data-selected', 'false')
})

test('clicking an item selects its incident; lanes regroup and collapse; the view exports a PNG', async ({ app, page }) => {
  const canvas = await openTimeline(page)
  await zoomTo(page, '2022-09-01', '2022-09-14')
  await drawn(page)
  const mark = item(page, 'mark', 'Sanctions / embargo: US Department of the Treasury')
  const box = (await canvas.boundingBox())!
  await page.mouse.click(box.x + Number(await mark.getAttribute('data-x')), box.y + Number(await mark.getAttribute('data-y')))
  await expect(app.readView().locator('.form-head h2')).toHaveText(ALBANIA)
  await expect(page.getByRole('button', { name: 'Zoom to selection' })).toBeEnabled()

  await page.getByLabel('Lanes by').selectOption('sponsor')
  const iran = page.getByRole('button', { name: /^Iran \d+$/ })
  await expect(iran).toHaveAttribute('aria-expanded', 'true')
  await iran.click()
  await expect(iran).toHaveAttribute('aria-expanded', 'false')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export PNG' }).click()
  const file = await (await download).path()
  const { readFile } = await import('node:fs/promises')
  const png = await readFile(file)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect(png.readUInt32BE(16)).toBe(Math.round(box.width))
})

test('says what to do when nothing can be drawn', async ({ app, page }) => {
  void app
  await openTimeline(page)
  await page.getByLabel('Search incidents').fill('no such incident anywhere')
  await expect(page.getByRole('heading', { name: 'Nothing to draw yet' })).toBeVisible()
  await expect(page.getByText('No incident with a start date matches the filter')).toBeVisible()
})

test('a dated note sits on the timeline as an annotation at its date', async ({ app, page }) => {
  void app
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: '+ New note' }).click()
  await page.getByLabel('Title', { exact: true }).fill('Summit timing')
  await page.getByLabel('Date', { exact: true }).fill('Aug 2022')
  await expect(page.locator('.notes-save')).toHaveText('Saved')

  const canvas = await openTimeline(page)
  await page.locator('.timeline-annotations summary').click()
  await page.getByRole('list', { name: 'Dated notes on the timeline' }).getByRole('button', { name: 'Summit timing — August 2022' }).click()
  await expect(canvas).toHaveAttribute('data-unit', /month|week|day/)
  const axis = await ticks(canvas)
  // The note's flag hangs just under the axis, from the middle of its month.
  const mid = (tickAt(axis, '2022-08-01').x + tickAt(axis, '2022-09-01').x) / 2
  const [r, g, b] = await pixel(canvas, mid + 3, AXIS_H + 5)
  expect([r, g, b]).toEqual([194, 151, 255])
  const [r2, g2, b2] = await pixel(canvas, tickAt(axis, '2022-07-01').x + 10, AXIS_H + 5)
  expect([r2, g2, b2]).not.toEqual([194, 151, 255])
})
