// Plain text and metadata of a saved web page, read as text (no DOM, nothing runs or loads): the article body with navigation, scripts and boilerplate dropped.

export interface HtmlArticle {
  text: string
  title: string
  publisher: string
  published: string
  url: string
}

/** Elements whose content is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'canvas', 'video', 'audio', 'picture', 'figure', 'dialog'])
/** Elements without a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param'])
/** Elements that end a line of text. */
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'br', 'tr', 'blockquote', 'pre', 'table', 'dd', 'dt', 'hr'])
/** Class or id words of page furniture. */
const BOILERPLATE = /\b(cookie|consent|newsletter|share|sharing|social|related|advert\w*|ads?|promo\w*|subscribe|subscription|comments?|menu|breadcrumbs?|sidebar|banner|popup|modal|paywall|byline-tools|recommended)\b/i

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…', eacute: 'é', euml: 'ë', ccedil: 'ç' }

/** Decodes character references; unknown names stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : ''
    }
    return ENTITIES[ref.toLowerCase()] ?? all
  })
}

function attr(attrs: string, name: string): string {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs)
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim() : ''
}

const TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g

/** Reads a saved web page as text. */
export function readHtml(html: string): HtmlArticle {
  const meta: Record<string, string> = {}
  let title = ''
  let canonical = ''
  let inTitle = false
  // One pass: a stack of open elements, the depth at which skipping began, and text per enclosing article.
  const stack: string[] = []
  let skipDepth = -1
  const body: string[] = []
  const article: string[] = []
  let articleDepth = -1
  let articleDone = false
  const emit = (s: string) => {
    body.push(s)
    if (articleDepth >= 0) article.push(s)
  }
  for (const m of html.matchAll(TAG)) {
    const [, closing, rawName, attrs, text] = m
    if (text !== undefined || m[0] === '<') {
      const t = text ?? '<'
      if (inTitle) title += t
      else if (skipDepth < 0) emit(decodeEntities(t).replace(/\s+/g, ' '))
      continue
    }
    if (!rawName) continue
    const name = rawName.toLowerCase()
    if (name === 'title') {
      inTitle = !closing && !title
      continue
    }
    if (name === 'meta' && !closing) {
      const key = (attr(attrs, 'property') || attr(attrs, 'name') || attr(attrs, 'itemprop')).toLowerCase()
      if (key && !(key in meta)) meta[key] = attr(attrs, 'content')
      continue
    }
    if (name === 'link' && !closing && /\bcanonical\b/i.test(attr(attrs, 'rel'))) canonical ||= attr(attrs, 'href')
    if (VOID.has(name)) {
      if (BLOCK.has(name) && skipDepth < 0) emit('\n')
      continue
    }
    if (!closing) {
      stack.push(name)
      const depth = stack.length - 1
      if (skipDepth < 0 && (SKIP.has(name) || BOILERPLATE.test(`${attr(attrs, 'class')} ${attr(attrs, 'id')} ${attr(attrs, 'role')}`))) skipDepth = depth
      if (name === 'article' && articleDepth < 0 && !articleDone && skipDepth < 0) articleDepth = depth
      if (BLOCK.has(name) && skipDepth < 0) emit('\n')
    } else {
      const at = stack.lastIndexOf(name)
      if (at < 0) continue
      stack.length = at
      if (skipDepth >= at) skipDepth = -1
      if (BLOCK.has(name) && skipDepth < 0) emit('\n')
      if (articleDepth >= at) {
        articleDepth = -1
        articleDone = true
      }
    }
  }
  const tidy = (parts: string[]) =>
    parts
      .join('')
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l, n, all) => l !== '' || (n > 0 && all[n - 1] !== ''))
      .join('\n')
      .replace(/\n{2,}/g, '\n\n')
      .trim()
  const articleText = tidy(article)
  const url = meta['og:url'] || canonical
  return {
    text: articleText.length >= 200 ? articleText : tidy(body),
    title: meta['og:title'] || meta['twitter:title'] || decodeEntities(title).replace(/\s+/g, ' ').trim(),
    publisher: meta['og:site_name'] || meta['publisher'] || meta['application-name'] || '',
    published: meta['article:published_time'] || meta['datepublished'] || meta['date'] || meta['pubdate'] || meta['dc.date'] || '',
    url: /^https?:\/\/\S+$/i.test(url) ? url : '',
  }
}
