// The briefing as Markdown (GitHub tables): the marking on the first and last line, user text neutralised, every cell escaped so tables stay well formed.
import type { Block, Briefing, Cell } from './blocks'
import { tlpLabel } from './blocks'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '&#91;', ']': '&#93;' }

/**
 * Neutralises user text for Markdown, for any renderer (linkify on, HTML on): no link, autolink,
 * image, emphasis, code or HTML can come of it. Brackets and angle brackets become entities; `@`,
 * and a `:` or `.` directly followed by more text, are backslash-escaped, which splits what a
 * linkifier would read as a scheme, an e-mail address or a domain name (prose keeps "note: …").
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_|~!@#$^])/g, '\\$1')
    .replace(/([:.])(?=[^\s])/gu, '\\$1')
    .replace(/^(\s*)([+=-])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3')
    .replace(/[&<>[\]]/g, (c) => ENTITIES[c])
}

/** One table cell: escaped, on one line, never empty; a URL field with a safe target is the one kind of link. */
function cell(c: Cell): string {
  const text = typeof c === 'string' ? c : c.text
  const flat = escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim())
  if (flat === '') return ' '
  // safeHref left no `<`, `>`, space, backslash or `|` in the target.
  return typeof c === 'string' ? flat : `[${flat}](<${c.href.replace(/&/g, '&amp;')}>)`
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return [`# ${escapeMarkdown(b.title)}`, '', ...b.lines.map((l) => `${escapeMarkdown(l)}  `)].join('\n')
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`
    case 'paragraph':
      return b.muted ? `_${escapeMarkdown(b.text)}_` : escapeMarkdown(b.text)
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n')
    case 'fields':
      return b.pairs.map(([k, v]) => `**${escapeMarkdown(k)}:** ${escapeMarkdown(v)}  `).join('\n')
    case 'table': {
      const lines = [`| ${b.columns.map(cell).join(' | ')} |`, `| ${b.columns.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)]
      return (b.caption ? `**${escapeMarkdown(b.caption)}**\n\n` : '') + lines.join('\n')
    }
    case 'figure':
      // Inlined as a data URL so the file stays self-contained, like the HTML export.
      return `![${escapeMarkdown(b.figure.alt)}](data:image/png;base64,${b.figure.png.replace(/[^A-Za-z0-9+/=]/g, '')})\n\n_${escapeMarkdown(b.figure.caption)}_`
  }
}

/** The whole briefing as Markdown. */
export function renderMarkdown(briefing: Briefing): string {
  const marking = `**${tlpLabel(briefing.tlp)}**`
  const parts = [marking, ...briefing.sections.flatMap((s) => s.blocks.map(block)), marking]
  return parts.join('\n\n') + '\n'
}
