// Every timeline mark at its true date, and a date window that sees attributions and responses (and says so), as an analyst checks them.
import { expect, test } from './support/fixtures'
import { brush, drawn, expectDateFilter, openTimeline, zoomTo, type Tick } from './support/timeline'

/** The x the axis gives a UTC day (read off two of its ticks: the axis is linear in time). */
function axisX(axis: Tick[], isoDay: string): number {
  const [a, b] = [axis[0], axis[axis.length - 1]]
  const ta = Date.parse(a.t)
  const tb = Date.parse(b.t)
  return a.x + ((Date.parse(`${isoDay}T00:00:00Z`) - ta) / (tb - ta)) * (b.x - a.x)
}

test('at month zoom the 21 Sep 2022 marker in Albania’s lane is drawn between 14 and 28 Sep, and says what it is', async ({ app, page }) => {
  void app
  const canvas = await openTimeline(page)
  await zoomTo(page, 'Jun 2022', 'Dec 2022')
  await expect(canvas).toHaveAttribute('data-unit', 'month')
  const axis = await drawn(page)
  expect(axis.some((t) => t.t.startsWith('2022-09-01'))).toBe(true)
  // At this zoom 19 and 21 Sep are two days (about 11 px) apart: the 21 Sep marks are drawn alone or counted with their neighbours, at their dates.
  const mark = page.locator('.timeline-items li[data-lane="Albania"]:is([data-kind="mark"], [data-kind="group"])', { hasText: '21 September 2022' })
  await expect(mark).toHaveCount(1)
  const x = Number(await mark.getAttribute('data-x'))
  const y = Number(await mark.getAttribute('data-y'))
  expect(x).toBeGreaterThan(axisX(axis, '2022-09-14'))
  expect(x).toBeLessThan(axisX(axis, '2022-09-28'))
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + x, box.y + y)
  const tip = page.getByRole('tooltip')
  await expect(tip).toContainText('21 September 2022')
  await expect(tip).toContainText('CISA and FBI')

  // Zoomed in to the week, the two CISA/FBI marks of 21 Sep stand at the day's x, one stacked under the other.
  await zoomTo(page, '2022-09-17', '2022-09-24')
  const axis2 = await drawn(page)
  const day = page.locator('.timeline-items li[data-kind="mark"][data-lane="Albania"][data-when="21 September 2022"]')
  await expect(day).toHaveCount(2)
  const xs = await day.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-x'))))
  const ys = await day.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-y'))))
  for (const dx of xs) {
    expect(dx).toBeGreaterThan(axisX(axis2, '2022-09-21'))
    expect(dx).toBeLessThan(axisX(axis2, '2022-09-22'))
  }
  expect(Math.abs(xs[0] - xs[1])).toBeLessThanOrEqual(1)
  expect(ys[0]).not.toBe(ys[1])
  await page.mouse.move(box.x + xs[0], box.y + ys[0])
  await expect(tip).toContainText('21 September 2022')
  await expect(tip).toContainText('on Destructive attack on Albanian government systems')
  // Zooming from the keyboard moves what the tooltip pointed at: it goes.
  await canvas.focus()
  await page.keyboard.press('+')
  await expect(tip).toHaveCount(0)
})

test('a busy day at year zoom is one counted glyph that lists its events and opens into them on click', async ({ app, page }) => {
  void app
  const canvas = await openTimeline(page)
  await zoomTo(page, '2014', '2024')
  await expect(canvas).toHaveAttribute('data-unit', /year/)
  await drawn(page)
  const group = page.locator('.timeline-items li[data-kind="group"][data-lane="Albania"]').first()
  await expect(group).toContainText(/\d+ events/)
  const box = (await canvas.boundingBox())!
  const gx = Number(await group.getAttribute('data-x'))
  const gy = Number(await group.getAttribute('data-y'))
  await page.mouse.move(box.x + gx, box.y + gy)
  await expect(page.getByRole('tooltip')).toContainText('events')
  await expect(page.getByRole('tooltip').locator('li').first()).toBeVisible()
  await page.mouse.click(box.x + gx, box.y + gy)
  await expect(canvas).toHaveAttribute('data-unit', /day|week|month|hour/)
  await drawn(page)
  await expect(page.locator('.timeline-items li[data-kind="mark"][data-lane="Albania"]').first()).toBeVisible()
})

test('brushing September 2022 keeps the July 2022 Albania attack, says it is there by a response, and the incident-dates toggle drops it', async ({ app, page }) => {
  const canvas = await openTimeline(page)
  await zoomTo(page, 'Jun 2022', 'Dec 2022')
  await brush(page, canvas, '2022-09-01', '2022-10-01')
  await expectDateFilter(page, '2022-09', '2022-09')
  await page.getByRole('tab', { name: 'Incidents' }).click()
  const july = app.row(/Destructive attack on Albanian/)
  await expect(july).toHaveCount(1)
  await expect(july.locator('.match-why')).toHaveText(/^response 7 Sept? 2022$/)
  await expect(app.row(/TIMS/).locator('.match-why')).toHaveCount(0)
  const shown = Number((await app.count().textContent())!.match(/^(\d+) of/)![1])

  await page.getByLabel('Incident dates only').check()
  await expect(july).toHaveCount(0)
  await expect(app.row(/TIMS/)).toHaveCount(1)
  await expect(app.count()).toHaveText(`${shown - 1} of 14 incidents`)
  // The map follows the same filter.
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(app.count()).toHaveText(`${shown - 1} of 14 incidents`)
  await page.getByLabel('Incident dates only').uncheck()
  await expect(app.count()).toHaveText(`${shown} of 14 incidents`)
})

test('Fit all draws every item whole inside the plot, and dragging on the axis row pans instead of setting a window', async ({ app, page }) => {
  const canvas = await openTimeline(page)
  await canvas.focus()
  await page.keyboard.press('0')
  await drawn(page)
  const box = (await canvas.boundingBox())!
  const xs = await page.locator('.timeline-items li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-x'))))
  expect(xs.length).toBeGreaterThan(10)
  expect(Math.max(...xs)).toBeLessThan(box.width - 8)
  expect(Math.min(...xs)).toBeGreaterThan(170 + 8)

  const from = await canvas.getAttribute('data-from')
  await page.mouse.move(box.x + box.width / 2, box.y + 20)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + 20, { steps: 6 })
  await page.mouse.up()
  await expect(canvas).not.toHaveAttribute('data-from', from!)
  expect(Date.parse((await canvas.getAttribute('data-from'))!)).toBeGreaterThan(Date.parse(from!))
  await expect(page.locator('.filter-date', { hasText: 'From' }).locator('input')).toHaveValue('')
  await expect(app.count()).toHaveText('14 incidents')
})
