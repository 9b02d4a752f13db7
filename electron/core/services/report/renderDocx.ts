// The briefing as a Word document (docx): headings, tables and figures from the same blocks, the marking in every page's header and footer.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import type { Block, Briefing, Cell } from '../../../../shared/report/blocks'
import { TLP_COLOURS, tlpLabel } from '../../../../shared/report/blocks'

/** Widest figure on an A4 page with 16 mm margins, in pixels at 96 dpi. */
const MAX_FIGURE_PX = 670
/** Tallest figure that leaves room for its caption on an A4 page, in pixels at 96 dpi (about 225 mm). */
const MAX_FIGURE_HEIGHT_PX = 850

/**
 * User text as XML allows it: characters XML 1.0 forbids (most control characters, lone surrogates,
 * U+FFFE/U+FFFF) are dropped, so Word never refuses the file; the docx library escapes the rest.
 */
export function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

function markingRun(briefing: Briefing): TextRun {
  return new TextRun({
    text: tlpLabel(briefing.tlp),
    bold: true,
    color: TLP_COLOURS[briefing.tlp].slice(1),
    shading: { type: ShadingType.CLEAR, fill: '000000', color: 'auto' },
  })
}

function cell(c: Cell, header = false): TableCell {
  const run = new TextRun({ text: xmlText(typeof c === 'string' ? c : c.text), bold: header, size: 18, style: typeof c === 'string' ? undefined : 'Hyperlink' })
  // Only a URL field becomes a link, to the target safeHref made (http, https or mailto).
  return new TableCell({
    children: [new Paragraph({ children: [typeof c === 'string' ? run : new ExternalHyperlink({ link: c.href, children: [run] })] })],
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
  })
}

function table(columns: string[] | null, rows: Cell[][]): Table {
  // Rows never split across pages; the header row repeats on each page the table runs onto.
  const head = columns ? [new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c, true)) })] : []
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [...head, ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) }))] })
}

function blocks(b: Block, pageBreakBefore: boolean): FileChild[] {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({ text: xmlText(b.title), heading: HeadingLevel.TITLE, pageBreakBefore }),
        ...b.lines.map((l) => new Paragraph({ children: [new TextRun({ text: xmlText(l), color: '333333' })] })),
      ]
    case 'heading':
      // A heading stays on the page of the text it introduces.
      return [new Paragraph({ text: xmlText(b.text), heading: b.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, keepLines: true, pageBreakBefore: pageBreakBefore || b.pageBreakBefore === true })]
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: xmlText(b.text), italics: b.muted, color: b.muted ? '666666' : undefined })], widowControl: true, pageBreakBefore })]
    case 'list':
      return b.items.map((i, n) => new Paragraph({ text: xmlText(i), bullet: { level: 0 }, pageBreakBefore: pageBreakBefore && n === 0 }))
    case 'fields':
      return [...(pageBreakBefore ? [new Paragraph({ pageBreakBefore })] : []), table(null, b.pairs), new Paragraph({})]
    case 'table':
      return [
        ...(b.caption || pageBreakBefore ? [new Paragraph({ children: [new TextRun({ text: xmlText(b.caption ?? ''), bold: true })], keepNext: true, pageBreakBefore })] : []),
        table(b.columns, b.rows),
        new Paragraph({}),
      ]
    case 'figure': {
      const scale = Math.min(1, MAX_FIGURE_PX / b.figure.width, MAX_FIGURE_HEIGHT_PX / b.figure.height)
      return [
        new Paragraph({
          pageBreakBefore,
          // The figure stays with its caption.
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: Buffer.from(b.figure.png, 'base64'),
              transformation: { width: Math.round(b.figure.width * scale), height: Math.round(b.figure.height * scale) },
              altText: { name: xmlText(b.figure.alt), description: xmlText(b.figure.alt), title: xmlText(b.figure.caption) },
            }),
          ],
        }),
        new Paragraph({ children: [new TextRun({ text: xmlText(b.figure.caption), italics: true, size: 18 })] }),
      ]
    }
  }
}

/** The DOCX file's bytes. */
export async function renderDocx(briefing: Briefing): Promise<Buffer> {
  const children = briefing.sections.flatMap((s) => s.blocks.flatMap((b, n) => blocks(b, s.pageBreakBefore && n === 0)))
  const doc = new Document({
    creator: xmlText(briefing.author) || 'Watchfloor',
    title: xmlText(`${tlpLabel(briefing.tlp)} ${briefing.title}`),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1247, bottom: 1134, left: 907, right: 907 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [markingRun(briefing)] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [markingRun(briefing), new TextRun({ text: xmlText(`   ${briefing.title} · page `), size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 }), new TextRun({ text: ' of ', size: 16 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
