// Link-smuggling strings in every text field and URL field: no Markdown, HTML or DOCX export holds a live link to anything but http(s)/mailto, and only URL fields link at all.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from '../../../../electron/core/services/report/renderDocx'
import { safeHref } from '../../../../shared/report/blocks'
import { defaultReport, resolveBriefing } from '../../../../shared/report/model'
import { renderHtml } from '../../../../shared/report/renderHtml'
import { renderMarkdown } from '../../../../shared/report/renderMarkdown'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { Workspace } from '../../../../shared/workspace'

const CORPUS = [
  '<javascript:alert(1)>',
  'https://example.invalid/<javascript:alert(1)>',
  'https://example.invalid/\\<javascript:alert(1)\\>',
  '[click](javascript:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '[ref]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#115;cript:alert(1))',
  '[x](java&#x73;cript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](java\\script:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](%6Aavascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<img src=x onerror=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'www.evil.example',
  'evil.example/path',
  'user@evil.example',
  'mailto:user@evil.example?body=javascript:alert(1)',
  'http://evil.example',
  '\u0000javascript:alert(1)',
  'java\u0000script:alert(1)',
  '\u200bjavascript:alert(1)',
  'javascript\u003aalert(1)',
  'javascript&colon;alert(1)',
  '`code` **bold** _em_ ~~s~~ | pipe | \\| # heading',
  '1. list\n- item\n> quote\n---',
  '<!-- comment --> <![CDATA[x]]> <?php ?>',
  'lone \ud800 surrogate \uffff and \u0001 control',
  '"><script>alert(1)</script>',
  "'onmouseover='alert(1)",
  'HYPERLINK "javascript:alert(1)"',
  '{ HYPERLINK "javascript:alert(1)" }',
]

/** URL fields take the corpus too, plus addresses the schema would accept that carry a second scheme inside. */
const URLS = [
  ...CORPUS,
  'https://example.invalid/<javascript:alert(1)>',
  'https://example.invalid/)[x](javascript:alert(1))',
  'https://example.invalid/"onclick="alert(1)',
  'https://example.invalid/\'><script>alert(1)</script>',
  'https://example.invalid/path?q=<b>&r=`x`',
  'https://example.invalid/a b',
  'https://ex\u0000ample.invalid/',
  'https://example.invalid/a|b|c',
]

/** The sample workspace with the corpus in every text field a briefing prints, and in source addresses. */
function hostileWorkspace(): Workspace {
  const ws = sampleWorkspace()
  const pick = (n: number) => CORPUS[n % CORPUS.length]
  ws.incidents = ws.incidents.map((inc, n) => ({
    ...inc,
    title: `${pick(n)} ${inc.title}`,
    summary: CORPUS.join('\n'),
    attributions: inc.attributions.map((a, m) => ({ ...a, attributor: pick(n + m) })),
    responses: inc.responses.map((r, m) => ({ ...r, description: pick(n + m + 2) })),
  }))
  ws.sources = ws.sources.map((s, n) => ({ ...s, title: pick(n + 3), publisher: pick(n + 4), url: URLS[n % URLS.length] }))
  // More sources than the sample has, so every hostile address is cited by an incident.
  const extra = URLS.map((url, n) => ({ ...ws.sources[0], id: `src-hostile-${n}`, title: pick(n), url }))
  ws.sources.push(...extra)
  ws.incidents[0] = { ...ws.incidents[0], sourceIds: [...ws.incidents[0].sourceIds, ...extra.map((s) => s.id)] }
  ws.actors = ws.actors.map((a, n) => ({ ...a, name: `${pick(n + 5)} ${a.name}` }))
  return ws
}

const ws = hostileWorkspace()
const saved = resolveBriefing(ws, { ...ws.reports[0], title: CORPUS.join(' '), author: CORPUS[1] }, { today: '2026-01-05' })
const whole = resolveBriefing(ws, { ...defaultReport(CORPUS[0]), author: CORPUS[2] }, { today: '2026-01-05' })
/** The only link targets an export may hold: the safe form of each source address. */
const allowed = new Set(URLS.map(safeHref).filter((h): h is string => h !== null))
const SAFE_SCHEME = /^(https?:|mailto:)/i

