// Briefings: the sample's Albania briefing exported in every format (checked as files), and the Reports view driven as an analyst would.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { cli, tempWorkspace } from './support/host'
import { distinctColours } from './support/png'

const ALBANIA_TITLES = ['Destructive attack on Albanian government systems', 'Attack on Albania’s TIMS border control system', 'HomeLand Justice leaks of Albanian government data']
const sh = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })

// What the page-side code below touches of the browser (this file is type-checked without the DOM library).
type PageImage = { complete: boolean; naturalWidth: number }

base.describe('the sample Albania briefing, exported by the CLI', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  base.beforeAll(async () => {
    ws = await tempWorkspace()
    out = await mkdtemp(join(tmpdir(), 'watchfloor-briefing-'))
  })
  base.afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })
  const exportAs = (format: string) => {
    const file = join(out, `albania.${format}`)
    const r = cli('report', ws.dir, '--format', format, '--out', file, '--report', 'Albania 2022 briefing')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('TLP:CLEAR, 3 incidents')
    return file
  }

  base('PDF: the marking on every page, each incident under its own heading, and pages that render', async () => {
    const file = exportAs('pdf')
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', file))![1])
    expect(pages).toBeGreaterThanOrEqual(5)
    for (let p = 1; p <= pages; p++) {
      const lines = sh('pdftotext', '-f', String(p), '-l', String(p), '-layout', file, '-').split('\n').map((l) => l.trim()).filter(Boolean)
      expect(lines[0], `header of page ${p}`).toBe('TLP:CLEAR')
      expect(lines.at(-1), `footer of page ${p}`).toMatch(new RegExp(`TLP:CLEAR\\s+Page ${p} of ${pages}$`))
    }
    const all = sh('pdftotext', file, '-')
    for (const t of ['Key judgments', 'Incidents', 'Sources', 'Method', ...ALBANIA_TITLES]) expect(all).toContain(t)
    // Incident pages flow (a forced break left pages holding a few spilled lines): each title is followed on its own page by its date line.
    for (const t of ALBANIA_TITLES) {
      const texts = Array.from({ length: pages }, (_, n) => sh('pdftotext', '-f', String(n + 1), '-l', String(n + 1), '-layout', file, '-').split('\n').map((l) => l.trim()).filter(Boolean))
      const at = texts.find((lines) => lines.some((l) => l === t))
      expect(at, t).toBeDefined()
      expect(at![at!.indexOf(t) + 1], t).toMatch(/^Date\s/)
    }
    sh('pdftoppm', '-r', '40', '-png', file, join(out, 'page'))
    const pngs = readdirSync(out).filter((f) => /^page-\d+\.png$/.test(f))
    expect(pngs).toHaveLength(pages)
    for (const png of pngs) expect(statSync(join(out, png)).size).toBeGreaterThan(2000)
  })

  base('PDF: the situation map and the timeline, drawn by the built renderer in headless Chromium; sections left out where they are off', async ({ page }, testInfo) => {
    // The whole-workspace briefing turns every section on, the figures included.
    const file = join(out, 'all.pdf')
    const r = cli('report', ws.dir, '--format', 'pdf', '--out', file)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^Drew the situation map and the timeline figure in \d+\.\d s\.$/m)
    expect(r.stdout).not.toContain('Left out')
    // pdfimages -list: page num type width height …; the map is 720 CSS px wide at twice the density, the timeline 640 at 2.25 times.
    const images = sh('pdfimages', '-list', file).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/))
    expect(images.map((c) => [c[2], c[3]])).toEqual([['image', '1440'], ['image', '1440']])
    expect(images[0][4]).toBe('1120')
    const text = (p: string) => sh('pdftotext', '-f', p, '-l', p, '-layout', file, '-')
    expect(text(images[0][0])).toContain('Situation map: the 14 incidents in scope by victim country')
    expect(text(images[1][0])).toMatch(/Timeline: the incidents in scope by victim country, 27 Apr 2007 – \d+ \w+ 20\d\d/)
    expect(sh('pdftotext', file, '-')).not.toContain('could not be drawn')
    for (const [n, [p]] of images.entries()) {
      const prefix = testInfo.outputPath(`cli-pdf-figure-${n + 1}`)
      sh('pdftoppm', '-r', '60', '-f', p, '-l', p, '-png', '-singlefile', file, prefix)
      expect(await distinctColours(page, readFileSync(`${prefix}.png`))).toBeGreaterThan(20)
    }
    // The saved Albania briefing has both figures off: no drawing, no image, nothing to say.
    const albania = cli('report', ws.dir, '--format', 'md', '--out', join(out, 'albania-no-figures.md'), '--report', 'Albania 2022 briefing')
    expect(albania.stdout).not.toMatch(/Drew|Left out/)
    expect(readFileSync(join(out, 'albania-no-figures.md'), 'utf8')).not.toContain('data:image')
  })

  base('DOCX: headings and the incident table rows in word/document.xml', () => {
    const xml = sh('unzip', '-p', exportAs('docx'), 'word/document.xml')
    for (const h of ['Key judgments', 'Incidents', 'Sources', 'Method', ...ALBANIA_TITLES]) expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>${h}</w:t>`))
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''))
    expect(rows[0]).toBe('DateIncidentVictimSponsorTypeStatus')
    expect(rows.slice(1, 4).map((r) => ALBANIA_TITLES.find((t) => r.includes(t)))).toEqual(ALBANIA_TITLES)
  })

  base('HTML: self-contained, and Chromium makes no request when it opens it', async ({ page }) => {
    const html = readFileSync(exportAs('html'), 'utf8')
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(?:https?:)?\/\//i)
    expect(html).not.toMatch(/url\(|@import|<link|<script/i)
    // The only hrefs are the sources' addresses, as links the reader may follow, never loaded.
    expect([...html.matchAll(/\bhref\s*=/gi)].length).toBe([...html.matchAll(/<a href="https?:\/\/[^"]+" rel="noreferrer noopener">/g)].length)
    const requests: string[] = []
    await page.route('**/*', (route) => {
      requests.push(route.request().url())
      return route.abort()
    })
    await page.setContent(html, { waitUntil: 'load' })
    await expect(page.locator('h1')).toHaveText('Iran’s destructive cyber attacks on Albania, 2022')
    await expect(page.locator('.marking .tlp')).toHaveText(['TLP:CLEAR', 'TLP:CLEAR'])
    expect(requests).toEqual([])
    // Printed by the browser itself (no header or footer templates), every page still carries the marking.
    const printed = join(out, 'html-printed.pdf')
    await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true })
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', printed))![1])
    expect(pages).toBeGreaterThanOrEqual(5)
    for (let p = 1; p <= pages; p++) {
      const lines = sh('pdftotext', '-f', String(p), '-l', String(p), '-layout', printed, '-').split('\n').map((l) => l.trim()).filter(Boolean)
      expect(lines[0], `top of page ${p}`).toBe('TLP:CLEAR')
      const bottom = lines.slice(-2).join(' ')
      expect(bottom, `bottom of page ${p}`).toContain('TLP:CLEAR')
      expect(bottom, `bottom of page ${p}`).toMatch(new RegExp(`Page ${p} of ${pages}$`))
    }
  })

  base('Markdown: every table well formed', () => {
    const lines = readFileSync(exportAs('md'), 'utf8').split('\n')
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length - 1
    const seps = lines.flatMap((l, n) => (/^\| ---( \| ---)* \|$/.test(l) ? [n] : []))
    expect(seps.length).toBeGreaterThanOrEqual(5)
    for (const n of seps) {
      expect(lines[n - 1]).toMatch(/^\| .* \|$/)
      for (let r = n + 1; r < lines.length && lines[r].startsWith('|'); r++) expect(cells(lines[r]), lines[r]).toBe(cells(lines[n - 1]))
    }
    expect(lines.find((l) => l.includes('Attack on Albania’s TIMS border control system') && l.startsWith('|'))).toMatch(/^\| 9 Sep 2022 \| Attack on Albania’s TIMS border control system \| Albania \| Iran \|/)
  })

  base('without --report: the whole workspace; an unknown name is refused with the saved names', () => {
    const r = cli('report', ws.dir, '--format', 'md', '--out', join(out, 'all.md'))
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('14 incidents')
    const bad = cli('report', ws.dir, '--format', 'md', '--out', join(out, 'bad.md'), '--report', 'Nope')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('No saved report named “Nope”. Saved reports: “Albania 2022 briefing”.')
    expect(existsSync(join(out, 'bad.md'))).toBe(false)
  })
})

test.describe('the Reports view', () => {
  test('raises the marking to the content’s highest: an AMBER incident makes the Albania briefing AMBER and CLEAR cannot be chosen', async ({ app }) => {
    const { page } = app
    await app.row('Attack on Albania’s TIMS border control system').click()
    await app.edit()
    await app.field('TLP marking').selectOption('AMBER')
    await app.saveForm()
    await expect(page.locator('.save-state')).toHaveText('Saved')
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
    const marking = page.getByLabel('Marking (TLP 2.0)')
    await expect(marking).toHaveValue('AMBER')
    await expect(marking.locator('option[value="CLEAR"]')).toBeDisabled()
    await expect(marking.locator('option[value="GREEN"]')).toBeDisabled()
    await expect(marking.locator('option[value="RED"]')).toBeEnabled()
    await expect(page.getByText('The content is marked up to AMBER; the briefing cannot be lower')).toBeVisible()
    const preview = page.frameLocator('iframe[title="Briefing preview"]')
    await expect(preview.locator('.marking .tlp')).toHaveText(['TLP:AMBER', 'TLP:AMBER'])
    await page.getByRole('button', { name: 'Export HTML' }).click()
    await expect(page.locator('.report-export-done')).toContainText('TLP:AMBER')
  })

  test('previews the Albania briefing, warns on mixed estimative language, and exports a PDF into the workspace', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
    const preview = page.frameLocator('iframe[title="Briefing preview"]')
    await expect(preview.locator('h1')).toHaveText('Iran’s destructive cyber attacks on Albania, 2022')
    await expect(preview.locator('.section-incident-table tbody tr')).toHaveCount(3)

    const bluf = page.getByLabel('Key judgments (BLUF)')
    await bluf.fill('Further leaks are ')
    await page.getByRole('group', { name: 'Insert a likelihood term' }).getByRole('button', { name: 'very likely', exact: true }).click()
    await expect(bluf).toHaveValue('Further leaks are very likely')
    await bluf.press('End')
    await bluf.pressSequentially(', ')
    await page.getByRole('group', { name: 'Insert a confidence level' }).getByRole('button', { name: 'with high confidence' }).click()
    await expect(page.locator('.report-estimative .report-warnings')).toContainText('“very likely” and “high confidence” are in the same sentence')
    await expect(preview.locator('.section-bluf p')).toHaveText('Further leaks are very likely, with high confidence')

    await page.getByRole('button', { name: 'Export PDF' }).click()
    await expect(page.locator('.report-export-done')).toContainText('TLP:CLEAR, 3 incidents', { timeout: 30_000 })
    const files = readdirSync(join(app.dir, 'exports'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^albania-2022-briefing-\d{8}-\d{6}-\d{3}\.pdf$/)
    expect(sh('pdftotext', join(app.dir, 'exports', files[0]), '-')).toContain('Further leaks are very likely, with high confidence')
  })

  test('pinned notes: a note pinned on the Albania attack appears in the briefing with its links shown by title', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+5')
    await page.getByRole('button', { name: '+ New note' }).click()
    await page.getByLabel('Title', { exact: true }).fill('Why the timing mattered')
    await page.getByLabel('Date', { exact: true }).fill('Jul 2022')
    await page.getByLabel('Attached to incident').selectOption({ label: 'Destructive attack on Albanian government systems' })
    await page.getByLabel(/^Pinned/).check()
    await page.getByRole('textbox', { name: 'Note text' }).click()
    await page.keyboard.type('The wiper hit days before the **summit**; see [[actor-mois]].')
    await expect(page.locator('.notes-save')).toHaveText('Saved')

    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
    const preview = page.frameLocator('iframe[title="Briefing preview"]')
    await expect(preview.locator('.section-pinned-notes')).toHaveCount(0)
    await page.getByRole('checkbox', { name: /^Pinned notes/ }).check()
    await expect(preview.locator('.section-pinned-notes h2')).toHaveText('Analyst notes')
    await expect(preview.locator('.section-pinned-notes h3')).toHaveText('Why the timing mattered (Jul 2022)')
    await expect(preview.locator('.section-pinned-notes p')).toHaveText('The wiper hit days before the summit; see Ministry of Intelligence and Security (MOIS).')

    await page.getByRole('button', { name: 'Export Markdown' }).click()
    await expect(page.locator('.report-export-done')).toContainText('TLP:CLEAR')
    const md = readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith('.md'))!
    expect(readFileSync(join(app.dir, 'exports', md), 'utf8')).toContain('### Why the timing mattered (Jul 2022)')
  })

  test('the situation map: drawn for the Albania briefing, shown in the preview, embedded in the PDF with the marking on every page, inlined in the HTML', async ({ app }, testInfo) => {
    const { page } = app
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
    const preview = page.frameLocator('iframe[title="Briefing preview"]')
    await expect(preview.locator('.section-map')).toHaveCount(0)
    await page.getByRole('checkbox', { name: /^Situation map/ }).check()
    await expect(page.locator('.report-preview .report-warnings')).toContainText('Drawing the situation map…')
    await expect(page.getByRole('button', { name: 'Export PDF' })).toBeDisabled()
    const img = preview.locator('.section-map figure img')
    await expect(img).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/, { timeout: 30_000 })
    await expect(preview.locator('.section-map h2')).toHaveText('Situation map')
    await expect(preview.locator('.section-map figcaption')).toContainText('Situation map: the 3 incidents in scope by victim country')
    await expect(img).toHaveAttribute('alt', /^World map of the 3 incidents in scope.*\(Albania\)/)
    await expect(preview.locator('.page > section')).toHaveClass(['title', 'bluf', 'map', 'incident-table', 'incident-pages', 'sources', 'method'].map((id) => new RegExp(`^section-${id}\\b`)))
    await expect(page.locator('.report-preview .report-warnings')).toHaveCount(0)
    // The image is drawn in the preview: a screenshot of it holds the map's many colours, not a blank box.
    const shot = await img.screenshot()
    writeFileSync(testInfo.outputPath('preview-map.png'), shot)
    expect(await distinctColours(page, shot)).toBeGreaterThan(8)

    await page.getByRole('button', { name: 'Export PDF' }).click()
    await expect(page.locator('.report-export-done')).toContainText('TLP:CLEAR, 3 incidents', { timeout: 30_000 })
    const pdf = join(app.dir, 'exports', readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith('.pdf'))!)
    // pdfimages -list: page num type width height …; the map is 1440 × 1120 pixels (720 × 560 at twice the density).
    const images = sh('pdfimages', '-list', pdf).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/))
    expect(images.map((c) => [c[2], c[3], c[4]])).toContainEqual(['image', '1440', '1120'])
    const mapPage = Number(images.find((c) => c[3] === '1440')![0])
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', pdf))![1])
    for (let p = 1; p <= pages; p++) {
      const lines = sh('pdftotext', '-f', String(p), '-l', String(p), '-layout', pdf, '-').split('\n').map((l) => l.trim()).filter(Boolean)
      expect(lines[0], `header of page ${p}`).toBe('TLP:CLEAR')
      expect(lines.at(-1), `footer of page ${p}`).toMatch(new RegExp(`TLP:CLEAR\\s+Page ${p} of ${pages}$`))
    }
    expect(sh('pdftotext', '-f', String(mapPage), '-l', String(mapPage), pdf, '-')).toContain('Situation map')
    // The printed page, rasterised: the map brings many colours to a page that is otherwise black text on white.
    const prefix = testInfo.outputPath('pdf-map-page')
    sh('pdftoppm', '-r', '60', '-f', String(mapPage), '-l', String(mapPage), '-png', '-singlefile', pdf, prefix)
    expect(await distinctColours(page, readFileSync(`${prefix}.png`))).toBeGreaterThan(20)

    await page.getByRole('button', { name: 'Export HTML' }).click()
    await expect(page.locator('.report-export-done')).toContainText('.html')
    const html = readFileSync(join(app.dir, 'exports', readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith('.html'))!), 'utf8')
    expect(html).toMatch(/<figure><img src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" width="720" height="560" alt="World map/)
    // Nothing is loaded from elsewhere; the only hrefs are the sources' addresses, as links.
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(?:https?:)?\/\//i)
    expect([...html.matchAll(/\bhref\s*=/gi)].length).toBe([...html.matchAll(/<a href="https?:\/\/[^"]+" rel="noreferrer noopener">/g)].length)
    const viewer = await page.context().newPage()
    const requests: string[] = []
    await viewer.route('**/*', (route) => {
      requests.push(route.request().url())
      return route.abort()
    })
    await viewer.setContent(html, { waitUntil: 'load' })
    expect(await viewer.locator('.section-map img').evaluate((el) => [(el as unknown as PageImage).complete, (el as unknown as PageImage).naturalWidth])).toEqual([true, 1440])
    expect(requests).toEqual([])
    await viewer.close()
  })

  test('the timeline figure: drawn for the Albania briefing after the map, in the preview, the PDF and the HTML', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
    const preview = page.frameLocator('iframe[title="Briefing preview"]')
    await page.getByRole('checkbox', { name: /^Timeline figure/ }).check()
    const img = preview.locator('.section-timeline figure img')
    await expect(img).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/, { timeout: 30_000 })
    await expect(preview.locator('.section-timeline h2')).toHaveText('Timeline')
    await expect(img).toHaveAttribute('alt', /^Timeline of the 3 dated incidents in scope from 15 Jul 2022 – 19 Oct 2022, one lane per victim country \(Albania\)/)
    await expect(preview.locator('.section-timeline figcaption')).toContainText('Timeline: the incidents in scope by victim country')
    await page.getByRole('checkbox', { name: /^Situation map/ }).check()
    await expect(preview.locator('.section-map figure img')).toBeVisible({ timeout: 30_000 })
    await expect(preview.locator('.page > section')).toHaveClass(['title', 'bluf', 'map', 'timeline', 'incident-table', 'incident-pages', 'sources', 'method'].map((id) => new RegExp(`^section-${id}\\b`)))
    expect(await distinctColours(page, await img.screenshot())).toBeGreaterThan(8)

    await page.getByRole('button', { name: 'Export PDF' }).click()
    await expect(page.locator('.report-export-done')).toContainText('TLP:CLEAR, 3 incidents', { timeout: 30_000 })
    const pdf = join(app.dir, 'exports', readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith('.pdf'))!)
    const images = sh('pdfimages', '-list', pdf).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/))
    expect(images.map((c) => [c[2], c[3]])).toEqual([['image', '1440'], ['image', '1440']])
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', pdf))![1])
    for (let p = 1; p <= pages; p++) {
      const lines = sh('pdftotext', '-f', String(p), '-l', String(p), '-layout', pdf, '-').split('\n').map((l) => l.trim()).filter(Boolean)
      expect(lines[0], `header of page ${p}`).toBe('TLP:CLEAR')
      expect(lines.at(-1), `footer of page ${p}`).toMatch(new RegExp(`TLP:CLEAR\\s+Page ${p} of ${pages}$`))
    }

    await page.getByRole('button', { name: 'Export HTML' }).click()
    await expect(page.locator('.report-export-done')).toContainText('.html')
    const html = readFileSync(join(app.dir, 'exports', readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith('.html'))!), 'utf8')
    expect(html).toMatch(/<section class="section-timeline"><h2>Timeline<\/h2>\n<figure><img src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" width="640" height="\d+" alt="Timeline of the 3 dated incidents/)
  })

  test('orders sections from the keyboard and leaves out those turned off, in the preview and the saved file', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
    const preview = page.frameLocator('iframe[title="Briefing preview"]')
    const sections = preview.locator('.page > section')
    const inOrder = (ids: string[]) => ids.map((id) => new RegExp(`^section-${id}\\b`))
    await expect(sections).toHaveClass(inOrder(['title', 'bluf', 'incident-table', 'incident-pages', 'sources', 'method']))
    const sources = page.getByRole('checkbox', { name: /^Sources/ })
    await sources.focus()
    await page.keyboard.press('Alt+ArrowUp')
    await expect(sources).toBeFocused()
    // Up past the pinned notes (off in the sample) and the incident pages, then the table.
    await page.keyboard.press('Alt+ArrowUp')
    await page.keyboard.press('Alt+ArrowUp')
    await page.getByRole('checkbox', { name: /^Method appendix/ }).uncheck()
    await expect(sections).toHaveClass(inOrder(['title', 'bluf', 'sources', 'incident-table', 'incident-pages']))
    await page.getByRole('button', { name: 'Save report' }).click()
    await expect(page.locator('.save-state')).toHaveText('Saved')
    const saved = (await app.workspaceFile()) as unknown as { reports: { sections: { id: string; enabled: boolean }[] }[] }
    expect(saved.reports[0].sections.filter((s) => s.enabled).map((s) => s.id)).toEqual(['title', 'bluf', 'sources', 'incident-table', 'incident-pages'])
  })

  test('creates a hand-picked report, keeps the marking at least at the content’s, and deletes it with undo', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+6')
    await page.getByRole('button', { name: '+ New report' }).click()
    await page.getByLabel('Report name').fill('Estonia desk')
    await page.getByLabel('Incidents picked by hand').check()
    await page.getByRole('button', { name: 'Create report' }).click()
    await expect(page.locator('.report-scope .field-error')).toHaveText('Pick at least one incident')
    await page.getByLabel('Search incidents to pick').fill('Estonia')
    await page.getByRole('button', { name: 'Pick all shown' }).click()
    await expect(page.locator('.report-scope-tools')).toContainText('1 picked')
    await page.getByRole('button', { name: 'Create report' }).click()
    await expect(page.locator('.report-row', { hasText: 'Estonia desk' })).toBeVisible()
    await expect(page.locator('.save-state')).toHaveText('Saved')
    await expect(page.getByLabel('Marking (TLP 2.0)').locator('option[value="CLEAR"]')).toBeEnabled()

    await page.getByLabel('Marking (TLP 2.0)').selectOption('AMBER')
    await expect(page.locator('.save-state')).toHaveText('Unsaved changes')
    await page.getByRole('button', { name: 'Save report' }).click()
    await expect(page.frameLocator('iframe[title="Briefing preview"]').locator('.marking.top')).toHaveText('TLP:AMBER')
    // The preview follows the form at once; the file has the change when the form says it is saved.
    await expect(page.locator('.save-state')).toHaveText('Saved')
    expect((await app.workspaceFile() as unknown as { reports: { name: string; tlp: string }[] }).reports.map((r) => [r.name, r.tlp])).toContainEqual(['Estonia desk', 'AMBER'])

    await page.getByRole('button', { name: 'Delete report' }).click()
    await expect(page.locator('.report-row', { hasText: 'Estonia desk' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.locator('.report-row', { hasText: 'Estonia desk' })).toBeVisible()
  })
})
