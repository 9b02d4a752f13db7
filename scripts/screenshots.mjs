// `npm run screenshots`: builds, serves a fresh sample workspace through the browser host and captures README images.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']

if (spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { stdio: 'inherit' }).status !== 0) process.exit(1)
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-shots-'))
spawnSync(process.execPath, ['out/main/cli.js', 'init', dir, '--sample'], { stdio: 'inherit' })
// Sharing credentials saved during the run go to a throwaway config folder, not the user's.
const configDir = mkdtempSync(join(tmpdir(), 'watchfloor-shots-config-'))
const host = spawn(process.execPath, ['out/main/browserHost.js', '--workspace', dir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, WATCHFLOOR_CONFIG_DIR: configDir } })
const url = await new Promise((resolve, reject) => {
  let out = ''
  host.stdout.on('data', (d) => {
    out += d
    const m = /http:\/\/127\.0\.0\.1:\d+\/session\/[\w-]+/.exec(out)
    if (m) resolve(m[0])
  })
  host.on('exit', (code) => reject(new Error(`browser host exited with ${code}`)))
})

let taxii = null
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
try {
  // The README shows the dark theme, then two views in the light one; dates as en-GB writes them.
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1, colorScheme: 'dark', locale: 'en-GB' })
  await page.addInitScript(() => (window.__watchfloorDebug = true))
  await page.goto(url)
  await page.locator('.table-row').first().waitFor()
  await page.locator('.table-row', { hasText: 'Destructive attack on Albanian' }).click()
  await page.locator('.incident-read .read-chronology').waitFor()
  await page.screenshot({ path: 'docs/incident-read-view.png' })
  await page.locator('.incident-read').getByRole('button', { name: 'Edit', exact: true }).click()
  await page.locator('#incident-form').waitFor()
  await page.screenshot({ path: 'docs/incidents-view.png' })
  await page.getByLabel('Victim country').selectOption({ label: 'Albania' })
  await page.locator('#incident-form').getByRole('group', { name: /^attribution 5/ }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/incidents-filtered.png' })
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await page.getByRole('tab', { name: 'Map' }).click()
  await page.waitForFunction(() => (window.__watchfloorMap?.stats.idleAt ?? 0) > 0)
  await page.evaluate(() => new Promise((done) => { window.__watchfloorMap.map.once('idle', done); window.__watchfloorMap.map.jumpTo({ center: [30, 42], zoom: 3.4 }) }))
  const box = await page.locator('.map-canvas canvas.mapboxgl-canvas').boundingBox()
  const albania = await page.evaluate(() => window.__watchfloorMap.map.project([20.2, 40.1]))
  await page.mouse.move(box.x + albania.x, box.y + albania.y)
  await page.locator('.map-tooltip', { hasText: 'Albania' }).waitFor()
  await page.screenshot({ path: 'docs/map-view.png' })

  await page.getByLabel('Victim country').selectOption('')
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await page.locator('.timeline-canvas[data-unit]').waitFor()
  await page.locator('.filter-date', { hasText: 'From' }).locator('input').fill('Jun 2022')
  await page.locator('.filter-date', { hasText: 'To' }).locator('input').fill('Oct 2022')
  await page.getByRole('button', { name: 'Zoom to filter' }).click()
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await page.locator('.timeline-canvas[data-unit="month"]').waitFor()
  // The accessible item list (which carries each item's position) follows the frame a moment later: wait until it lists the last one drawn.
  await page.waitForFunction(() => document.querySelector('.timeline-items')?.dataset.frame === document.querySelector('.timeline-canvas')?.dataset.frame)
  // At month zoom the busy days of September 2022 are one counted glyph at their dates; its tooltip lists them.
  const mark = page.locator('.timeline-items li[data-lane="Albania"]:is([data-kind="mark"], [data-kind="group"])', { hasText: 'Reduce or break diplomatic relations' })
  const plot = await page.locator('.timeline-canvas').boundingBox()
  await page.mouse.move(plot.x + Number(await mark.getAttribute('data-x')), plot.y + Number(await mark.getAttribute('data-y')))
  await page.getByRole('tooltip').waitFor()
  await page.screenshot({ path: 'docs/timeline-view.png' })

  // The date window sees responses: September 2022 keeps the July attack and says why.
  await page.locator('.filter-date', { hasText: 'From' }).locator('input').fill('Sep 2022')
  await page.locator('.filter-date', { hasText: 'To' }).locator('input').fill('2022-09')
  await page.keyboard.press('Alt+1')
  await page.locator('.table-row .match-why').first().waitFor()
  await page.screenshot({ path: 'docs/incidents-date-window.png' })
  await page.getByRole('button', { name: 'Clear filter' }).click()

  // Notes: one written through the UI, linked to the Albania incident with [[ autocomplete, then the palette.
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: '+ New note' }).click()
  await page.getByLabel('Title', { exact: true }).fill('Why the July wiper was timed for the summit')
  await page.getByLabel('Tags', { exact: true }).fill('albania, timing')
  await page.getByLabel('Date', { exact: true }).fill('2022-07-15')
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.type('## Judgement\n\nThe attack on ')
  await page.keyboard.type('[[Destructive')
  const linkOption = page.locator('.cm-tooltip-autocomplete li', { hasText: 'Destructive attack on Albanian' })
  await linkOption.click()
  await linkOption.waitFor({ state: 'hidden' })
  await page.keyboard.type(' came days before the *Free Iran World Summit* at Manëz (23–24 July).\n\n- ROADSWEEP ransom note names the "DURRES terrorists"\nPersona: ')
  await page.keyboard.type('[[HomeLand')
  await page.locator('.cm-tooltip-autocomplete li', { hasText: /^HomeLand JusticeActor$/ }).click()
  await page.keyboard.type(', see the leak dumps of September.')
  await page.getByLabel('Attached to incident').selectOption({ label: 'Destructive attack on Albanian government systems' })
  await page.locator('.notes-save', { hasText: /^Saved$/ }).waitFor()
  await page.screenshot({ path: 'docs/notes-view.png' })
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('durres')
  await page.locator('.palette-item').nth(1).waitFor()
  await page.screenshot({ path: 'docs/palette.png' })
  await page.keyboard.press('Escape')

  await page.keyboard.press('Alt+6')
  await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
  await page.frameLocator('iframe[title="Briefing preview"]').locator('.section-incident-table').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/reports-view.png' })

  // The Sources view: sorted by how much rests on each source, the Albanian prime minister's statement open with what cites it.
  await page.keyboard.press('Alt+7')
  await page.getByRole('columnheader', { name: 'Cited by' }).getByRole('button').click()
  await page.getByRole('columnheader', { name: 'Cited by' }).getByRole('button').click()
  await page.getByRole('button', { name: /^Statement by Prime Minister Edi Rama/ }).click()
  await page.getByRole('region', { name: 'Records that cite this source' }).waitFor()
  await page.screenshot({ path: 'docs/sources-view.png' })

  // The import preview of a small vendor bundle: a new incident, a likely duplicate, an indicator kept as is, a broken relationship.
  const T = '2026-03-01T00:00:00.000Z'
  const ext = { 'extension-definition--b3f1d9a2-6c4e-5a7b-8d2f-1e3c5a7b9d0f': { extension_type: 'property-extension', start: '2022-07', victims: [{ country: 'AL' }] } }
  const objects = [
    { type: 'incident', spec_version: '2.1', id: 'incident--6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e', created: T, modified: T, name: 'Wiper attack on a Lithuanian port authority' },
    { type: 'incident', spec_version: '2.1', id: 'incident--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', created: T, modified: T, name: 'Destructive attack on Albania government systems', extensions: ext },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--7c2f3d4e-5a6b-4c7d-9e8f-0a1b2c3d4e5f', created: T, modified: T, pattern: '[ipv4-addr:value = 198.51.100.7]', pattern_type: 'stix', valid_from: T },
    { type: 'relationship', spec_version: '2.1', id: 'relationship--2b3c4d5e-6f70-4a8b-9cad-1e2f3a4b5c6d', created: T, modified: T, relationship_type: 'indicates', source_ref: 'indicator--7c2f3d4e-5a6b-4c7d-9e8f-0a1b2c3d4e5f', target_ref: 'incident--99999999-9999-4999-8999-999999999999' },
  ]
  const bundle = join(dir, '..', 'vendor-feed.json')
  writeFileSync(bundle, JSON.stringify({ type: 'bundle', id: 'bundle--8d3a4e5f-6b7c-4d8e-af90-1b2c3d4e5f60', objects }))
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Import a STIX')
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.palette-item', { hasText: 'Import a STIX or MISP file' }).click()
  await (await chooser).setFiles(bundle)
  await page.getByRole('dialog', { name: 'Import vendor-feed.json' }).locator('tfoot').waitFor()
  await page.screenshot({ path: 'docs/import-preview.png' })
  await page.keyboard.press('Escape')
  rmSync(bundle, { force: true })

  // An archived copy of a source: a captured page attached in the incident's Sources section and opened in the read-only viewer.
  const captured = join(dir, '..', 'microsoft-albania.html')
  writeFileSync(
    captured,
    `<!doctype html><html><head><title>Iranian attacks against the Albanian government</title><style>body{font:15px/1.5 Georgia,serif;max-width:680px;margin:24px auto;color:#222}h1{font:600 26px/1.2 system-ui,sans-serif}.meta{color:#666;font:13px system-ui,sans-serif}</style></head><body>
<h1>Investigating Iranian attacks against the Albanian government</h1>
<p class="meta">Threat intelligence blog · 8 September 2022</p>
<p>In July 2022 destructive attacks hit Albanian government systems. Our investigation found that several Iranian clusters worked in sequence: one gained initial access, others kept access and exfiltrated mail, and a further group deployed the ransomware and disk wiper.</p>
<p>The messaging of the attack, its timing and its targets point to a state-sponsored operation in response to the conference of an Iranian opposition group held in Albania.</p>
<img src="https://tracker.example/pixel.gif" alt="">
<script>document.title = 'ran'</script>
</body></html>`,
  )
  await page.keyboard.press('Alt+1')
  await page.locator('.table-row', { hasText: 'Destructive attack on Albanian' }).click()
  await page.locator('.incident-read').getByRole('button', { name: 'Edit', exact: true }).click()
  const copyTitle = 'Microsoft investigates Iranian attacks against the Albanian government'
  const copyChooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: `Attach copy to ${copyTitle}` }).click()
  await (await copyChooser).setFiles(captured)
  await page.getByRole('button', { name: `Open copy of ${copyTitle}` }).click()
  await page.frameLocator('iframe.copy-frame').locator('h1').waitFor()
  await page.screenshot({ path: 'docs/archived-copy.png' })
  await page.keyboard.press('Escape')
  rmSync(captured, { force: true })
  console.log('Wrote docs/archived-copy.png')

  // The column-mapping step of a desk spreadsheet: fields suggested from the headers, one value without a mapping.
  const sheet = join(dir, '..', 'desk-sheet.csv')
  writeFileSync(
    sheet,
    [
      'Incident,When,Target country,Attacker,Kind,Notes',
      'Wiper attack on a Latvian energy ministry,7/15/2023,Latvia,Russian Federation,Data destruction,Reported by CERT.LV',
      'Espionage against the Finnish parliament,2023-03,FIN,RU,Espionage,Mail accounts',
      '"Defaced websites of Lithuanian towns, second wave",March 2023,Lithuania,Russia,Cyber-fun,',
      'Leak of Estonian ministry documents,2023,Estonia,Russia,Doxing,Posted on a forum',
    ].join('\r\n'),
  )
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('Import a CSV')
  const sheetChooser = page.waitForEvent('filechooser')
  await page.locator('.palette-item', { hasText: 'Import a CSV file or dataset' }).click()
  await (await sheetChooser).setFiles(sheet)
  const mapping = page.getByRole('dialog', { name: 'Map the columns of desk-sheet.csv' })
  await mapping.getByLabel('Field for column When').selectOption({ label: 'Start date' })
  await mapping.getByLabel('Field for column Attacker').selectOption({ label: 'Sponsor countries' })
  await mapping.getByLabel('Field for column Kind').selectOption({ label: 'Types' })
  await mapping.getByText('1 value has no mapping').waitFor()
  await page.screenshot({ path: 'docs/csv-mapping.png' })
  await page.keyboard.press('Escape')
  rmSync(sheet, { force: true })

  // Article intake: a follow-up article (written for the tests) reviewed beside its evidence, matched to the sample's Albania case.
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('from an article')
  await page.locator('.palette-item', { hasText: 'New incident from an article' }).click()
  await page.getByLabel('Article text').fill(readFileSync('tests/fixtures/articles/albania-2022-treasury-sanctions.txt', 'utf8'))
  await page.getByRole('button', { name: 'Draft incident' }).click()
  await page.getByRole('dialog', { name: 'Review the draft from pasted text' }).locator('mark.evidence').first().waitFor()
  await page.screenshot({ path: 'docs/intake-review.png' })
  console.log('Wrote docs/intake-review.png')
  await page.keyboard.press('Escape')

  // Sharing: a connection to the test TAXII server (medallion), tested, and the workspace pushed to it.
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address()
      probe.close(() => resolve(free))
    })
  })
  taxii = spawn('bash', ['../shared/taxii-server/run.sh', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
  await new Promise((resolve, reject) => {
    let out = ''
    taxii.stdout.on('data', (d) => ((out += d), /taxii ready/.test(out) && resolve()))
    taxii.on('exit', (code) => reject(new Error(`the TAXII server exited with ${code}`)))
  })
  await page.keyboard.press('Alt+8')
  const form = page.getByRole('form', { name: 'Connection settings' })
  await form.getByLabel('Name', { exact: true }).fill('Team server')
  await form.getByLabel('Discovery address', { exact: true }).fill(`http://127.0.0.1:${port}/taxii2/`)
  await form.getByLabel('User name', { exact: true }).fill('analyst')
  await form.getByLabel('Password', { exact: true }).fill('analyst-pass')
  await form.getByRole('button', { name: 'Save connection' }).click()
  await page.getByText('saved credentials: yes').waitFor()
  // Clear the toasts left by the steps before, so the view is seen whole.
  while ((await page.locator('.toast-close').count()) > 0) await page.locator('.toast-close').first().click()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await page.getByRole('table', { name: 'Collections on the server' }).waitFor()
  await page.getByRole('button', { name: 'Push' }).click()
  await page.locator('.sharing-status', { hasText: 'Pushed to' }).waitFor()
  await page.getByRole('table', { name: 'Collections on the server' }).getByRole('row', { name: /Watchfloor incidents/ }).getByRole('cell').nth(1).filter({ hasNotText: 'never' }).waitFor()
  await page.screenshot({ path: 'docs/sharing-view.png' })

  // The light theme, chosen with the switch in the header.
  await page.getByLabel('Theme').selectOption('light')
  await page.keyboard.press('Alt+1')
  await page.locator('.table-row', { hasText: 'Attack on Albania’s TIMS border control system' }).click()
  await page.screenshot({ path: 'docs/incidents-view-light.png' })
  await page.keyboard.press('Alt+4')
  await page.locator('.timeline-canvas[data-unit]').waitFor()
  await page.screenshot({ path: 'docs/timeline-view-light.png' })
  console.log('Wrote docs/incident-read-view.png, docs/incidents-view.png, docs/incidents-filtered.png, docs/map-view.png, docs/timeline-view.png, docs/incidents-date-window.png, docs/notes-view.png, docs/palette.png, docs/reports-view.png, docs/sources-view.png, docs/import-preview.png, docs/archived-copy.png, docs/csv-mapping.png, docs/sharing-view.png, docs/incidents-view-light.png and docs/timeline-view-light.png')
} finally {
  await browser.close()
  host.kill('SIGTERM')
  if (taxii) process.kill(-taxii.pid, 'SIGTERM')
  rmSync(dir, { recursive: true, force: true })
  rmSync(configDir, { recursive: true, force: true })
}

// The printed Albania briefing with its map and timeline on: the figures page, as the PDF shows it.
const printed = mkdtempSync(join(tmpdir(), 'watchfloor-print-'))
try {
  spawnSync(process.execPath, ['out/main/cli.js', 'init', printed, '--sample'], { stdio: 'inherit' })
  const file = join(printed, 'workspace.json')
  const data = JSON.parse(readFileSync(file, 'utf8'))
  for (const s of data.reports.find((r) => r.name === 'Albania 2022 briefing').sections) if (s.id === 'map' || s.id === 'timeline') s.enabled = true
  writeFileSync(file, JSON.stringify(data))
  const pdf = join(printed, 'albania.pdf')
  if (spawnSync(process.execPath, ['out/main/cli.js', 'report', printed, '--format', 'pdf', '--out', pdf, '--report', 'Albania 2022 briefing'], { stdio: 'inherit' }).status !== 0) process.exit(1)
  spawnSync('pdftoppm', ['-r', '90', '-f', '2', '-l', '2', '-png', '-singlefile', pdf, 'docs/briefing-print'], { stdio: 'inherit' })
  console.log('Wrote docs/briefing-print.png')
} finally {
  rmSync(printed, { recursive: true, force: true })
}
