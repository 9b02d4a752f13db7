// Every view's main action from the keyboard alone: skip link and tabs, create and leave an incident, filter, pick a
// country on the map, brush a window on the timeline, write a note, export a briefing; the palette keeps focus.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

const focused = (page: Page) => page.locator(':focus')

/** Presses Tab until `target` has focus (at most `limit` times) and returns how many presses it took. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return n
  }
  throw new Error(`Tab never reached ${target}`)
}

test('the skip link leads into the view; the view tabs are one stop moved with the arrows; Alt+digit moves focus into the view', async ({ app, page }) => {
  await page.keyboard.press('Tab')
  await expect(focused(page)).toHaveText('Skip to main content')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('grid', { name: /^Incidents/ })).toBeFocused()

  const tabs = page.getByRole('tablist', { name: 'Views' })
  await tabs.getByRole('tab', { name: 'Incidents' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(tabs.getByRole('tab', { name: 'Actors' })).toBeFocused()
  await expect(tabs.getByRole('tab', { name: 'Actors' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Actors' })).toBeVisible()
  await page.keyboard.press('End')
  await expect(tabs.getByRole('tab', { name: 'Sources' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tabs.getByRole('tab', { name: 'Incidents' })).toBeFocused()
  // One tab stop: the next Tab leaves the tab list for the theme switch.
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Theme')).toBeFocused()

  await page.keyboard.press('Alt+2')
  await expect(page.locator('.actor-row').first()).toBeFocused()
  await page.keyboard.press('Alt+4')
  await expect(page.locator('.timeline-canvas')).toBeFocused()
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('grid', { name: /^Incidents/ })).toBeFocused()
  void app
})

test('creates an incident from the palette and leaves the form with Escape, asking first when it has edits', async ({ app, page }) => {
  await page.getByRole('grid', { name: /^Incidents/ }).focus()
  await page.keyboard.press('Control+k')
  await page.keyboard.type('new incident')
  await page.keyboard.press('Enter')
  await expect(app.field('Title')).toBeFocused()
  await page.keyboard.type('Wiper attack on a ministry network')
  await page.keyboard.press('Tab') // status
  await page.keyboard.press('Tab') // TLP marking
  await page.keyboard.press('Tab') // start
  await expect(app.field('Start')).toBeFocused()
  await page.keyboard.type('Jul 2022')
  await page.keyboard.press('Control+s')
  await expect(page.locator('.toast').filter({ hasText: 'Saved “Wiper attack on a ministry network”.' })).toBeVisible()
  await expect(app.row('Wiper attack on a ministry network')).toHaveCount(1)
  expect((await app.workspaceFile()).incidents.find((i) => i.title === 'Wiper attack on a ministry network')?.start).toBe('2022-07')

  // No edits: Escape leaves the form for the table.
  await app.field('Title').focus()
  await page.keyboard.press('Escape')
  await expect(app.form()).toHaveCount(0)
  const grid = page.getByRole('grid', { name: /^Incidents/ })
  await expect(grid).toBeFocused()

  // With edits: Escape asks; Escape again keeps editing; Discard reverts and leaves.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(app.field('Title')).toBeFocused()
  const title = await app.field('Title').inputValue()
  await page.keyboard.type(' (edited)')
  await page.keyboard.press('Escape')
  const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(ask.getByRole('button', { name: 'Discard changes' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(ask).toHaveCount(0)
  await expect(app.field('Title')).toBeFocused()
  await expect(app.field('Title')).toHaveValue(`${title} (edited)`)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(app.form()).toHaveCount(0)
  await expect(grid).toBeFocused()
  await expect(app.row(title)).toHaveCount(1)
})

test('filters from the keyboard: / for the text, type-ahead in the victim list', async ({ app, page }) => {
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search incidents')).toBeFocused()
  await page.keyboard.type('border')
  await expect(app.count()).toHaveText('1 of 14 incidents')
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Victim country')).toBeFocused()
  await page.keyboard.type('Alb')
  await expect(page.getByLabel('Victim country')).toHaveValue('AL')
  await expect(app.count()).toHaveText('3 of 14 incidents')
})

test('opens the map and filters to a country from its keyboard list', async ({ app, page }) => {
  await page.keyboard.press('Alt+3')
  const canvas = page.locator('.map-canvas canvas.mapboxgl-canvas')
  await expect(canvas).toBeFocused()
  const countries = page.getByText(/^Countries as victim \(\d+\)$/)
  await tabTo(page, countries)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(focused(page)).toHaveText(/^United States\s*4 incidents$/)
  await page.keyboard.press('ArrowDown')
  await expect(focused(page)).toHaveText(/^Albania\s*3 incidents$/)
  await expect(page.locator('.map-tooltip')).toContainText('3 incidents as victim')
  await page.keyboard.press('Enter')
  await expect(app.count()).toHaveText('3 of 14 incidents')
  await expect(page.getByLabel('Victim country')).toHaveValue('AL')
  await expect(focused(page)).toHaveAttribute('aria-pressed', 'true')
})

test('brushes September 2022 on the timeline from the keyboard', async ({ app, page }) => {
  await page.keyboard.press('Alt+4')
  const canvas = page.locator('.timeline-canvas')
  await expect(canvas).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.timeline-live')).toContainText('Destructive attack on Albanian government systems, 15 July 2022')
  // Zoom in on it until the axis shows months (or quarters), each press waiting for the frame it draws.
  for (let k = 0; k < 12 && !/^(month|quarter)$/.test((await canvas.getAttribute('data-unit')) ?? ''); k++) {
    const frame = (await canvas.getAttribute('data-frame')) ?? ''
    await page.keyboard.press('+')
    await expect(canvas).not.toHaveAttribute('data-frame', frame)
  }
  await expect(canvas).toHaveAttribute('data-unit', /^(month|quarter)$/)
  await page.keyboard.press('b')
  await expect(page.locator('.timeline-live')).toContainText('Brush: July 2022.')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.timeline-live')).toHaveText('Brush: September 2022.')
  await page.keyboard.press('Enter')
  await expect(page.locator('.timeline-live')).toHaveText('Filtered to September 2022.')
  await expect(page.locator('.filter-date', { hasText: 'From' }).locator('input')).toHaveValue('2022-09')
  await expect(page.locator('.filter-date', { hasText: 'To' }).locator('input')).toHaveValue('2022-09')
  await expect(app.count()).toHaveText('2 of 14 incidents')
  // Escape clears it again, as the toolbar's Clear brush does.
  await page.keyboard.press('Escape')
  await expect(app.count()).toHaveText('14 incidents')
})

test('writes a note from the keyboard: Alt+N, its title, then its text', async ({ app, page }) => {
  await page.keyboard.press('Alt+n')
  const title = page.getByLabel('Title', { exact: true })
  await expect(title).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Keyboard-only note')
  await tabTo(page, page.getByRole('textbox', { name: 'Note text' }), 12)
  await page.keyboard.type('Written without the mouse.')
  await expect(page.locator('.notes-save')).toHaveText('Saved')
  const file = JSON.parse((await app.workspaceBytes()).toString('utf8')) as { notes: { title: string; body: string }[] }
  expect(file.notes).toContainEqual(expect.objectContaining({ title: 'Keyboard-only note', body: 'Written without the mouse.' }))
  // Escape leaves the note for its row in the list.
  await page.keyboard.press('Escape')
  await expect(focused(page)).toHaveAttribute('aria-current', 'true')
  await expect(focused(page)).toContainText('Keyboard-only note')
})

test('exports a briefing from the keyboard: Export PDF is the first stop after the report list', async ({ app, page }) => {
  await page.keyboard.press('Alt+6')
  const row = page.locator('.report-row').first()
  await expect(row).toBeFocused()
  await page.keyboard.press('Enter')
  const pdf = page.getByRole('button', { name: 'Export PDF' })
  await expect(pdf).toBeEnabled()
  expect(await tabTo(page, pdf, 1)).toBe(1)
  await page.keyboard.press('Enter')
  await expect(page.locator('.report-export-done')).toContainText('TLP:CLEAR, 3 incidents', { timeout: 30_000 })
  expect(readdirSync(join(app.dir, 'exports')).filter((f) => f.endsWith('.pdf'))).toHaveLength(1)
})

test('the palette keeps focus while open, Escape always closes it, and focus returns where it was', async ({ app, page }) => {
  const grid = page.getByRole('grid', { name: /^Incidents/ })
  await grid.focus()
  await page.keyboard.press('Control+k')
  const input = page.getByRole('combobox', { name: 'Search records or type a command' })
  await expect(input).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(input).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(input).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Search and commands' })).toHaveCount(0)
  await expect(grid).toBeFocused()
  // Switching view closes it: it never stays open over the next view.
  await page.keyboard.press('Control+k')
  await expect(input).toBeFocused()
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('dialog', { name: 'Search and commands' })).toHaveCount(0)
  await expect(page.locator('.timeline-canvas')).toBeFocused()
  // A command run from it moves focus to what it opened.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('go to notes')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '+ New note' })).toBeFocused()
  void app
})
