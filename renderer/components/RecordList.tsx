// A list of records as buttons, one a row: the open one marked selected and current, and where the view starts.
import type { ReactNode } from 'react'
import { viewStartMark } from './editedRecord'

interface Props<R extends { id: string }> {
  label: string
  className: string
  /** The class of each row's button; the open one adds `selected`. */
  rowClassName: string
  records: readonly R[]
  openId: string | null
  onOpen(id: string): void
  children(record: R): ReactNode
}

export function RecordList<R extends { id: string }>({ label, className, rowClassName, records, openId, onOpen, children }: Props<R>) {
  return (
    <ul className={className} aria-label={label}>
      {records.map((r, n) => (
        <li key={r.id}>
          <button type="button" className={`${rowClassName}${openId === r.id ? ' selected' : ''}`} aria-current={openId === r.id} data-view-start={viewStartMark(openId, r.id, n)} onClick={() => onOpen(r.id)}>
            {children(r)}
          </button>
        </li>
      ))}
    </ul>
  )
}
