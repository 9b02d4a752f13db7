// Benchmark of a 50-incident PDF briefing: cold (Chromium started for the export, as the CLI does) and warm (browser kept, as the browser host does).
// The situation map and timeline are the real ones, drawn for the 50 incidents by the built renderer in headless Chromium, as the CLI and the Reports view draw them.
// Run through `npm run bench` after `npm run build`; exits non-zero when the cold median misses the target.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChromiumPdfRenderer } from '../../electron/core/services/report/ChromiumPdfRenderer'
import { drawFiguresInChromium } from '../../electron/core/services/report/ChromiumFigures'
import { exportBriefing } from '../../electron/core/services/report/exportBriefing'
import type { Figure } from '../../shared/report/blocks'
import { defaultReport, resolveBriefing, scopedIncidents } from '../../shared/report/model'
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

/** The situation map and timeline as the CLI draws them: the built renderer's figures page in headless Chromium (timed apart from the exports). */
async function drawFigures(): Promise<{ map: Figure; timeline: Figure }> {
  const rendererDir = join(import.meta.dirname, '../../out/renderer')
  if (!existsSync(join(rendererDir, 'figures.html'))) throw new Error('No build: run `npm run build` first (the map figure is drawn by the built renderer).')
  const { figures, problems } = await drawFiguresInChromium(rendererDir, ['map', 'timeline'], scopedIncidents(data, definition), definition, data.actors)
  if (!figures.map || !figures.timeline) throw new Error(`The figures could not be drawn: ${JSON.stringify(problems)}`)
  return { map: figures.map, timeline: figures.timeline }
}
const figuresStart = performance.now()
const figures = await drawFigures()
const figuresMs = performance.now() - figuresStart
const { map, timeline } = figures

let size = 0
const once = async (pdf: ChromiumPdfRenderer, n: number, withFigures = true) => {
  const start = performance.now()
  const result = await exportBriefing({ data, definition, format: 'pdf', pdf, out: join(dir, `b${n}.pdf`), today: '2026-01-01', figures: withFigures ? figures : {} })
  if (withFigures) size = result.bytes
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
  // The same export without the figures, interleaved, for what they cost under the same load.
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
  const kB = (f: Figure) => `${f.width} × ${f.height} at 1.5×, ${Math.round((f.png.length * 3) / 4 / 1024)} kB of PNG`
  console.log(`PDF briefing of ${INCIDENTS} incidents (${Math.round(size / 1024)} kB; every section, with the figures drawn by the renderer: map ${kB(map)}; timeline ${kB(timeline)}):`)
  console.log(`  cold (launch Chromium + render + write), median of ${cold.length}: ${s(median(cold))}   [${cold.map(s).join(', ')}]`)
  console.log(`  warm (browser already running),        median of ${warm.length}: ${s(median(warm))}   [${warm.map(s).join(', ')}]`)
  console.log(`  warm without the figures, interleaved,   median of ${bare.length}: ${s(median(bare))}   [${bare.map(s).join(', ')}]`)
  console.log(`  drawing both figures in headless Chromium (the CLI's extra step; the app draws them while the analyst edits): ${s(figuresMs)}`)
  console.log(`  of which resolving and writing the HTML (${Math.round(html.length / 1024)} kB): ${htmlMs.toFixed(0)} ms; the rest is Chromium`)
  console.log(`  machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`)
  const ok = median(cold) <= TARGET_S * 1000
  console.log(`  target ≤ ${TARGET_S} s end to end: ${ok ? 'met' : 'MISSED'}`)
  process.exitCode = ok ? 0 : 1
} finally {
  await rm(dir, { recursive: true, force: true })
}
