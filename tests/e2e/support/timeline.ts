// What the timeline specs share: opening the view, showing a date window as a user would, reading the axis of the frame drawn last, and brushing between two of its ticks.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

export interface Tick {
  label: string
  t: string
  x: number
}

export async function openTimeline(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Timeline' }).click()
  const canvas = page.locator('.timeline-canvas')
  await expect(canvas).toHaveAttribute('data-unit', /.+/)
  return canvas
}

/** Shows [from, to] the way a user would: type the window into the filter bar, "Zoom to filter", then clear the filter. */
export async function zoomTo(page: Page, from: string, to: string): Promise<void> {
  await page.locator('.filter-date', { hasText: 'From' }).locator('input').fill(from)
  await page.locator('.filter-date', { hasText: 'To' }).locator('input').fill(to)
  await page.getByRole('button', { name: 'Zoom to filter' }).click()
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await expect(page.locator('.filter-count')).toHaveText('14 incidents')
}

/**
 * Waits until the list of items in view describes the frame the canvas drew last (the list follows
 * the canvas a moment after it settles), and returns that frame's axis.
 */
export async function drawn(page: Page): Promise<Tick[]> {
  let axis: Tick[] = []
  await expect
    .poll(async () => {
      const seen = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLElement>('.timeline-canvas')
        const list = document.querySelector<HTMLElement>('.timeline-items')
        return { drawn: canvas?.dataset.frame, listed: list?.dataset.frame, ticks: canvas?.dataset.ticks ?? '[]' }
      })
      axis = JSON.parse(seen.ticks)
      return seen.drawn !== undefined && seen.drawn === seen.listed
    })
    .toBe(true)
  return axis
}

/** The axis tick on `isoDay` (YYYY-MM-DD); throws naming the ticks there are when there is none. */
export function tickAt(list: Tick[], isoDay: string): Tick {
  const t = list.find((x) => x.t.startsWith(isoDay))
  if (!t) throw new Error(`no axis tick at ${isoDay} in ${list.map((x) => x.t).join(', ')}`)
  return t
}

/** Brushes from one axis tick to another (YYYY-MM-DD) the way a user does: Shift held, dragging across the lanes of the frame drawn last. */
export async function brush(page: Page, canvas: Locator, fromDay: string, toDay: string): Promise<void> {
  const axis = await drawn(page)
  const from = tickAt(axis, fromDay)
  const to = tickAt(axis, toDay)
  const box = (await canvas.boundingBox())!
  await page.keyboard.down('Shift')
  await page.mouse.move(box.x + from.x, box.y + 300)
  await page.mouse.down()
  await page.mouse.move(box.x + (from.x + to.x) / 2, box.y + 300, { steps: 4 })
  await page.mouse.move(box.x + to.x, box.y + 300, { steps: 4 })
  await page.mouse.up()
  await page.keyboard.up('Shift')
}

/** Checks the filter bar's From and To dates read `from` and `to`. */
export async function expectDateFilter(page: Page, from: string, to: string): Promise<void> {
  await expect(page.locator('.filter-date', { hasText: 'From' }).locator('input')).toHaveValue(from)
  await expect(page.locator('.filter-date', { hasText: 'To' }).locator('input')).toHaveValue(to)
}
