// Team sync from the Sharing view and the CLI against the real TAXII 2.1 server: connect, test, push, pull through the import preview; the password never reaches the page nor the workspace folder.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { cli } from './support/host'
import { plainGetAll, plainPost, READ_ONLY_COLLECTION, RW_COLLECTION, startTaxiiServer, TAXII_PASSWORD, TAXII_USER, type TaxiiServer } from '../support/taxiiServer'
import { filesUnder } from '../support/folder'

let server: TaxiiServer
let configDir: string
const configBefore = process.env.WATCHFLOOR_CONFIG_DIR

test.beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'watchfloor-e2e-config-'))
  // The browser host and the CLI inherit it: their secret file lands here, not in the user's config folder.
  process.env.WATCHFLOOR_CONFIG_DIR = configDir
  process.env.WF_TAXII_PASSWORD = TAXII_PASSWORD
  server = await startTaxiiServer()
})

test.afterAll(async () => {
  await server?.stop()
  delete process.env.WF_TAXII_PASSWORD
  // Later spec files in this worker get the config folder they had.
  if (configBefore === undefined) delete process.env.WATCHFLOOR_CONFIG_DIR
  else process.env.WATCHFLOOR_CONFIG_DIR = configBefore
  await rm(configDir, { recursive: true, force: true })
})


const T = '2026-03-01T10:00:00.000Z'
const theirIncident = { type: 'incident', spec_version: '2.1', id: 'incident--5e0c7a9b-1111-4222-8333-444455556666', created: T, modified: T, name: 'Partner case: ferry operator wiper', description: 'Shared by the partner desk.', x_partner_case: 'PX-21' }

