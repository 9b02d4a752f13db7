// An archived web page made safe to show: DOMPurify with no scripts, frames, forms or outside links, wrapped in a document whose own policy fetches nothing.
import DOMPurify from 'dompurify'

/** The policy inside the frame: nothing may load or run; only inline styles and data: images show. */
export const ARCHIVE_FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

// An instance of its own, so these hooks never touch the notes' sanitizer.
const purify = DOMPurify(window)

const URL_ATTRS = ['src', 'srcset', 'href', 'xlink:href', 'poster', 'action', 'formaction', 'background', 'data', 'ping', 'cite', 'longdesc', 'usemap', 'manifest', 'lowsrc', 'dynsrc']
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);/i
const OUTSIDE_CSS = /@import[^;]*;?|url\s*\(\s*(?!['"]?data:image\/)[^)]*\)/gi

purify.addHook('afterSanitizeAttributes', (node) => {
  for (const attr of URL_ATTRS) {
    const value = node.getAttribute(attr)
    if (value === null) continue
    if (attr === 'src' && DATA_IMAGE.test(value.trim())) continue
    if (attr === 'href' && value.trim().startsWith('#')) continue
    if (attr === 'href' && node.tagName === 'A') node.setAttribute('title', `Link in the captured page, not followed here: ${value.slice(0, 500)}`)
    node.removeAttribute(attr)
  }
  const style = node.getAttribute('style')
  if (style && OUTSIDE_CSS.test(style)) node.setAttribute('style', style.replace(OUTSIDE_CSS, 'none'))
  OUTSIDE_CSS.lastIndex = 0
})
purify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'style' && node.textContent) node.textContent = node.textContent.replace(OUTSIDE_CSS, 'none')
})

const CONFIG = {
  FORBID_TAGS: ['script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'video', 'audio', 'source', 'track', 'svg', 'math', 'portal', 'template'],
  FORBID_ATTR: ['srcset', 'ping', 'formaction', 'action'],
  ALLOW_DATA_ATTR: false,
}

/** The page's HTML, sanitized. */
export function sanitizeArchivedHtml(html: string): string {
  return purify.sanitize(html, CONFIG)
}

/** A whole document for a sandboxed frame's srcdoc: the sanitized page under a policy that fetches nothing. */
export function archivedSrcdoc(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${ARCHIVE_FRAME_POLICY}"><meta name="referrer" content="no-referrer"></head><body>${sanitizeArchivedHtml(html)}</body></html>`
}
