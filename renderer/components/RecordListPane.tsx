// The list side of a records view (actors, sources, reports): its toolbar with the New button, the empty state while there are no records, and the list itself.
import type { ReactNode } from 'react'
import { useApp } from '../state/store'
import { EmptyState } from './EmptyState'

interface Props {
  /** "actor", "source": the New button says `+ New <noun>`. */
  noun: string
  label: string
  className?: string
  /** How many records there are; none shows `empty` instead of the list, and makes the New button where the view starts. */
  count: number
  onNew(): void
  /** More toolbar controls, after the New button (search, filters, counts). */
  tools?: ReactNode
  empty: { title: string; text: string }
  children: ReactNode
}

/** The New button is disabled while the workspace is read-only. */
export function RecordListPane({ noun, label, className = 'list-pane', count, onNew, tools, empty, children }: Props) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  return (
    <section className={className} aria-label={label}>
      <div className="toolbar">
        <button type="button" className="primary" disabled={!!readOnly} onClick={onNew} data-view-start={count === 0 ? '' : undefined}>
          + New {noun}
        </button>
        {tools}
      </div>
      {count === 0 ? <EmptyState title={empty.title}>{empty.text}</EmptyState> : children}
    </section>
  )
}
