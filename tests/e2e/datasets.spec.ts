// Importing a spreadsheet as an analyst does: pick the CSV from the palette, map its columns, fix a value without a mapping, preview, import, find the incidents in the table, on the map and on the timeline, then undo; an EuRepoC export needs no mapping.
import AxeBuilder from '@axe-core/playwright'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const SHEET = [
  'Incident,When,Target country,Attacker,Kind',
  'Wiper attack on a Latvian energy ministry,7/15/2023,Latvia,Russian Federation,Data destruction',
  'Espionage against the Finnish parliament,2023-03,FIN,RU,Espionage',
  '"Defaced websites of Lithuanian towns, second wave",March 2023,Lithuania,Russia,Cyber-fun',
].join('\r\n')

async function openPaletteCommand(page: import('@playwright/test').Page, text: string) {
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill(text)
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.palette-item', { hasText: text }).click()
  return chooser
}

test('imports a CSV through the column mapping, fixing one unmapped value, shows it in every view, and undoes it', async ({ app, page }) => {
  const file = join(app.dir, '..', 'desk-sheet.csv')
  await writeFile(file, SHEET)
  await (await openPaletteCommand(page, 'Import a CSV file or dataset')).setFiles(file)

  const mapping = page.getByRole('dialog', { name: 'Map the columns of desk-sheet.csv' })
  await expect(mapping).toContainText('3 rows, 5 columns (utf-8)')
  // Suggested from the headers: Incident → title, Target country → victims.
  await expect(mapping.getByLabel('Field for column Incident')).toHaveValue('title')
  await expect(mapping.getByLabel('Field for column Target country')).toHaveValue('victims')
  await mapping.getByLabel('Field for column When').selectOption({ label: 'Start date' })
  await mapping.getByLabel('Field for column Attacker').selectOption({ label: 'Sponsor countries' })
  await mapping.getByLabel('Field for column Kind').selectOption({ label: 'Types' })

  // The live preview reads the first rows as incidents, dates at their precision.
  const preview = mapping.getByRole('table', { name: 'The first rows as incidents' })
  await expect(preview.getByRole('row').nth(1)).toContainText('Wiper attack on a Latvian energy ministry')
  await expect(preview.getByRole('row').nth(1)).toContainText('15 Jul 2023')
  await expect(preview.getByRole('row').nth(2)).toContainText('Mar 2023')
  await expect(preview.getByRole('row').nth(3)).toContainText('Rejected: Kind: “Cyber-fun” has no mapping for types')

  // Known values are mapped; the one unmapped value is counted and fixed.
  await expect(mapping.getByLabel('Value Data destruction of Kind')).toHaveValue('wiper')
  await expect(mapping.getByText('1 value has no mapping')).toBeVisible()
  await mapping.getByLabel('Value Cyber-fun of Kind').selectOption({ label: 'Defacement' })
  await expect(mapping.getByText('Every value has a mapping.')).toBeVisible()
  await expect(preview.getByRole('row').nth(3)).not.toContainText('Rejected')

  await mapping.getByLabel('Mapping name').fill('Desk sheet')
  await mapping.getByRole('button', { name: 'Save mapping' }).click()
  await expect(page.locator('.toast', { hasText: 'Saved the mapping “Desk sheet”' })).toBeVisible()
  const saved = JSON.parse(await readFile(join(app.dir, 'mappings', 'desk-sheet.json'), 'utf8'))
  expect(saved).toMatchObject({ name: 'Desk sheet', columns: { Incident: 'title', When: 'start', Kind: 'types' }, values: { types: { 'cyber fun': 'defacement' } } })

  await mapping.getByRole('button', { name: 'Preview import' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import desk-sheet.csv' })
  await expect(dialog).toContainText('A CSV file (desk-sheet) with 3 rows. Nothing has been written yet.')
  await expect(dialog.locator('tfoot td[data-outcome="new"]')).toHaveText('3')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
  await expect(mapping).toBeHidden()

  await expect(app.count()).toHaveText('17 incidents')
  await expect(app.row('Wiper attack on a Latvian energy ministry')).toHaveCount(1)
  // The read view and the incident form say where the record came from.
  await app.row('Wiper attack on a Latvian energy ministry').click()
  await expect(page.locator('.read-facts dt', { hasText: 'Provenance' }).locator('+ dd')).toHaveText('desk-sheet, row 2')
  await app.edit()
  await expect(page.locator('#incident-form .provenance')).toHaveText(/^Imported from desk-sheet, row 2, on .+\.$/)
  await expect(page.locator('#incident-form').getByLabel('Zero-day used')).toHaveValue('')
  await page.getByLabel('Victim country').selectOption({ label: 'Latvia' })
  await expect(app.count()).toHaveText('1 of 17 incidents')
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(app.count()).toHaveText('1 of 17 incidents')
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(page.locator('.timeline-items li[data-kind="span"]', { hasText: 'Wiper attack on a Latvian energy ministry' })).toHaveCount(1)
  const onDisk = await app.workspaceFile()
  const lithuania = onDisk.incidents.find((i) => i.title.startsWith('Defaced websites of Lithuanian towns')) as unknown as { start: string; types: string[]; provenance: { dataset: string; row: number } }
  expect(lithuania).toMatchObject({ start: '2023-03', types: ['defacement'], provenance: { dataset: 'desk-sheet', row: 4 } })

  await page.locator('.toast', { hasText: 'Imported desk-sheet.csv' }).getByRole('button', { name: 'Undo import' }).click()
  await expect(page.locator('.toast', { hasText: 'was undone' })).toBeVisible()
  await expect(app.count()).toHaveText('0 of 14 incidents')
  expect((await app.workspaceFile()).incidents.some((i) => i.title.includes('Latvian'))).toBe(false)
})

test('reads an EuRepoC export without a mapping and lists its rejected rows, likely duplicates and values left out', async ({ app, page }) => {
  void app
  const file = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'eurepoc-sample.csv')
  await (await openPaletteCommand(page, 'Import a CSV file or dataset')).setFiles(file)
  const dialog = page.getByRole('dialog', { name: 'Import eurepoc-sample.csv' })
  await expect(dialog).toContainText('An EuRepoC Global Database export with 34 rows. Nothing has been written yet.')
  await expect(dialog.locator('tfoot td[data-outcome="new"]')).toHaveText('19')
  await expect(dialog.locator('tfoot td[data-outcome="duplicate"]')).toHaveText('11')
  await expect(dialog.locator('tfoot td[data-outcome="skipped"]')).toHaveText('4')
  await expect(dialog.getByRole('table', { name: 'Rejected rows' })).toContainText('start_date')
  await expect(dialog).toContainText('likely the same as “Destructive attack on Albanian government systems”')
  await dialog.getByRole('button', { name: 'Save rejected rows as CSV' }).click()
  await expect(page.locator('.toast', { hasText: 'Saved 4 rejected rows to' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
})

test('the mapping dialog has no critical or serious accessibility violation', async ({ app, page }) => {
  test.setTimeout(120_000)
  const file = join(app.dir, '..', 'desk-sheet.csv')
  await writeFile(file, SHEET)
  await (await openPaletteCommand(page, 'Import a CSV file or dataset')).setFiles(file)
  const mapping = page.getByRole('dialog', { name: 'Map the columns of desk-sheet.csv' })
  await mapping.getByLabel('Field for column Kind').selectOption({ label: 'Types' })
  await expect(mapping.getByText('1 value has no mapping')).toBeVisible()
  const result = await new AxeBuilder({ page }).include('.mapping-dialog').analyze()
  expect(result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([])
})
