// Importing a STIX bundle as an analyst does: pick the file from the palette, read the preview, import, find the incident in the table, on the map and on the timeline, then undo; exporting the filter as STIX.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const T = '2026-03-01T00:00:00.000Z'
const PROPS = 'extension-definition--b3f1d9a2-6c4e-5a7b-8d2f-1e3c5a7b9d0f'
const incident = {
  type: 'incident',
  spec_version: '2.1',
  id: 'incident--6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  created: T,
  modified: T,
  name: 'Wiper attack on a Lithuanian port authority',
  description: 'Destructive malware on the port authority’s systems.',
  extensions: { [PROPS]: { extension_type: 'property-extension', start: '2023-03-14', victims: [{ country: 'LT', sector: 'Transport' }], sponsor_countries: ['RU'], nexus: 'state-linked', types: ['wiper'] } },
}
const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--7c2f3d4e-5a6b-4c7d-9e8f-0a1b2c3d4e5f', created: T, modified: T, pattern: '[ipv4-addr:value = 198.51.100.7]', pattern_type: 'stix', valid_from: T }

test('imports a bundle through the preview, shows it in every view, and undoes it', async ({ app, page }) => {
  const file = join(app.dir, '..', 'port-authority.json')
  await writeFile(file, JSON.stringify({ type: 'bundle', id: 'bundle--8d3a4e5f-6b7c-4d8e-af90-1b2c3d4e5f60', objects: [incident, indicator] }))

  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Import a STIX')
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.palette-item', { hasText: 'Import a STIX or MISP file' }).click()
  await (await chooser).setFiles(file)

  const dialog = page.getByRole('dialog', { name: 'Import port-authority.json' })
  await expect(dialog).toContainText('A STIX 2.1 bundle with 2 objects. Nothing has been written yet.')
  await expect(dialog.locator('tfoot td[data-outcome="new"]')).toHaveText('1')
  await expect(dialog.locator('tfoot td[data-outcome="kept"]')).toHaveText('1')
  await expect(dialog.getByRole('row', { name: /^indicator/ })).toContainText('1')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()

  await expect(app.count()).toHaveText('15 incidents')
  await expect(app.row(/Lithuanian port authority/)).toHaveCount(1)
  await page.getByLabel('Victim country').selectOption({ label: 'Lithuania' })
  await expect(app.count()).toHaveText('1 of 15 incidents')
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(app.count()).toHaveText('1 of 15 incidents')
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(page.locator('.timeline-items li[data-kind="span"]', { hasText: 'Lithuanian port authority' })).toHaveCount(1)

  await page.locator('.toast', { hasText: 'Imported port-authority.json' }).getByRole('button', { name: 'Undo import' }).click()
  await expect(page.locator('.toast', { hasText: 'was undone' })).toBeVisible()
  await expect(app.count()).toHaveText('0 of 14 incidents')
  const onDisk = await app.workspaceFile()
  expect(onDisk.incidents.some((i) => i.title.includes('Lithuanian'))).toBe(false)
})

test('exports the incidents under the filter as a STIX bundle into the exports folder', async ({ app, page }) => {
  void app
  await page.getByLabel('Victim country').selectOption({ label: 'Albania' })
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Export data')
  await page.locator('.palette-item', { hasText: 'Export data as STIX or MISP' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export data' })
  // Focus stays in the dialog while it is open, and Escape closes it.
  await expect(dialog.getByLabel('Format')).toBeFocused()
  for (let n = 0; n < 8; n++) await page.keyboard.press('Tab')
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Export data')
  await page.locator('.palette-item', { hasText: 'Export data as STIX or MISP' }).click()
  await dialog.getByLabel(/The incidents under the current filter/).check()
  await dialog.getByRole('button', { name: 'Export' }).click()
  const toast = page.locator('.toast', { hasText: 'Exported' })
  await expect(toast).toContainText(/STIX objects to .*exports.*\.stix\.json/)
  const path = /to (\S+\.stix\.json)/.exec((await toast.textContent()) ?? '')![1]
  const bundle = JSON.parse(await readFile(path, 'utf8')) as { objects: { type: string; name?: string }[] }
  expect(bundle.objects.filter((o) => o.type === 'incident').map((o) => o.name).sort()).toEqual([
    'Attack on Albania’s TIMS border control system',
    'Destructive attack on Albanian government systems',
    'HomeLand Justice leaks of Albanian government data',
  ])
})
