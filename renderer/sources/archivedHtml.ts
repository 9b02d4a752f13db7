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

/** The page as a whole document (its head's title and styles kept), sanitized, as an inert `<html>` element. */
export function sanitizeArchivedHtml(html: string): HTMLElement {
  // With WHOLE_DOCUMENT, the DOM returned is the <html> element.
  return purify.sanitize(html, { ...CONFIG, WHOLE_DOCUMENT: true, RETURN_DOM: true }) as HTMLElement
}

/** A whole document for a sandboxed frame's srcdoc: the sanitized page, with a policy that fetches nothing first in its head. */
export function archivedSrcdoc(html: string): string {
  const root = sanitizeArchivedHtml(html)
  const doc = root.ownerDocument
  let head = root.querySelector('head')
  if (!head) head = root.insertBefore(doc.createElement('head'), root.firstChild)
  const charset = doc.createElement('meta')
  charset.setAttribute('charset', 'utf-8')
  const policy = doc.createElement('meta')
  policy.setAttribute('http-equiv', 'Content-Security-Policy')
  policy.setAttribute('content', ARCHIVE_FRAME_POLICY)
  const referrer = doc.createElement('meta')
  referrer.setAttribute('name', 'referrer')
  referrer.setAttribute('content', 'no-referrer')
  // Before anything the page had in its head, so the policy holds from the first element on.
  head.prepend(charset, policy, referrer)
  return `<!doctype html>${root.outerHTML}`
}
