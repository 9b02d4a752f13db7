// A titled list of nested records (victims, attributions, responses…) with add and remove.
import type { ReactNode } from 'react'

interface Props<T> {
  title: string
  items: T[]
  noun: string
  empty: string
  onAdd(): void
  onRemove(index: number): void
  render(item: T, index: number): ReactNode
  itemLabel(item: T, index: number): string
}

export function ItemList<T>({ title, items, noun, empty, onAdd, onRemove, render, itemLabel }: Props<T>) {
  return (
    <fieldset className="item-list">
      <legend>
        {title} <span className="count">{items.length}</span>
      </legend>
      {items.length === 0 ? <p className="empty-note">{empty}</p> : null}
      {items.map((item, n) => (
        <div className="item" key={n} role="group" aria-label={itemLabel(item, n)}>
          <div className="item-fields">{render(item, n)}</div>
          <button type="button" className="item-remove" aria-label={`Remove ${itemLabel(item, n)}`} onClick={() => onRemove(n)}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="add" onClick={onAdd}>
        + Add {noun}
      </button>
    </fieldset>
  )
}
