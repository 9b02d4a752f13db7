// Archived copies of sources as an analyst uses them: attach a captured page, PDF and image to the Albania case's sources, open each read-only, see a tampered copy flagged.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test, type WatchfloorPage } from './support/fixtures'
import { cli } from './support/host'

const ALBANIA = /Destructive attack on Albanian/
const MICROSOFT = 'Microsoft investigates Iranian attacks against the Albanian government'
const MANDIANT = 'ROADSWEEP ransomware: likely Iranian actor conducts politically motivated disruption against Albanian government organisations'
const AP = 'Albania cuts diplomatic ties with Iran over July cyberattack'
const CISA = 'Iranian state actors conduct cyber operations against the Government of Albania (AA22-264A)'
/** For what waits on the main side's disk work (a durable write, a hash) or on drawing a PDF, on a machine shared with other work. */
const SLOW = { timeout: 60_000 }

// Each test attaches several files, opens them and reopens the workspace: more than the default minute under load.
test.describe.configure({ timeout: 240_000 })

// What the page-side code touches of the browser (the tests are type-checked without the DOM library).
declare const window: { __archivedScriptRan?: boolean }
declare function atob(text: string): string
declare class File {
  constructor(parts: Uint8Array[], name: string, options: { type: string })
}
declare class DataTransfer {
  items: { add(file: File): void }
}
declare const document: {
  title: string
  createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void } | null; toDataURL(type: string): string }
  querySelector(selector: string): { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null } | null
}

/** A server standing in for the page's original site: any request the archived copy made would land here. */
async function outsideSite(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(req.url ?? '')
    res.writeHead(200, { 'Content-Type': 'image/png' }).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }
}

async function openAlbania(app: WatchfloorPage): Promise<void> {
  await app.row(ALBANIA).click()
  await app.edit()
  await expect(app.form().locator('.form-head h2')).toHaveText(ALBANIA)
}

/** The source's entry in the incident's Sources section. */
const sourceItem = (page: Page, title: string) => page.locator('.source-list li', { hasText: title })

async function attach(page: Page, title: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: `Attach copy to ${title}` }).click()
  await (await chooser).setFiles(file)
}

