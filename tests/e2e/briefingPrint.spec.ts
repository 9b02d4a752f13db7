// The sample Albania briefing with its map and timeline, printed: figures for paper, no page holding a fragment, headings kept with their text (PDF and DOCX).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { cli, tempWorkspace } from './support/host'
import { decodePng } from './support/png'

const sh = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const HEADINGS = ['Key judgments', 'Situation map', 'Timeline', 'Incidents', 'Attributions', 'Responses', 'Impact', 'Sources', 'Method']


test.describe('the Albania briefing with map and timeline, printed', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  test.beforeAll(async () => {
    ws = await tempWorkspace()
    out = await mkdtemp(join(tmpdir(), 'watchfloor-print-'))
    // The analyst turns the situation map and the timeline on in the saved Albania briefing.
    const file = join(ws.dir, 'workspace.json')
    const data = JSON.parse(readFileSync(file, 'utf8')) as { reports: { name: string; date?: string; sections: { id: string; enabled: boolean }[] }[] }
    const report = data.reports.find((r) => r.name === 'Albania 2022 briefing')!
    expect(report.date).toBe('2022-10')
    for (const s of report.sections) if (s.id === 'map' || s.id === 'timeline') s.enabled = true
    writeFileSync(file, JSON.stringify(data))
  })
  test.afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  test('PDF: no page holds a fragment, headings stay with their text, figures are light, keyed and dated by the briefing', async ({ page }, testInfo) => {
    const file = join(out, 'albania.pdf')
    const r = cli('report', ws.dir, '--format', 'pdf', '--out', file, '--report', 'Albania 2022 briefing')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/Drew the situation map and the timeline figure/)
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', file))![1])
    const images = sh('pdfimages', '-list', file).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/))
    expect(images).toHaveLength(2)
    const figurePages = new Set(images.map((c) => Number(c[0])))
    for (let p = 1; p <= pages; p++) {
      // Body lines: the marking at the top and the footer line left out.
      const body = sh('pdftotext', '-f', String(p), '-l', String(p), '-layout', file, '-').split('\n').map((l) => l.trim()).filter(Boolean).slice(1, -1)
      if (p < pages && !figurePages.has(p)) expect(body.length, `lines on page ${p}`).toBeGreaterThanOrEqual(6)
      expect(HEADINGS.includes(body.at(-1) ?? ''), `page ${p} ends on the heading “${body.at(-1)}”`).toBe(false)
    }
    // The figures: on light backgrounds, the timeline with a key, dated by the briefing (October 2022), never by the export.
    sh('pdfimages', '-png', file, join(out, 'figure'))
    const pngs = readdirSync(out).filter((f) => /^figure-\d+\.png$/.test(f)).sort()
    expect(pngs).toHaveLength(2)
    for (const png of pngs) expect((await decodePng(page, readFileSync(join(out, png)))).luminance, png).toBeGreaterThan(0.8)
    const text = sh('pdftotext', '-layout', file, '-')
    expect(text).toContain('Situation map: the 3 incidents in scope by victim country, as of October 2022')
    expect(text).toMatch(/Timeline: the incidents in scope by victim country, 15 Jul 2022 – 19 Oct 2022/)
    const today = new Date()
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    for (const p of figurePages) {
      const figureText = sh('pdftotext', '-f', String(p), '-l', String(p), '-layout', file, '-')
      expect(figureText).not.toContain(today.toISOString().slice(0, 10))
      expect(figureText).not.toContain(`${today.getUTCDate()} ${months[today.getUTCMonth()]} ${today.getUTCFullYear()}`)
    }
    // Every page as an image, kept with the test's output for a person to look at.
    sh('pdftoppm', '-r', '60', '-png', file, testInfo.outputPath('page'))
    expect(readdirSync(testInfo.outputPath()).filter((f) => /^page-\d+\.png$/.test(f))).toHaveLength(pages)
  })

  test('DOCX: headings keep with the next paragraph, table rows never split, a figure keeps with its caption', async () => {
    const file = join(out, 'albania.docx')
    const r = cli('report', ws.dir, '--format', 'docx', '--out', file, '--report', 'Albania 2022 briefing')
    expect(r.status, r.stderr).toBe(0)
    const xml = sh('unzip', '-p', file, 'word/document.xml')
    const headings = xml.match(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[12]"\/>(?:(?!<\/w:p>).)*?<\/w:p>/g) ?? []
    expect(headings.length).toBeGreaterThanOrEqual(10)
    for (const h of headings) expect(h).toContain('<w:keepNext/>')
    const rows = xml.match(/<w:trPr>(?:(?!<\/w:trPr>).)*<\/w:trPr>/g) ?? []
    expect(rows.length).toBeGreaterThan(20)
    for (const row of rows) expect(row).toContain('<w:cantSplit/>')
    const figures = xml.match(/<w:p>(?:(?!<\/w:p>).)*?<w:drawing>/g) ?? []
    expect(figures).toHaveLength(2)
    for (const f of figures) expect(f).toContain('<w:keepNext/>')
  })
})
