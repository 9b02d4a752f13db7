// The briefing writers: HTML escapes and references nothing outside itself, Markdown tables stay well formed, DOCX holds headings, rows and the marking.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from '../../../../electron/core/services/report/renderDocx'
import type { Briefing } from '../../../../shared/report/blocks'
import { resolveBriefing } from '../../../../shared/report/model'
import { cssString, pdfTemplates, renderHtml } from '../../../../shared/report/renderHtml'
import { renderMarkdown } from '../../../../shared/report/renderMarkdown'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'

const ws = sampleWorkspace()
const albania = ws.reports[0]
const hostile = '<script>alert(1)</script> "quoted" | piped\nnew line [link](https://evil.example/x.png) ![img](https://evil.example/i.png)'
const hostileWs = { ...ws, incidents: ws.incidents.map((i) => (i.id === 'inc-albania-2022-07' ? { ...i, title: hostile, summary: hostile, tlp: 'AMBER+STRICT' as const } : i)) }
// A 1×1 PNG standing in for a figure, to test how each writer carries images.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const withFigure = (b: Briefing): Briefing => ({
  ...b,
  sections: [...b.sections, { id: 'figure-test', pageBreakBefore: false, blocks: [{ kind: 'figure', figure: { png: PNG_1PX + '"><script>', width: 1, height: 1, alt: 'a <b>dot</b>', caption: 'Figure "1"' } }] }],
})

describe('HTML', () => {
  const html = renderHtml(withFigure(resolveBriefing(hostileWs, albania, { today: '2026-01-05' })))

  it('escapes every piece of user text', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;')
    expect(html).toContain('alt="a &lt;b&gt;dot&lt;/b&gt;"')
  })

  it('makes no external reference: no remote src, url(), import, script or link; the only hrefs are source addresses', () => {
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(?:https?:)?\/\//i)
    const hrefs = [...html.matchAll(/\bhref\s*=/gi)].length
    expect(hrefs).toBeGreaterThan(0)
    expect([...html.matchAll(/<a href="https?:\/\/[^"]+" rel="noreferrer noopener">/g)]).toHaveLength(hrefs)
    expect(html).not.toMatch(/url\(|@import|<link|<script|<iframe|<object/i)
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`)
  })

  it('carries the highest marking at the top and bottom, and in the PDF header and footer', () => {
    expect(html.match(/<span class="tlp"[^>]*>TLP:AMBER\+STRICT<\/span>/g)).toHaveLength(2)
    const t = pdfTemplates(resolveBriefing(hostileWs, albania))
    expect(t.header).toContain('TLP:AMBER+STRICT')
    expect(t.footer).toContain('TLP:AMBER+STRICT')
    expect(t.footer).toContain('class="pageNumber"')
  })
})

describe('HTML export print rules', () => {
  it('put the marking, title and page numbers in the page margin boxes, with the title safely quoted', () => {
    const b = resolveBriefing(hostileWs, albania)
    const standalone = renderHtml(b, { standalone: true })
    expect(standalone).toContain(`@top-center { content: ${cssString('TLP:AMBER+STRICT')};`)
    expect(standalone).toContain('counter(page) " of " counter(pages)')
    expect(renderHtml(b)).not.toContain('@top-center')
    const style = /<style>([\s\S]*)<\/style>/.exec(standalone)![1]
    expect(style).not.toMatch(/<\/|<script/i)
  })

  it('cssString leaves no quote, backslash-free character or angle bracket unescaped', () => {
    expect(cssString('a"b</style>\\')).toBe('"a\\22 b\\3c \\2f style\\3e \\5c "')
    expect(cssString('TLP:RED')).toBe('"TLP\\3a RED"')
  })
})

describe('Markdown', () => {
  const md = renderMarkdown(withFigure(resolveBriefing(hostileWs, albania, { today: '2026-01-05' })))
  const lines = md.split('\n')
  const unescapedPipes = (line: string) => line.replace(/\\\|/g, '').split('|').length - 1

  it('keeps every table well formed: a separator row and the same number of cells on every row', () => {
    let tables = 0
    for (let n = 1; n < lines.length; n++) {
      if (!/^\| (---( \| )?)+ \|$/.test(lines[n]) && !/^\| --- (\| --- )*\|$/.test(lines[n])) continue
      tables++
      const width = unescapedPipes(lines[n - 1])
      expect(unescapedPipes(lines[n])).toBe(width)
      for (let r = n + 1; r < lines.length && lines[r].startsWith('|'); r++) expect(unescapedPipes(lines[r]), lines[r]).toBe(width)
    }
    expect(tables).toBeGreaterThanOrEqual(4)
  })

  it('escapes user text so it cannot make links, images or HTML', () => {
    expect(md).not.toContain('<script>')
    expect(md).not.toMatch(/\[link\]\(/)
    expect(md).toContain('&lt;script&gt;')
  })

  it('starts and ends with the marking', () => {
    expect(lines[0]).toBe('**TLP:AMBER+STRICT**')
    expect(lines.filter(Boolean).at(-1)).toBe('**TLP:AMBER+STRICT**')
  })
})

describe('DOCX', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'watchfloor-docx-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('holds the headings, the incident table rows, an image and the marking in header and footer', async () => {
    const file = join(dir, 'b.docx')
    await writeFile(file, await renderDocx(withFigure(resolveBriefing(ws, albania, { today: '2026-01-05' }))))
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' })
    const text = (s: string) => s.replace(/<[^>]+>/g, '')
    for (const h of ['Key judgments', 'Incidents', 'Sources', 'Method']) expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>${h}</w:t>`))
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => text(m[0]))
    expect(rows.some((r) => r.startsWith('15 Jul 2022Destructive attack on Albanian government systemsAlbania'))).toBe(true)
    expect(rows.some((r) => r.startsWith('9 Sep 2022Attack on Albania’s TIMS border control system'))).toBe(true)
    expect(xml).toContain('<pic:pic')
    const parts = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
    expect(parts).toMatch(/word\/media\/.+\.png/)
    for (const part of parts.split('\n').filter((p) => /^word\/(header|footer)\d*\.xml$/.test(p))) {
      expect(text(execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' }))).toContain('TLP:CLEAR')
    }
  })
})