test('an archived web page opens sanitized: its script does not run, nothing is fetched, and a change on disk is flagged', async ({ app, page }) => {
  const site = await outsideSite()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  try {
    const o = site.origin
    // The page carries every way an HTML file can run code or reach the network that it should not.
    const html = `<!doctype html><html><head><title>Microsoft report</title><link rel="stylesheet" href="${o}/style.css"><link rel="preload" href="${o}/preload.png" as="image">
<meta http-equiv="refresh" content="0;url=${o}/refresh"><base href="${o}/">
<style>@import url(${o}/import.css); body { background: url(${o}/body.png) } h1 { color: #123 }</style></head><body>
<h1>Microsoft investigates Iranian attacks against the Albanian government</h1>
<p id="finding">Four Iranian clusters were tied to the intrusion and the destruction.</p>
<img id="tracker" src="${o}/pixel.png" alt="tracking pixel">
<img src="x" onerror="window.top.__archivedScriptRan = true">
<img srcset="${o}/srcset.png 1x"><picture><source srcset="${o}/picture.webp"><img src="${o}/picture.png"></picture>
<svg><image href="${o}/svg.png"></image><script>window.top.__archivedScriptRan = true</script></svg>
<iframe src="${o}/frame"></iframe><object data="${o}/object"></object><embed src="${o}/embed">
<form action="${o}/post"><input type="image" src="${o}/input.png"><button formaction="${o}/button">Go</button></form>
<video poster="${o}/poster.png" src="${o}/video.mp4" autoplay></video><audio src="${o}/audio.mp3" autoplay></audio>
<table background="${o}/table.png"><tr><td>cell</td></tr></table>
<div style="background-image: url(${o}/background.png)">styled</div>
<a id="more" href="${o}/more">Read the full report</a> <a id="js" href="javascript:window.top.__archivedScriptRan = true">run</a>
<script>window.top.__archivedScriptRan = true; window.parent.document.title = 'script ran'; fetch('${o}/beacon')</script>
</body></html>`
    await openAlbania(app)
    const titleBefore = await page.title()
    await attach(page, MICROSOFT, { name: 'microsoft-report.html', mimeType: 'text/html', buffer: Buffer.from(html) })
    await expect(sourceItem(page, MICROSOFT).getByRole('button', { name: `Open copy of ${MICROSOFT}` })).toBeVisible(SLOW)

    // Stored in the workspace folder with its hash.
    const onDisk = JSON.parse(await readFile(join(app.dir, 'workspace.json'), 'utf8')) as { sources: { id: string; archive?: { file: string; mediaType: string; size: number } }[] }
    const copy = onDisk.sources.find((s) => s.id === 'src-microsoft-2022-09-08')!.archive!
    expect(copy).toMatchObject({ file: 'sources/src-microsoft-2022-09-08/microsoft-report.html', mediaType: 'text/html', size: Buffer.byteLength(html) })
    expect(await readFile(join(app.dir, copy.file), 'utf8')).toBe(html)

    await sourceItem(page, MICROSOFT).getByRole('button', { name: `Open copy of ${MICROSOFT}` }).click()
    const viewer = page.getByRole('dialog', { name: `Archived copy: ${MICROSOFT}` })
    await expect(viewer.getByRole('status')).toContainText('Checked: the file matches the SHA-256 recorded when it was captured', SLOW)
    const frame = viewer.frameLocator('iframe.copy-frame')
    await expect(frame.locator('#finding')).toHaveText('Four Iranian clusters were tied to the intrusion and the destruction.', SLOW)
    await expect(frame.locator('#more')).toHaveText('Read the full report')
    // The frame is sandboxed without scripts; the page inside has no script and no outside address left.
    await expect(viewer.locator('iframe.copy-frame')).toHaveAttribute('sandbox', '')
    await expect(frame.locator('script')).toHaveCount(0)
    await expect(frame.locator('#tracker')).not.toHaveAttribute('src', /./)
    await expect(frame.locator('#more')).not.toHaveAttribute('href', /./)
    await expect(frame.locator('[onerror]')).toHaveCount(0)
    await expect(frame.locator('#js')).not.toHaveAttribute('href', /./)
    await expect(frame.locator('iframe, object, embed, form, input, video, audio, svg, link, base, meta[http-equiv="refresh"]')).toHaveCount(0)
    const pointing = ['src', 'srcset', 'href', 'action', 'formaction', 'poster', 'background', 'data', 'style'].map((a) => `[${a}*="${o}"]`).join(', ')
    await expect(frame.locator(pointing)).toHaveCount(0)
    expect((await frame.locator('style').allTextContents()).join('')).not.toContain(o)
    // The page's own harmless styling is kept.
    expect((await frame.locator('style').allTextContents()).join('')).toContain('h1 { color: #123 }')

    expect(await page.evaluate(() => window.__archivedScriptRan)).toBeUndefined()
    expect(await page.title()).toBe(titleBefore)
    expect(requests.filter((u) => u.startsWith(site.origin))).toEqual([])
    expect(site.hits).toEqual([])

    await page.keyboard.press('Escape')
    await expect(viewer).toBeHidden()

    // Someone edits the file on disk: opening it again says so and shows nothing until asked.
    await writeFile(join(app.dir, copy.file), html.replace('Four Iranian clusters', 'No Iranian cluster'))
    await sourceItem(page, MICROSOFT).getByRole('button', { name: `Open copy of ${MICROSOFT}` }).click()
    await expect(viewer.getByRole('alert')).toContainText('This copy has changed since it was captured.', SLOW)
    await expect(viewer.locator('iframe')).toHaveCount(0)
    await viewer.getByRole('button', { name: 'Show the changed file anyway' }).click()
    await expect(viewer.frameLocator('iframe.copy-frame').locator('#finding')).toHaveText('No Iranian cluster were tied to the intrusion and the destruction.', SLOW)
    await viewer.getByRole('button', { name: 'Close' }).click()
    await expect(sourceItem(page, MICROSOFT).locator('.copy-flag')).toHaveText('Copy changed')

    // `watchfloor validate` reports it too, naming the source, and fails.
    const validated = cli('validate', app.dir)
    expect(validated.status).toBe(1)
    expect(validated.stderr).toContain(`1 archived copy does not match its record`)
    expect(validated.stderr).toContain(`The archived copy of source “${MICROSOFT}” (${copy.file}) has changed since it was captured`)

    // Checked again when the workspace is next opened.
    await app.reopen()
    await openAlbania(app)
    await expect(sourceItem(page, MICROSOFT).locator('.copy-flag')).toHaveText('Copy changed', SLOW)
    await expect(sourceItem(page, MICROSOFT).locator('.copy-flag')).toHaveAttribute('title', /has changed since it was captured/)
    expect(site.hits).toEqual([])
  } finally {
    site.server.close()
  }
})

