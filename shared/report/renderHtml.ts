// The briefing as one self-contained HTML document (the live preview, the page the PDF is printed from, and the HTML export), plus the PDF's header and footer.
import type { Block, Briefing, Cell } from './blocks'
import { TLP_COLOURS, tlpLabel } from './blocks'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Page margins of the PDF, in millimetres; the header and footer sit in the top and bottom margins. */
export const PDF_MARGINS_MM = { top: 22, right: 16, bottom: 20, left: 16 }

// The exported file may not load anything: no script, no remote image, style or font.
const DOCUMENT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

const CSS = `
@page { size: A4; margin: ${PDF_MARGINS_MM.top}mm ${PDF_MARGINS_MM.right}mm ${PDF_MARGINS_MM.bottom}mm ${PDF_MARGINS_MM.left}mm; }
:root { color-scheme: light; }
html { background: #e9ecef; }
body { margin: 0; font: 10.5pt/1.45 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #111; }
.page { background: #fff; max-width: 178mm; margin: 12px auto; padding: 10mm 12mm; box-shadow: 0 1px 4px #0003; }
.marking { text-align: center; margin: 0 0 6mm; }
.marking.bottom { margin: 8mm 0 0; }
.tlp { display: inline-block; background: #000; font-weight: 700; padding: 1px 8px; letter-spacing: .03em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.title-block { border-bottom: 2px solid #111; padding-bottom: 4mm; margin-bottom: 6mm; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; border-bottom: 1px solid #bbb; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
.title-line { margin: 0; color: #333; }
p { margin: 0 0 3mm; }
p.muted { color: #666; font-style: italic; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; font-size: 9pt; }
caption { text-align: left; font-weight: 700; margin-bottom: 1mm; }
th, td { border: 1px solid #999; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th, td.short { white-space: nowrap; }
td.long-word { overflow-wrap: anywhere; }
th { background: #e8e8e8; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 4mm; margin: 0 0 3mm; font-size: 9.5pt; }
dl.fields dt { font-weight: 700; }
dl.fields dd { margin: 0; }
figure { margin: 0 0 4mm; break-inside: avoid; }
/* A tall figure (a timeline of many lanes) shrinks to fit one printed page, keeping its proportions. */
figure img { max-width: 100%; max-height: 225mm; width: auto; height: auto; border: 1px solid #999; }
figcaption { font-size: 9pt; color: #333; }
/* Pages flow (no forced break would leave a page holding a few spilled lines); headings stay with what follows, paragraphs keep three lines together. */
p, li, dd { orphans: 3; widows: 3; }
h2 + *, h3 + *, caption, figcaption { break-before: avoid; }
.section-incident-pages h2 { margin-top: 10mm; border-bottom: 2px solid #111; }
section.break, h2.break { break-before: page; }
section > h2.break:first-child { margin-top: 0; }
@media print {
  html { background: #fff; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .marking { display: none; }
}
`

/** A CSS string literal: every character but letters, digits and spaces as a hex escape, so user text cannot leave the string or the style element. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`
}

/**
 * Print rules of the HTML export, which a browser may print by itself: the marking in the page
 * margin boxes of every page (Chromium 131+), and the in-document markings kept on paper too for
 * browsers without margin boxes. The PDF gets its marking from the header and footer templates instead.
 */
function standalonePrintCss(briefing: Briefing): string {
  const tlp = cssString(tlpLabel(briefing.tlp))
  // Sized boxes: a margin box otherwise fills the whole margin, turning the label into a black band.
  const label = `content: ${tlp}; width: 36mm; height: 5mm; text-align: center; vertical-align: middle; background: #000; color: ${TLP_COLOURS[briefing.tlp]}; font: 700 8pt sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact;`
  const small = 'font: 8pt sans-serif; color: #444;'
  return `
@page {
  @top-center { ${label} margin-top: 9mm; }
  @bottom-left { content: ${cssString(briefing.title)}; ${small} }
  @bottom-center { ${label} margin-bottom: 8mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${small} }
}
@media print { .marking { display: block; } }
`
}

