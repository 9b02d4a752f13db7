// The one way user or imported text becomes HTML on the page: markdown-it (raw HTML off), then DOMPurify.
import DOMPurify from 'dompurify'
import { markdownToHtml } from '../../shared/markdown'
import type { RecordRef } from '../../shared/wikiLinks'

const ALLOWED_URI = /^(?:https?:|mailto:|#)/i

// Belt and braces over markdown-it's own link check: only web, mail and in-app (#) links keep their href.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.hasAttribute('href') && !ALLOWED_URI.test(node.getAttribute('href') ?? '')) node.removeAttribute('href')
  if (node.tagName === 'A' && node.getAttribute('target') === '_blank') node.setAttribute('rel', 'noopener noreferrer')
})

const CONFIG = {
  // No element that can load anything or run anything, and no inline styles.
  FORBID_TAGS: ['style', 'img', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input', 'video', 'audio', 'source', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction', 'xlink:href'],
  ADD_ATTR: ['target'],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
}

/** Sanitized HTML for markdown `text`, wiki links resolved through `resolve`. */
export function renderMarkdown(text: string, resolve: (id: string) => RecordRef | undefined): string {
  return DOMPurify.sanitize(markdownToHtml(text, resolve), CONFIG)
}
