// Encrypting a workspace as an analyst does: from the palette, then reopening it — the passphrase screen, a wrong passphrase, the right one, the data; exports stay plain; the CLI opens, re-keys and decrypts it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/fixtures'
import { cli, startHost } from './support/host'

const PASSPHRASE = 'amber strict on a laptop'

test('encrypt from the palette, reopen: wrong then right passphrase, and the data is there', async ({ app, page }) => {
  const title = (await app.workspaceFile()).incidents[0].title
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Encrypt workspace')
  await page.locator('.palette-item', { hasText: 'Encrypt workspace…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Encrypt workspace' })
  await expect(dialog).toContainText('Exports stay plain files')
  await dialog.getByLabel('New passphrase', { exact: true }).fill('short')
  await dialog.getByLabel('New passphrase again').fill('short')
  await dialog.getByRole('button', { name: 'Encrypt workspace' }).click()
  await expect(dialog.getByRole('alert')).toContainText('at least 8 characters')
  await dialog.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE)
  await dialog.getByLabel('New passphrase again').fill(PASSPHRASE)
  await dialog.getByLabel('New passphrase again').press('Enter')
  await expect(page.locator('.toast', { hasText: 'The workspace is encrypted' })).toBeVisible({ timeout: 30_000 })
  await expect(dialog).toBeHidden()
  await expect(page.locator('.badge.encrypted')).toHaveText('Encrypted')
  const bytes = await app.workspaceBytes()
  expect(bytes.subarray(0, 7).toString('latin1')).toBe('WFCRYPT')
  expect(bytes.includes(Buffer.from(title))).toBe(false)

  // The export dialog says the export will not be encrypted.
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Export data')
  await page.locator('.palette-item', { hasText: 'Export data as STIX or MISP' }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export data' })
  await expect(exportDialog.getByRole('note')).toHaveText(/This workspace is encrypted, but the export is not/)
  await page.keyboard.press('Escape')
  await expect(exportDialog).toBeHidden()

  // A new host on the folder (as after a restart): the page asks for the passphrase.
  await app.host.stop()
  app.host = await startHost(app.dir)
  await page.goto(app.host.url)
  await expect(page.getByRole('heading', { name: 'This workspace is encrypted' })).toBeVisible()
  const field = page.getByLabel('Passphrase')
  await expect(field).toBeFocused()
  await field.fill('not the passphrase')
  await field.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('The passphrase is wrong. Nothing was read or changed; try again.', { timeout: 30_000 })
  await expect(field).toHaveValue('')
  expect((await app.workspaceBytes()).equals(bytes)).toBe(true)
  await field.fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await app.waitForReady()
  await expect(app.row(title)).toBeVisible()
  await expect(page.locator('.badge.encrypted')).toBeVisible()
})

test('the CLI asks for --passphrase-env, reads with it, re-keys and decrypts', async ({ app, page }) => {
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Encrypt workspace')
  await page.locator('.palette-item', { hasText: 'Encrypt workspace…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Encrypt workspace' })
  await dialog.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE)
  await dialog.getByLabel('New passphrase again').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Encrypt workspace' }).click()
  await expect(page.locator('.badge.encrypted')).toBeVisible({ timeout: 30_000 })
  await app.host.stop()

  process.env.WATCHFLOOR_E2E_OLD = PASSPHRASE
  process.env.WATCHFLOOR_E2E_NEW = 'a different long passphrase'
  const locked = cli('stats', app.dir)
  expect(locked.status).toBe(2)
  expect(locked.stderr).toContain('--passphrase-env')
  const stats = cli('stats', app.dir, '--json', '--passphrase-env', 'WATCHFLOOR_E2E_OLD')
  expect(stats.status).toBe(0)
  expect(JSON.parse(stats.stdout).counts.incidents).toBeGreaterThan(0)

  const rekey = cli('rekey', app.dir, '--passphrase-env', 'WATCHFLOOR_E2E_OLD', '--new-passphrase-env', 'WATCHFLOOR_E2E_NEW')
  expect(rekey.stderr).toBe('')
  expect(rekey.stdout).toContain('Changed the passphrase of')
  expect(cli('validate', app.dir, '--passphrase-env', 'WATCHFLOOR_E2E_OLD').status).toBe(1)
  expect(cli('validate', app.dir, '--passphrase-env', 'WATCHFLOOR_E2E_NEW').status).toBe(0)

  const decrypt = cli('decrypt', app.dir, '--passphrase-env', 'WATCHFLOOR_E2E_NEW')
  expect(decrypt.status).toBe(0)
  expect(JSON.parse(await readFile(join(app.dir, 'workspace.json'), 'utf8')).incidents.length).toBeGreaterThan(0)
  expect(cli('stats', app.dir).status).toBe(0)
})
