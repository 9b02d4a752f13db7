// Hostile text in note bodies, incident titles, summaries and tags: nothing executes and nothing is fetched from outside the app.
/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

/** Each payload tries to set window.__xss, open a dialog or fetch from evil.example. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<img src=x onerror=alert(1)>',
  '<svg onload="window.__xss=1">',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x="20" y="20">x</text></a></svg>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '[click](javascript:window.__xss=1)',
  '[click](JaVaScRiPt:window.__xss=1)',
  '[click](<javascript:alert(1)>)',
  '[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](file:///etc/passwd)',
  '![x](javascript:window.__xss=1)',
  '![pixel](http://evil.example/pixel.png)',
  '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj4=)',
  '<a href="javascript:window.__xss=1">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<body onload=window.__xss=1>',
  '<style>body{background:url(http://evil.example/css)}</style>',
  '<div style="background:url(http://evil.example/x)">x</div>',
  '<link rel=stylesheet href=http://evil.example/x.css>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '"><img src=x onerror=window.__xss=1>',
  "'><svg/onload=window.__xss=1>",
  '<scr<script>ipt>window.__xss=1</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '[[x" onmouseover="window.__xss=1]]',
  '[[inc-albania-2022-07|<img src=x onerror=window.__xss=1>]]',
  '[x](http://evil.example/ "t\\" onmouseover=\\"window.__xss=1")',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
  '<input autofocus onfocus=window.__xss=1>',
  '<video><source onerror="window.__xss=1"></video>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="http://evil.example/">',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<marquee onstart=window.__xss=1>x</marquee>',
  '```\n<script>window.__xss=1</script>\n```',
  'javascript:window.__xss=1',
  '<a href="http://evil.example/" ping="http://evil.example/ping">x</a>',
]

/** A call with the page's own session cookie (the page's request context shares its cookies). */
async function call(page: Page, origin: string, channel: string, input: unknown): Promise<{ id: string }> {
  const res = await page.request.post(`${origin}/api/invoke`, { headers: { 'Content-Type': 'application/json' }, data: JSON.stringify({ channel, input }) })
  const body = (await res.json()) as { ok: boolean; value: { id: string }; error?: { message: string } }
  if (!body.ok) throw new Error(`${channel} failed: ${body.error?.message}`)
  return body.value
}

const tag = (p: string) => p.replace(/\s+/g, ' ').slice(0, 60).trim() || 'x'

test(`${PAYLOADS.length} payloads in notes, incident titles, summaries and tags neither run nor fetch`, async ({ app, page }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(30)
  const { origin } = app.host
  const incidentIds: string[] = []
  for (const [n, p] of PAYLOADS.entries()) {
    const incident = await call(page, origin, 'incidents:create', { title: `XSS ${n} ${p}`.slice(0, 300), summary: p, tags: [tag(p)] })
    incidentIds.push(incident.id)
    // A link to no record is refused on save; such payloads are typed into the live preview below instead.
    const body = /\[\[(?!inc-)/.test(p) ? `About [[${incident.id}]]` : `${p}\n\nAbout [[${incident.id}]]\n\n${p}`
    await call(page, origin, 'notes:create', { title: `XSS note ${n} ${p}`.slice(0, 300), body, tags: [tag(p)], incidentId: incident.id })
  }

  const dialogs: string[] = []
  const consoleErrors: string[] = []
  const outside: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  page.on('request', (r) => {
    const url = r.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url)
  })
  // The page keeps its session cookie; a reload picks up the records created above.
  await page.reload()
  await app.waitForReady()

  // Incidents: the table, each form and its backlinks.
  for (const n of [0, 1, 5, 12, 20, 33]) {
    await page.getByLabel('Search incidents').fill(`XSS ${n} `)
    await app.row(new RegExp(`^XSS ${n} `)).click()
    await expect(page.getByRole('region', { name: 'Notes that mention this record' }).getByRole('button', { name: new RegExp(`XSS note ${n} `) })).toBeVisible()
  }

  // Notes: every one opened, its text in the editor and rendered in the preview.
  await page.keyboard.press('Alt+5')
  for (let n = 0; n < PAYLOADS.length; n++) {
    await page.locator('.notes-row', { hasText: new RegExp(`XSS note ${n} `) }).first().click()
    await expect(page.locator('.notes-preview a.wikilink', { hasText: new RegExp(`^XSS ${n} `) })).toHaveCount(1)
  }
  await page.getByRole('group', { name: 'Filter notes by tag' }).getByRole('button').nth(3).click()
  await page.getByRole('group', { name: 'Filter notes by tag' }).getByRole('button', { name: 'All' }).click()

  // Typed, unsaved text is rendered too: the preview follows the editor.
  await page.locator('.notes-row', { hasText: /XSS note 1 / }).first().click()
  await page.getByRole('textbox', { name: 'Note text' }).click()
  for (const p of PAYLOADS.filter((x) => x.startsWith('[['))) {
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText(`\n\n${p}`)
  }
  await expect(page.locator('.notes-preview .wikilink.missing')).toHaveText(['x" onmouseover="window.__xss=1'])
  await expect(page.getByRole('list', { name: 'Broken links' }).locator('code')).toContainText(['[[x" onmouseover="window.__xss=1]]'])

  // The palette lists the hostile titles as search hits.
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('xss onerror')
  await expect(page.getByRole('dialog', { name: 'Search and commands' }).getByRole('option', { name: /^XSS/ }).first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Search and commands' })).toBeHidden()
  // Two painted frames after the palette closed: anything a payload scheduled on render has had its turn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(consoleErrors).toEqual([])
  expect(outside).toEqual([])
  const unsafe = await page.evaluate(() => {
    const found: string[] = []
    // The page's own head (icon, CSP meta, bundle) is not user content; everything drawn lives in #root.
    for (const el of Array.from(document.querySelectorAll("#root *"))) {
      // CodeMirror's own cursor buffers are source-less <img class="cm-widgetBuffer">.
      const cmBuffer = el.tagName === 'IMG' && el.classList.contains('cm-widgetBuffer') && !el.hasAttribute('src')
      if (!cmBuffer && ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'BASE', 'META', 'LINK', 'IMG', 'SVG', 'FORM'].includes(el.tagName.toUpperCase())) found.push(el.outerHTML.slice(0, 120))
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`)
        if (/^(href|src|action|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) found.push(`${el.tagName} ${a.name}=${a.value}`)
      }
    }
    return found
  })
  expect(unsafe).toEqual([])
  // The hostile text is shown as text, not dropped.
  await page.locator('.notes-row', { hasText: /XSS note 0 / }).first().click()
  await expect(page.locator('.notes-preview')).toContainText('<script>window.__xss=1</script>')
})
