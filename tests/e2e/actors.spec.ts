// The actors list: create an actor with aliases, pick it in an incident, and refuse to delete one still in use.
import { expect, test } from './support/fixtures'

test('creates an actor with aliases and picks it in an incident', async ({ app, page }) => {
  await page.getByRole('tab', { name: 'Actors' }).click()
  await expect(page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /EUROPIUM/ })).toContainText('DEV-0842')
  await page.getByRole('button', { name: '+ New actor' }).click()
  const form = page.getByRole('form', { name: 'New actor' })
  await form.getByRole('button', { name: 'Create actor' }).click()
  await expect(form.locator('.field-error')).toHaveText('Name is required')
  await form.getByLabel('Name', { exact: true }).fill('Example persona')
  await form.getByLabel('Kind').selectOption('hacktivist-persona')
  await form.getByLabel('Country').selectOption({ label: 'Iran' })
  await form.getByLabel('Aliases').fill('Persona One, P1')
  await form.getByRole('button', { name: 'Create actor' }).click()
  await expect(page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /Example persona/ })).toContainText('aka Persona One, P1')

  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('tab', { name: 'Incidents' })).toHaveAttribute('aria-selected', 'true')
  await app.row(/Montenegrin/).click()
  await app.edit()
  await app.form().getByLabel('Add an actor…').selectOption({ label: 'Example persona (Iran)' })
  await app.saveForm()
  await expect(app.form().locator('.chip', { hasText: 'Example persona' })).toBeVisible()
  await expect(app.form().locator('.save-state')).toHaveText('Saved')
})

test('refuses to delete an actor still named by incidents, and undoes a deletion', async ({ app }) => {
  const { page } = app
  await page.getByRole('tab', { name: 'Actors' }).click()
  await page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /^Ministry of Intelligence/ }).click()
  await page.getByRole('button', { name: 'Delete actor' }).click()
  await expect(page.locator('.toast-error')).toContainText('still referenced by incident')
  await expect(page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /^Ministry of Intelligence/ })).toHaveCount(1)

  await page.getByRole('button', { name: '+ New actor' }).click()
  await page.getByRole('form', { name: 'New actor' }).getByLabel('Name', { exact: true }).fill('Short-lived actor')
  await page.getByRole('button', { name: 'Create actor' }).click()
  await page.getByRole('button', { name: 'Delete actor' }).click()
  await expect(page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /Short-lived actor/ })).toHaveCount(0)
  await page.locator('.toast', { hasText: 'Deleted actor' }).getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /Short-lived actor/ })).toHaveCount(1)
})
