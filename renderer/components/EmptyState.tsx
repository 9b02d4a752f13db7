// The placeholder a list or pane shows when it has nothing to show: a heading and what to do about it.
import type { ReactNode } from 'react'

export function EmptyState({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  )
}
