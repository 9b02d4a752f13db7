// The briefing as Markdown (GitHub tables): the marking on the first and last line, every cell escaped so tables stay well formed.
import type { Block, Briefing } from './blocks'
import { tlpLabel } from './blocks'

/** Escapes Markdown syntax in running text so user words cannot become links, emphasis or HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3')
}

/** One table cell: escaped, on one line, never empty. */
function cell(text: string): string {
  const flat = escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim())
  return flat === '' ? ' ' : flat
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
