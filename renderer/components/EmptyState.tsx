// The placeholder a list or pane shows when it has nothing to show: a heading and what to do about it.
import type { ReactNode } from 'react'

export function EmptyState({ title, children, className }: { title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `empty-state ${className}` : 'empty-state'}>
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  )
}
