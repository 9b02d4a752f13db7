// `npm run screenshots`: builds, serves a fresh sample workspace through the browser host and captures README images.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']

if (spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { stdio: 'inherit' }).status !== 0) process.exit(1)
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-shots-'))
spawnSync(process.execPath, ['out/main/cli.js', 'init', dir, '--sample'], { stdio: 'inherit' })
const host = spawn(process.execPath, ['out/main/browserHost.js', '--workspace', dir], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((resolve, reject) => {
  let out = ''
  host.stdout.on('data', (d) => {
    out += d
    const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out)
    if (m) resolve(m[0])
  })
  host.on('exit', (code) => reject(new Error(`browser host exited with ${code}`)))
})

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 })
  await page.goto(url)
  await page.locator('.table-row').first().waitFor()
  await page.locator('.table-row', { hasText: 'Destructive attack on Albanian' }).click()
  await page.screenshot({ path: 'docs/incidents-view.png' })
  await page.getByLabel('Victim country').selectOption({ label: 'Albania' })
  await page.locator('#incident-form').getByRole('group', { name: /^attribution 5/ }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/incidents-filtered.png' })
  await page.getByLabel('Victim country').selectOption('')
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await page.locator('.timeline-canvas[data-unit]').waitFor()
  await page.locator('.filter-date', { hasText: 'From' }).locator('input').fill('Jun 2022')
  await page.locator('.filter-date', { hasText: 'To' }).locator('input').fill('Oct 2022')
  await page.getByRole('button', { name: 'Zoom to filter' }).click()
  await page.getByRole('button', { name: 'Clear filter' }).click()
  const mark = page.locator('.timeline-items li[data-kind="mark"]', { hasText: 'Reduce or break diplomatic relations' })
  const box = await page.locator('.timeline-canvas').boundingBox()
  await page.mouse.move(box.x + Number(await mark.getAttribute('data-x')), box.y + Number(await mark.getAttribute('data-y')))
  await page.getByRole('tooltip').waitFor()
  await page.screenshot({ path: 'docs/timeline-view.png' })
  console.log('Wrote docs/incidents-view.png, docs/incidents-filtered.png and docs/timeline-view.png')
} finally {
  await browser.close()
  host.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
