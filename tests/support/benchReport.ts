// Benchmark of a 50-incident PDF briefing: cold (Chromium started for the export, as the CLI does) and warm (browser kept, as the browser host does).
// Run through `npm run bench`; exits non-zero when the cold median misses the target.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChromiumPdfRenderer } from '../../electron/services/report/ChromiumPdfRenderer'
import { exportBriefing } from '../../electron/services/report/exportBriefing'
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
let size = 0
const once = async (pdf: ChromiumPdfRenderer, n: number) => {
  const start = performance.now()
  const result = await exportBriefing({ data, definition, format: 'pdf', pdf, out: join(dir, `b${n}.pdf`), today: '2026-01-01' })
  size = result.bytes
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
  const pdf = new ChromiumPdfRenderer()
  try {
    await once(pdf, 10)
    for (let n = 0; n < 5; n++) warm.push(await once(pdf, 11 + n))
  } finally {
    await pdf.close()
  }
  const htmlStart = performance.now()
  const html = renderHtml(resolveBriefing(data, definition, { today: '2026-01-01' }))
  const htmlMs = performance.now() - htmlStart
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`PDF briefing of ${INCIDENTS} incidents (${Math.round(size / 1024)} kB; every section; map and timeline not built yet):`)
  console.log(`  cold (launch Chromium + render + write), median of ${cold.length}: ${s(median(cold))}   [${cold.map(s).join(', ')}]`)
  console.log(`  warm (browser already running),        median of ${warm.length}: ${s(median(warm))}   [${warm.map(s).join(', ')}]`)
  console.log(`  of which resolving and writing the HTML (${Math.round(html.length / 1024)} kB): ${htmlMs.toFixed(0)} ms; the rest is Chromium`)
  console.log(`  machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`)
  const ok = median(cold) <= TARGET_S * 1000
  console.log(`  target ≤ ${TARGET_S} s end to end: ${ok ? 'met' : 'MISSED'}`)
  process.exitCode = ok ? 0 : 1
} finally {
  await rm(dir, { recursive: true, force: true })
}
