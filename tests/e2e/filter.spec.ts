// One app-wide filter: after an actor is renamed, the table, the map and the timeline all find its incidents by the new name.
import { expect, test } from './support/fixtures'

test('finds an actor’s incidents by its new name in the table, on the map and on the timeline', async ({ app, page }) => {
  const search = page.getByRole('searchbox', { name: 'Search incidents' }).or(page.getByLabel('Search incidents'))
  // Search by the old name in every view first, so each view has searched the incidents' text once.
  await search.fill('DarkSide')
  await expect(app.count()).toHaveText('1 of 14 incidents')
  for (const view of ['Map', 'Timeline']) {
    await page.getByRole('tab', { name: view }).click()
    await expect(app.count()).toHaveText('1 of 14 incidents')
  }
  await search.fill('')

  await page.getByRole('tab', { name: 'Actors' }).click()
  await page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /^DarkSide/ }).click()
  const form = page.getByRole('form', { name: /DarkSide/ })
  await form.getByLabel('Name', { exact: true }).fill('Pipeline Ransom Crew')
  await form.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /^Pipeline Ransom Crew/ })).toBeVisible()

  await page.getByRole('tab', { name: 'Incidents' }).click()
  await search.fill('pipeline ransom crew')
  await expect(app.count()).toHaveText('1 of 14 incidents')
  await expect(app.rows()).toHaveCount(1)
  await expect(app.row(/Colonial Pipeline/)).toBeVisible()

  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(app.count()).toHaveText('1 of 14 incidents')

  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(app.count()).toHaveText('1 of 14 incidents')
  const spans = page.locator('.timeline-items li[data-kind="span"]')
  await expect(spans).toHaveCount(1)
  await expect(spans.first()).toContainText('Colonial Pipeline')
})
