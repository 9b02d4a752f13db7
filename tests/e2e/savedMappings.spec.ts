// Saving column mappings as an analyst does: two names that make the same file name (“EuRepoC v1”, “eurepoc-v1”) are both kept and both offered, the toast says which file each went to, and saving under a name again replaces that one only.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const SHEET = ['Incident,When,Target country', 'Wiper attack on a Latvian energy ministry,2023-07-15,Latvia', 'Espionage against the Finnish parliament,2023-03,Finland'].join('\r\n')

test('keeps two saved mappings whose names make the same file name, and replaces only the one saved again', async ({ app, page }) => {
  const file = join(app.dir, '..', 'eurepoc-extract.csv')
  await writeFile(file, SHEET)
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Import a CSV file or dataset')
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.palette-item', { hasText: 'Import a CSV file or dataset' }).click()
  await (await chooser).setFiles(file)

  const mapping = page.getByRole('dialog', { name: 'Map the columns of eurepoc-extract.csv' })
  await expect(mapping.getByLabel('Field for column Incident')).toHaveValue('title')
  await mapping.getByLabel('Field for column When').selectOption({ label: 'Start date' })
  const folder = join(app.dir, 'mappings')

  await mapping.getByLabel('Mapping name').fill('EuRepoC v1')
  await mapping.getByRole('button', { name: 'Save mapping' }).click()
  await expect(page.locator('.toast', { hasText: `Saved the mapping “EuRepoC v1” to ${join(folder, 'eurepoc-v1.json')}` })).toBeVisible()

  // Another mapping, under a name that makes the same file name: its own file, and the toast says the first kept its.
  await mapping.getByLabel('Field for column When').selectOption({ label: 'Ignored' })
  await mapping.getByLabel('Mapping name').fill('eurepoc-v1')
  await mapping.getByRole('button', { name: 'Save mapping' }).click()
  await expect(page.locator('.toast', { hasText: `Saved the mapping “eurepoc-v1” to ${join(folder, 'eurepoc-v1-2.json')} (its own file: “EuRepoC v1” keeps ${join(folder, 'eurepoc-v1.json')})` })).toBeVisible()

  const saved = mapping.getByLabel('Saved mapping')
  await expect(saved.locator('option')).toHaveText(['Use a saved mapping…', 'eurepoc-v1', 'EuRepoC v1'])
  await saved.selectOption('EuRepoC v1')
  await expect(mapping.getByLabel('Field for column When')).toHaveValue('start')
  await saved.selectOption('eurepoc-v1')
  await expect(mapping.getByLabel('Field for column When')).toHaveValue('')

  // Saving under the first name again replaces that mapping, and only that one.
  await mapping.getByLabel('Field for column Target country').selectOption({ label: 'Ignored' })
  await mapping.getByLabel('Mapping name').fill('EuRepoC v1')
  await mapping.getByRole('button', { name: 'Save mapping' }).click()
  await expect(page.locator('.toast', { hasText: `Replaced the saved mapping “EuRepoC v1” in ${join(folder, 'eurepoc-v1.json')}` })).toBeVisible()
  await expect(saved.locator('option')).toHaveText(['Use a saved mapping…', 'eurepoc-v1', 'EuRepoC v1'])
  const first = JSON.parse(await readFile(join(folder, 'eurepoc-v1.json'), 'utf8'))
  const second = JSON.parse(await readFile(join(folder, 'eurepoc-v1-2.json'), 'utf8'))
  expect(first).toMatchObject({ name: 'EuRepoC v1', columns: { Incident: 'title' } })
  expect(first.columns).not.toHaveProperty('Target country')
  expect(second).toMatchObject({ name: 'eurepoc-v1', columns: { Incident: 'title', 'Target country': 'victims' } })
  expect(second.columns).not.toHaveProperty('When')
})