describe.each([
  ['a saved briefing', saved],
  ['a briefing over the whole workspace, every section', whole],
])('link smuggling through %s', (_name, b) => {
  it('the corpus reaches the briefing', () => {
    const text = JSON.stringify(b.sections)
    expect(text).toContain('javascript:alert(1)')
    expect(text).toContain('https://example.invalid/<javascript:alert(1)>')
  })

  it('Markdown: markdown-it with linkify and HTML on finds no HTML and no link but the source addresses', () => {
    const md = new MarkdownIt({ html: true, linkify: true })
    const out = renderMarkdown(b)
    const hrefs: string[] = []
    const html: string[] = []
    for (const token of md.parse(out, {})) {
      if (token.type === 'html_block') html.push(token.content)
      for (const child of token.children ?? []) {
        if (child.type === 'html_inline') html.push(child.content)
        if (child.type === 'link_open') hrefs.push(String(child.attrGet('href') ?? ''))
        if (child.type === 'image') hrefs.push(String(child.attrGet('src') ?? ''))
      }
    }
    expect(html).toEqual([])
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) {
      if (href.startsWith('data:image/png;base64,')) continue
      expect(href).toMatch(SAFE_SCHEME)
      expect(allowed.has(decodeURI(href)) || allowed.has(href), href).toBe(true)
    }
    // And in the HTML markdown-it makes of it, no element links anywhere else.
    const doc = new JSDOM(md.render(out)).window.document
    for (const a of doc.querySelectorAll('[href], [src], [action], [formaction]')) {
      const target = a.getAttribute('href') ?? a.getAttribute('src') ?? a.getAttribute('action') ?? a.getAttribute('formaction') ?? ''
      expect(target, a.outerHTML).toMatch(SAFE_SCHEME)
    }
    expect(doc.querySelectorAll('script, iframe, object, embed, form, base, meta, svg')).toHaveLength(0)
  })

  it('HTML: a DOM parser finds no script, no event handler and no link but the source addresses', () => {
    const doc = new JSDOM(renderHtml(b, { standalone: true })).window.document
    expect(doc.querySelectorAll('script, iframe, object, embed, form, base, svg, link, meta[http-equiv="refresh"]')).toHaveLength(0)
    const links = [...doc.querySelectorAll('[href]')]
    expect(links.length).toBeGreaterThan(0)
    for (const el of links) {
      expect(el.tagName).toBe('A')
      expect(allowed.has(el.getAttribute('href')!), el.outerHTML).toBe(true)
    }
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false)
        if (attr.name === 'src') expect(attr.value).toMatch(/^data:image\/png;base64,/)
        if (['action', 'formaction', 'xlink:href', 'srcset', 'background', 'poster'].includes(attr.name)) throw new Error(`${el.tagName} has ${attr.name}`)
      }
    }
  })

  describe('DOCX', () => {
    let dir: string
    let file: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'watchfloor-smuggle-'))
      file = join(dir, 'b.docx')
      await writeFile(file, await renderDocx(b))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const parts = () => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))
    // unzip reads its name arguments as patterns: `[Content_Types].xml` needs its brackets escaped.
    const part = (name: string) => execFileSync('unzip', ['-p', file, name.replace(/[[\]*?]/g, '\\$&')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const parseXml = (text: string) => new new JSDOM('').window.DOMParser().parseFromString(text, 'application/xml')

    it('every part is well-formed XML', () => {
      for (const name of parts()) expect(parseXml(part(name)).querySelector('parsererror'), name).toBeNull()
    })

    it('the relationships hold no external target but the source addresses, and no field code makes a link', () => {
      const targets: string[] = []
      for (const name of parts().filter((p) => p.endsWith('.rels'))) {
        for (const rel of parseXml(part(name)).getElementsByTagName('Relationship')) {
          if (rel.getAttribute('TargetMode') === 'External') targets.push(rel.getAttribute('Target') ?? '')
        }
      }
      expect(targets.length).toBeGreaterThan(0)
      for (const t of targets) expect(allowed.has(t), t).toBe(true)
      const body = part('word/document.xml')
      expect(body).not.toMatch(/<w:instrText|<w:fldSimple/)
    })
  })
})