function tlpSpan(tlp: Briefing['tlp']): string {
  return `<span class="tlp" style="color:${TLP_COLOURS[tlp]}">${escapeHtml(tlpLabel(tlp))}</span>`
}

/** Short cells (dates, grades) never wrap; a long unbroken word (an address) may break anywhere rather than widen the table. */
function td(c: Cell): string {
  const text = typeof c === 'string' ? c : c.text
  const cls = text.length <= 12 ? ' class="short"' : /\S{28,}/.test(text) ? ' class="long-word"' : ''
  // Only a URL field becomes a link, to the target safeHref made (http, https or mailto).
  const content = typeof c === 'string' ? escapeHtml(text) : `<a href="${escapeHtml(c.href)}" rel="noreferrer noopener">${escapeHtml(text)}</a>`
  return `<td${cls}>${content}</td>`
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<header class="title-block"><h1>${escapeHtml(b.title)}</h1>${b.lines.map((l) => `<p class="title-line">${escapeHtml(l)}</p>`).join('')}</header>`
    case 'heading':
      return `<h${b.level}${b.pageBreakBefore ? ' class="break"' : ''}>${escapeHtml(b.text)}</h${b.level}>`
    case 'paragraph':
      return `<p${b.muted ? ' class="muted"' : ''}>${escapeHtml(b.text)}</p>`
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    case 'fields':
      return `<dl class="fields">${b.pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`
    case 'table':
      return (
        `<table>${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ''}` +
        `<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`
      )
    case 'figure': {
      const f = b.figure
      // Only base64 characters reach the data URL, whatever the caller passed.
      const png = f.png.replace(/[^A-Za-z0-9+/=]/g, '')
      return `<figure><img src="data:image/png;base64,${png}" width="${Math.round(f.width)}" height="${Math.round(f.height)}" alt="${escapeHtml(f.alt)}"><figcaption>${escapeHtml(f.caption)}</figcaption></figure>`
    }
  }
}

export interface HtmlOptions {
  /** The HTML export: adds print rules that mark every page when a browser prints the file itself. */
  standalone?: boolean
}

/** The whole briefing as an HTML document with no external reference; all user text is escaped. */
export function renderHtml(briefing: Briefing, options: HtmlOptions = {}): string {
  const body = briefing.sections
    .map((s) => `<section class="section-${escapeHtml(s.id)}${s.pageBreakBefore ? ' break' : ''}">${s.blocks.map(block).join('\n')}</section>`)
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">
<meta name="tlp" content="${escapeHtml(briefing.tlp)}">
<title>${escapeHtml(tlpLabel(briefing.tlp))} ${escapeHtml(briefing.title)}</title>
<style>${CSS}${options.standalone ? standalonePrintCss(briefing) : ''}</style>
</head>
<body>
<main class="page">
<div class="marking top">${tlpSpan(briefing.tlp)}</div>
${body}
<div class="marking bottom">${tlpSpan(briefing.tlp)}</div>
</main>
</body>
</html>
`
}

/** Header and footer of every PDF page (Chromium's displayHeaderFooter templates): the marking, and in the footer the title and page numbers. */
export function pdfTemplates(briefing: Briefing): { header: string; footer: string } {
  const font = "font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;font-size:9px;width:100%;"
  const tlp = `<span style="background:#000;color:${TLP_COLOURS[briefing.tlp]};font-weight:700;padding:1px 6px;-webkit-print-color-adjust:exact;">${escapeHtml(tlpLabel(briefing.tlp))}</span>`
  return {
    header: `<div style="${font}text-align:center;">${tlp}</div>`,
    footer:
      `<div style="${font}display:flex;justify-content:space-between;align-items:center;padding:0 ${PDF_MARGINS_MM.left}mm;">` +
      `<span style="color:#444;max-width:45%;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;">${escapeHtml(briefing.title)}</span>${tlp}` +
      `<span style="color:#444;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  }
}
