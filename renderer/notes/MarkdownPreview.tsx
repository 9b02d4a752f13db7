// Rendered, sanitized markdown whose wiki links open the record they name.
import { useMemo, type MouseEvent } from 'react'
import type { RecordKind, RecordRef } from '../../shared/wikiLinks'
import { openRecord } from './actions'
import { renderMarkdown } from './safeHtml'

interface Props {
  text: string
  refs: Map<string, RecordRef>
  label?: string
}

export function MarkdownPreview({ text, refs, label = 'Preview' }: Props) {
  const html = useMemo(() => renderMarkdown(text, (id) => refs.get(id)), [text, refs])

  function onClick(e: MouseEvent<HTMLDivElement>) {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-record-id]')
    if (!link) return
    e.preventDefault()
    openRecord(link.dataset.recordKind as RecordKind, link.dataset.recordId!)
  }

  if (text.trim() === '') return <div className="notes-preview muted">Nothing to preview yet.</div>
  // The only innerHTML in the notes view: markdown-it with raw HTML off, then DOMPurify.
  return <div className="notes-preview" aria-label={label} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
}