test('a PDF and an image open as they are; a file that is not what it says is refused; a removed copy comes back with Undo', async ({ app, page }) => {
  const printer = await page.context().newPage()
  await printer.setContent('<h1 style="font-size:48px">ROADSWEEP ransomware report</h1><p>Archived for the Albania case.</p>')
  const pdf = await printer.pdf({ format: 'A5' })
  await printer.close()
  const pngDataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 40
    c.height = 20
    const ctx = c.getContext('2d')!
    ctx.fillStyle = '#c01010'
    ctx.fillRect(0, 0, 40, 20)
    return c.toDataURL('image/png')
  })
  const png = Buffer.from(pngDataUrl.split(',')[1], 'base64')

  await openAlbania(app)
  // HTML bytes under a PDF name are refused with the reason, and nothing is stored.
  await attach(page, MANDIANT, { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') })
  await expect(sourceItem(page, MANDIANT).getByRole('alert')).toContainText('report.pdf was not attached: The file is declared as PDF but does not start with the PDF signature', SLOW)
  expect((await app.workspaceBytes()).toString()).not.toContain('"archive"')

  await attach(page, MANDIANT, { name: 'mandiant-roadsweep.pdf', mimeType: 'application/pdf', buffer: pdf })
  await expect(sourceItem(page, MANDIANT).getByRole('button', { name: `Open copy of ${MANDIANT}` })).toBeVisible(SLOW)
  await sourceItem(page, MANDIANT).getByRole('button', { name: `Open copy of ${MANDIANT}` }).click()
  const viewer = page.getByRole('dialog', { name: `Archived copy: ${MANDIANT}` })
  await expect(viewer.locator('.copy-pdf-status')).toHaveText('Page 1 of 1 drawn.', SLOW)
  const page1 = viewer.getByRole('img', { name: `Archived PDF: ${MANDIANT}, page 1 of 1` })
  await expect(page1).toBeVisible()
  // The page is drawn: its canvas holds dark pixels (the heading), not only white.
  const dark = await page.evaluate(() => {
    const c = document.querySelector('canvas.copy-pdf-page')!
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let n = 0
    for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 1] < 100 && data[i + 2] < 100 && data[i + 3] > 0) n++
    return n
  })
  expect(dark).toBeGreaterThan(100)
  // The viewer itself passes axe (no critical or serious violation).
  const axe = await new AxeBuilder({ page }).include('.copy-viewer').analyze()
  expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await viewer.getByRole('button', { name: 'Close' }).click()

  // The image is dropped on the source's control: it is archived there, not taken for an import.
  const files = await page.evaluateHandle(
    ({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], name, { type: 'image/png' }))
      return transfer
    },
    { b64: png.toString('base64'), name: 'ap-photo.png' },
  )
  const dropZone = sourceItem(page, AP).locator('.attach-copy')
  for (const type of ['dragenter', 'dragover', 'drop']) await dropZone.dispatchEvent(type, { dataTransfer: files })
  await expect(sourceItem(page, AP).getByRole('button', { name: `Open copy of ${AP}` })).toBeVisible(SLOW)
  await expect(page.getByRole('dialog', { name: /^Import/ })).toHaveCount(0)
  await sourceItem(page, AP).getByRole('button', { name: `Open copy of ${AP}` }).click()
  const image = page.getByRole('dialog', { name: `Archived copy: ${AP}` }).getByRole('img', { name: `Archived image: ${AP}` })
  await expect(image).toBeVisible(SLOW)
  await expect(image).toHaveJSProperty('naturalWidth', 40)
  await page.keyboard.press('Escape')

  // Markdown is shown as the text it is: markup in it is neither rendered nor run.
  const notes = '# Advisory notes\n\nActors kept access for about 14 months. <script>window.top.__archivedScriptRan = true</script>'
  await attach(page, CISA, { name: 'advisory-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(notes) })
  await expect(sourceItem(page, CISA).getByRole('button', { name: `Open copy of ${CISA}` })).toBeVisible(SLOW)
  await sourceItem(page, CISA).getByRole('button', { name: `Open copy of ${CISA}` }).click()
  const text = page.getByRole('dialog', { name: `Archived copy: ${CISA}` }).getByRole('region', { name: `Archived text: ${CISA}` })
  await expect(text).toHaveText(notes, SLOW)
  expect(await page.evaluate(() => window.__archivedScriptRan)).toBeUndefined()
  await page.keyboard.press('Escape')

  await sourceItem(page, AP).getByRole('button', { name: `Remove copy of ${AP}` }).click()
  await expect(sourceItem(page, AP).getByRole('button', { name: `Attach copy to ${AP}` })).toBeVisible(SLOW)
  await page.locator('.toast', { hasText: `Removed the archived copy of “${AP}”` }).getByRole('button', { name: 'Undo' }).click()
  await expect(sourceItem(page, AP).getByRole('button', { name: `Open copy of ${AP}` })).toBeVisible(SLOW)
  expect(await readFile(join(app.dir, 'sources', 'src-ap-2022-09-07', 'ap-photo.png'))).toEqual(png)

  // The Sources view offers the same copy on the source's own form.
  await page.keyboard.press('Alt+7')
  await page.getByLabel('Search sources').fill('ROADSWEEP')
  await page.locator('.sources-view').getByRole('button', { name: MANDIANT }).click()
  const copyGroup = page.getByRole('form', { name: `Edit source ${MANDIANT}` }).getByRole('group', { name: 'Archived copy' })
  await copyGroup.getByRole('button', { name: `Open copy of ${MANDIANT}` }).click()
  await expect(page.getByRole('dialog', { name: `Archived copy: ${MANDIANT}` }).locator('.copy-pdf-status')).toHaveText('Page 1 of 1 drawn.', SLOW)
  await page.keyboard.press('Escape')
})
