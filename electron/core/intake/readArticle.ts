// Reads an article file (text, Markdown, a saved web page or a PDF) into plain text and the metadata the document itself carries; nothing in it runs or loads.
import { ARTICLE_MEDIA_TYPES, articleMediaType, MAX_ARTICLE_BYTES, type ArticleMediaType, type GuessedSource } from '../../../shared/intake'
import { ServiceError } from '../../../shared/result'
import { readHtml } from './html'

export interface ArticleText {
  text: string
  mediaType: ArticleMediaType
  hints: Partial<GuessedSource>
}

/** Markdown as plain text: headings, emphasis, links and code marks dropped, their words kept. */
export function markdownText(md: string): string {
  return md
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^>\s?/gm, '')
}

/** Text of a PDF, page by page (pdfjs-dist, with scripting, fonts and evaluation off). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  let doc
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false, verbosity: 0 }).promise
  } catch (err) {
    throw new ServiceError('invalid-input', `This PDF cannot be read: ${(err as Error).message}`)
  }
  try {
    const pages: string[] = []
    for (let n = 1; n <= Math.min(doc.numPages, 500); n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      let line = ''
      const lines: string[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        line += item.str
        if (item.hasEOL) {
          lines.push(line)
          line = ''
        }
      }
      if (line) lines.push(line)
      pages.push(lines.join('\n'))
    }
    // Lines of one paragraph are joined; blank lines and short lines (headings, datelines) keep their breaks.
    return pages
      .join('\n\n')
      .replace(/([^\n.!?:”"])\n(?=[a-z(])/g, '$1 ')
      .trim()
  } finally {
    await doc.destroy()
  }
}

/** Reads an article's bytes by its file name's ending (or as `mediaType` when given). */
export async function readArticle(bytes: Uint8Array, fileName: string, mediaType?: ArticleMediaType): Promise<ArticleText> {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) throw new ServiceError('invalid-input', `The article is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB; intake reads articles, not archives.`)
  const type = mediaType ?? articleMediaType(fileName)
  if (!type || !ARTICLE_MEDIA_TYPES.includes(type)) throw new ServiceError('invalid-input', `${fileName} is not an article intake reads: use .txt, .md, .html, .htm or .pdf, or paste the text.`)
  if (type === 'application/pdf') {
    if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) throw new ServiceError('invalid-input', `${fileName} does not start like a PDF (%PDF); nothing was read.`)
    return { text: await pdfText(bytes), mediaType: type, hints: {} }
  }
  const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (type === 'text/html') {
    const page = readHtml(raw)
    return { text: page.text, mediaType: type, hints: { title: page.title || undefined, publisher: page.publisher || undefined, published: page.published || undefined, url: page.url || undefined } }
  }
  if (type === 'text/markdown') {
    const heading = /^#\s+(.+)$/m.exec(raw)
    return { text: markdownText(raw), mediaType: type, hints: heading ? { title: heading[1].trim() } : {} }
  }
  return { text: raw, mediaType: type, hints: {} }
}
