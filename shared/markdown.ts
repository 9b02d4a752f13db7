// Markdown to HTML for notes and imported text: markdown-it with raw HTML off, a wiki-link rule, and no remote images.
import MarkdownIt from 'markdown-it'
import type { RecordRef } from './wikiLinks'

type Resolve = (id: string) => RecordRef | undefined

interface Env {
  resolve?: Resolve
}

const WIKI_AT = /^\[\[([^[\]|\n]{1,100})(?:\|([^[\]\n]{0,300}))?\]\]/

function createMarkdown() {
  // html:false turns every raw tag into text; linkify would turn pasted URLs into links the user did not ask for.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
  md.inline.ruler.before('link', 'wikilink', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false
    const m = WIKI_AT.exec(state.src.slice(state.pos))
    if (!m) return false
    if (!silent) {
      const token = state.push('wikilink', '', 0)
      token.meta = { id: m[1].trim(), label: m[2]?.trim() }
    }
    state.pos += m[0].length
    return true
  })
  md.renderer.rules.wikilink = (tokens, idx, _options, env) => {
    const { id, label } = tokens[idx].meta as { id: string; label?: string }
    const esc = md.utils.escapeHtml
    const ref = (env as Env | undefined)?.resolve?.(id)
    if (!ref) return `<span class="wikilink missing" title="No record with id ${esc(id)}">${esc(label ?? id)}</span>`
    // Shown by the record's current title, so a rename shows through; the id travels in data attributes.
    return `<a class="wikilink wikilink-${ref.kind}" href="#${esc(ref.kind)}/${esc(ref.id)}" data-record-id="${esc(ref.id)}" data-record-kind="${ref.kind}">${esc(ref.title)}</a>`
  }
  // Images would fetch from wherever their URL points; notes show the alt text instead.
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]
    const alt = token.children ? md.renderer.renderInlineAsText(token.children, md.options, {}) : token.content
    return `<span class="md-image" title="Images are not loaded in notes">[image: ${md.utils.escapeHtml(alt)}]</span>`
  }
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('rel', 'noopener noreferrer')
    tokens[idx].attrSet('target', '_blank')
    return defaultLinkOpen(tokens, idx, options, env, self)
  }
  return md
}

const md = createMarkdown()

/**
 * Renders markdown to HTML. Raw HTML in the text comes out escaped; markdown-it refuses
 * `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs. The result still goes
 * through DOMPurify before it reaches the page (renderer/notes/safeHtml.ts).
 */
export function markdownToHtml(text: string, resolve: Resolve = () => undefined): string {
  return md.render(text, { resolve } satisfies Env)
}
