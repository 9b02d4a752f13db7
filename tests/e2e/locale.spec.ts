// Dates and times in the user's locale: the browser's languages decide the order and the month names; partial dates keep their precision.
import { expect, test } from './support/fixtures'

const ALBANIA = /Destructive attack on Albanian/

/** Writes a note so the notes list has a time to show, and returns its row. */
async function writeNote(page: import('@playwright/test').Page) {
  await page.keyboard.press('Alt+n')
  await page.getByLabel('Title', { exact: true }).fill('Timing of the July attack')
  await page.getByLabel('Date', { exact: true }).fill('2022-07')
  await expect(page.locator('.notes-save')).toHaveText('Saved')
  return page.locator('.notes-row', { hasText: 'Timing of the July attack' })
}

test.describe('in American English', () => {
  test.use({ locale: 'en-US' })

  test('writes days month first, keeps a month a month, and times with AM / PM', async ({ app, page }) => {
    await expect(app.row(ALBANIA).locator('.cell-start')).toHaveText('Jul 15, 2022')
    await expect(app.row(/Ransomware attack on Montene/).locator('.cell-start')).toHaveText('Aug 2022')
    await app.row(ALBANIA).click()
    await app.edit()
    await expect(app.form().locator('.date-reading').first()).toHaveText('July 15, 2022')
    const note = await writeNote(page)
    await expect(note).toContainText(/Jul 2022 · changed [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?(AM|PM)/)
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await expect(page.locator('.timeline-items li[data-kind="span"]', { hasText: ALBANIA }).first()).toContainText('July 15, 2022')
  })
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('writes days day first with German month names, and times on the 24-hour clock', async ({ app, page }) => {
    await expect(app.row(ALBANIA).locator('.cell-start')).toHaveText('15. Juli 2022')
    await expect(app.row(/Ransomware attack on Montene/).locator('.cell-start')).toHaveText(/^Aug\.? 2022$/)
    const note = await writeNote(page)
    await expect(note).toContainText(/Juli 2022 · changed \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/)
    // The saved report's date (a month) in the list of reports, too.
    await page.getByRole('tab', { name: 'Reports' }).click()
    await expect(page.locator('.report-row').first()).toContainText(/Okt\.? 2022/)
  })
})
