// What the timeline specs share: opening the view, showing a date window as a user would, and reading the axis of the frame drawn last.
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