test('connects, tests, pushes and pulls from the Sharing view', async ({ app, page }) => {
  const answers: string[] = []
  page.on('response', (r) => void r.text().then((t) => answers.push(t), () => undefined))

  await page.getByRole('tab', { name: 'Sharing' }).click()
  await expect(page.getByRole('heading', { name: 'No TAXII servers yet' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Connection settings' })
  await form.getByLabel('Name', { exact: true }).fill('Team server')
  await form.getByLabel('Discovery address', { exact: true }).fill(server.url)
  await form.getByLabel('User name', { exact: true }).fill(TAXII_USER)
  await form.getByLabel('Password', { exact: true }).fill('wrong-password')
  await form.getByRole('button', { name: 'Save connection' }).click()
  await expect(page.getByRole('list', { name: 'Saved connections' })).toContainText('saved credentials: yes')
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('')

  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByRole('alert')).toContainText('refused the credentials (401)')

  await form.getByLabel('Password', { exact: true }).fill(TAXII_PASSWORD)
  await form.getByRole('button', { name: 'Save connection' }).click()
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('')
  await page.getByRole('button', { name: 'Test connection' }).click()
  const collections = page.getByRole('table', { name: 'Collections on the server' })
  const rights = (title: string) => collections.getByRole('row', { name: new RegExp(title) }).getByRole('cell').first()
  await expect(rights('Watchfloor incidents')).toHaveText('read and write')
  await expect(rights('Partner feed')).toHaveText('read')
  await expect(rights('Drop box')).toHaveText('write')

  await collections.getByRole('radio', { name: 'Partner feed' }).check()
  await expect(page.getByRole('button', { name: 'Push' })).toBeDisabled()
  await collections.getByRole('radio', { name: 'Watchfloor incidents' }).check()
  await page.getByRole('button', { name: 'Push' }).click()
  const status = page.locator('.sharing-status')
  await expect(status).toHaveText(/Pushed to “Watchfloor incidents”: \d+ sent, 0 refused, 0 unchanged since the last push\./, { timeout: 30_000 })
  const sent = Number(/(\d+) sent/.exec((await status.textContent())!)![1])
  expect((await plainGetAll(server, RW_COLLECTION)).length).toBe(sent)

  await page.getByRole('button', { name: 'Push' }).click()
  await expect(status).toHaveText(`Pushed to “Watchfloor incidents”: 0 sent, 0 refused, ${sent} unchanged since the last push.`)

  await plainPost(server, RW_COLLECTION, [theirIncident])
  await page.getByRole('button', { name: 'Pull' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import Watchfloor incidents (TAXII)' })
  await expect(dialog).toContainText(`New on the server: ${sent + 1} objects. Nothing has been written yet.`)
  // The partner's incident is new; the workspace's own, read back, are not.
  await expect(dialog.getByRole('row', { name: /^incident/ }).getByRole('cell').first()).toHaveText('1')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('tab', { name: 'Incidents' }).click()
  await expect(app.row(/Partner case: ferry operator wiper/)).toHaveCount(1)

  await page.getByRole('tab', { name: 'Sharing' }).click()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await page.getByRole('table', { name: 'Collections on the server' }).getByRole('radio', { name: 'Watchfloor incidents' }).check()
  await page.getByRole('button', { name: 'Pull' }).click()
  await expect(page.locator('.sharing-status')).toHaveText('Nothing new in “Watchfloor incidents” since the last pull.')

  // Removing the connection offers Undo, which brings it back with its saved password.
  await page.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('heading', { name: 'No TAXII servers yet' })).toBeVisible()
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Saved connections' })).toContainText('Team server')
  await expect(page.getByRole('list', { name: 'Saved connections' })).toContainText('saved credentials: yes')

  // Neither the page nor the workspace folder ever held the password.
  expect(answers.join('\n')).not.toContain(TAXII_PASSWORD)
  for (const file of await filesUnder(app.dir)) expect(await readFile(file, 'utf8'), file).not.toContain(TAXII_PASSWORD)
  expect(await readFile(join(configDir, 'secrets.json'), 'utf8')).toContain(TAXII_PASSWORD)
})

test('the CLI tests, pushes (dry run first) and pulls, with the password from an environment variable', async ({ app }) => {
  const auth = ['--server', server.url, '--user', TAXII_USER, '--password-env', 'WF_TAXII_PASSWORD']
  const listed = cli('taxii', app.dir, 'collections', ...auth)
  expect(listed.stderr).toBe('')
  expect(listed.stdout).toContain(`${RW_COLLECTION}  Watchfloor incidents  [read, write]`)
  expect(listed.stdout).toContain(`${READ_ONLY_COLLECTION}  Partner feed  [read]`)

  const dry = cli('taxii', app.dir, 'push', ...auth, '--collection', RW_COLLECTION, '--filter', 'victim=AL', '--dry-run')
  expect(dry.stdout).toMatch(/^Would send (\d+) of \1 objects to “Watchfloor incidents” in 1 page \(0 unchanged since the last push\)\. Nothing was sent\./)
  // A push records what it sent in the workspace's sharing file: not while the app holds the workspace.
  const held = cli('taxii', app.dir, 'push', ...auth, '--collection', RW_COLLECTION, '--filter', 'victim=AL')
  expect(held.status).toBe(2)
  expect(held.stderr).toContain('This workspace is open in another Watchfloor process')
  await app.host.stop()
  const pushed = cli('taxii', app.dir, 'push', ...auth, '--collection', RW_COLLECTION, '--filter', 'victim=AL', '--json')
  expect(pushed.status).toBe(0)
  const result = JSON.parse(pushed.stdout) as { succeeded: number; alreadyThere: number; failures: unknown[] }
  expect(result.failures).toEqual([])
  expect(result.succeeded + result.alreadyThere).toBe(Number(/Would send (\d+)/.exec(dry.stdout)![1]))

  const refused = cli('taxii', app.dir, 'push', ...auth, '--collection', READ_ONLY_COLLECTION)
  expect(refused.status).toBe(2)
  expect(refused.stderr).toContain('“Partner feed” is read only for this account')

  const wrong = cli('taxii', app.dir, 'test', '--server', server.url, '--user', TAXII_USER, '--password-env', 'NO_SUCH_VARIABLE_HERE')
  expect(wrong.stderr).toContain('The environment variable NO_SUCH_VARIABLE_HERE is empty or not set.')

  await plainPost(server, RW_COLLECTION, [{ ...theirIncident, id: 'incident--5e0c7a9b-1111-4222-8333-777788889999', name: 'Partner case: rail signalling outage' }])
  const before = await app.workspaceBytes()
  const preview = cli('taxii', app.dir, 'pull', ...auth, '--collection', RW_COLLECTION, '--dry-run', '--json')
  const planned = JSON.parse(preview.stdout) as { fetched: number; total: number; totals: Record<string, number> }
  expect(planned.fetched).toBe(planned.total)
  expect(planned.totals.new).toBeGreaterThanOrEqual(1)
  expect(Object.values(planned.totals).reduce((a, b) => a + b, 0)).toBe(planned.total)
  expect(await app.workspaceBytes()).toEqual(before)

  const pulled = cli('taxii', app.dir, 'pull', ...auth, '--collection', RW_COLLECTION)
  expect(pulled.status).toBe(0)
  expect(pulled.stdout).toContain(`“Watchfloor incidents”: ${planned.total} new objects`)
  expect(pulled.stdout).toMatch(/Imported into .*\(a backup was taken first\)\./)
  expect((await app.workspaceFile()).incidents.map((i) => i.title)).toContain('Partner case: rail signalling outage')
  expect(cli('taxii', app.dir, 'pull', ...auth, '--collection', RW_COLLECTION).stdout).toContain('Nothing new in “Watchfloor incidents” since the last pull.')
  for (const file of await filesUnder(app.dir)) expect(await readFile(file, 'utf8'), file).not.toContain(TAXII_PASSWORD)
})
