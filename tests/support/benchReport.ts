// Benchmark of a 50-incident PDF briefing: cold (Chromium started for the export, as the CLI does) and warm (browser kept, as the browser host does).
// The situation map is the real one: drawn by the built app (browser host in Chromium) for the 50 incidents, as the Reports view sends it with an export.
// Run through `npm run bench` after `npm run build`; exits non-zero when the cold median misses the target.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { ChromiumPdfRenderer } from '../../electron/services/report/ChromiumPdfRenderer'
import { exportBriefing } from '../../electron/services/report/exportBriefing'
import { WorkspaceStore } from '../../electron/store/WorkspaceStore'
import { CHROMIUM_ARGS } from '../../playwright.config'
import type { Figure } from '../../shared/report/blocks'
import { startHost } from '../e2e/support/host'
import { defaultReport, resolveBriefing } from '../../shared/report/model'
import { renderHtml } from '../../shared/report/renderHtml'
import { cpus, loadavg } from 'node:os'
import { generateWorkspace } from './generate'

/** Seconds a 50-incident PDF export may take, end to end. */
const TARGET_S = 3
const INCIDENTS = 50

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

const dir = await mkdtemp(join(tmpdir(), 'watchfloor-bench-report-'))
const data = generateWorkspace(INCIDENTS)
const definition = defaultReport(data.name)

/** The situation map the app draws for a new report over the whole workspace (its preview shows the figure it will export). */
async function mapFromApp(): Promise<Figure> {
  if (!existsSync(join(import.meta.dirname, '../../out/main/browserHost.js'))) throw new Error('No build: run `npm run build` first (the map figure is drawn by the built app).')
  const wsDir = join(dir, 'ws')
  await (await WorkspaceStore.open(wsDir, { create: { data } })).close()
  const host = await startHost(wsDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(host.url)
    await page.locator('.app-head .brand').waitFor()
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: '+ New report' }).click()
    const frame = page.frameLocator('iframe[title="Briefing preview"]')
    const img = frame.locator('.section-map figure img')
    await img.waitFor({ timeout: 60_000 })
    const [src, width, height, alt, caption] = await Promise.all([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('alt'), frame.locator('.section-map figcaption').textContent()])
    return { png: src!.replace(/^data:image\/png;base64,/, ''), width: Number(width), height: Number(height), alt: alt ?? '', caption: caption ?? '' }
  } finally {
    await browser.close()
    await host.stop()
  }
}
const map = await mapFromApp()
const figures = { map }

let size = 0
const once = async (pdf: ChromiumPdfRenderer, n: number, withMap = true) => {
  const start = performance.now()
  const result = await exportBriefing({ data, definition, format: 'pdf', pdf, out: join(dir, `b${n}.pdf`), today: '2026-01-01', figures: withMap ? figures : {} })
  if (withMap) size = result.bytes
  return performance.now() - start
}
try {
  const cold: number[] = []
  for (let n = 0; n < 3; n++) {
    const pdf = new ChromiumPdfRenderer()
    try {
      cold.push(await once(pdf, n))
    } finally {
      await pdf.close()
    }
  }
  const warm: number[] = []
  // The same export without the map, interleaved, for what the figure costs under the same load.
  const bare: number[] = []
  const pdf = new ChromiumPdfRenderer()
  try {
    await once(pdf, 10)
    for (let n = 0; n < 5; n++) {
      warm.push(await once(pdf, 11 + n))
      bare.push(await once(pdf, 21 + n, false))
    }
  } finally {
    await pdf.close()
  }
  const htmlStart = performance.now()
  const html = renderHtml(resolveBriefing(data, definition, { today: '2026-01-01', figures }))
  const htmlMs = performance.now() - htmlStart
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`PDF briefing of ${INCIDENTS} incidents (${Math.round(size / 1024)} kB; every section, with the situation map the app drew: ${map.width} × ${map.height} at 1.5×, ${Math.round((map.png.length * 3) / 4 / 1024)} kB of PNG):`)
  console.log(`  cold (launch Chromium + render + write), median of ${cold.length}: ${s(median(cold))}   [${cold.map(s).join(', ')}]`)
  console.log(`  warm (browser already running),        median of ${warm.length}: ${s(median(warm))}   [${warm.map(s).join(', ')}]`)
  console.log(`  warm without the map, interleaved,       median of ${bare.length}: ${s(median(bare))}   [${bare.map(s).join(', ')}]`)
  console.log(`  of which resolving and writing the HTML (${Math.round(html.length / 1024)} kB): ${htmlMs.toFixed(0)} ms; the rest is Chromium`)
  console.log(`  machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`)
  const ok = median(cold) <= TARGET_S * 1000
  console.log(`  target ≤ ${TARGET_S} s end to end: ${ok ? 'met' : 'MISSED'}`)
  process.exitCode = ok ? 0 : 1
} finally {
  await rm(dir, { recursive: true, force: true })
}
