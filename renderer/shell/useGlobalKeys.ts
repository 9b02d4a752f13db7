// Global shortcuts: Alt+digit switches views, "/" focuses the search box, Ctrl/Cmd+Z outside a text field undoes a delete.
import { useEffect } from 'react'

interface Options<V> {
  views: { id: V; key: string }[]
  onView(view: V): void
  onUndo(): boolean
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

export function useGlobalKeys<V>({ views, onView, onUndo }: Options<V>): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const v = views.find((x) => x.key === e.key || e.code === `Digit${x.key}`)
        if (v) {
          e.preventDefault()
          onView(v.id)
        }
        return
      }
      if (typingIn(e.target)) return
      if (e.key === '/' && !e.ctrlKey && !e.metaKey) {
        const search = document.querySelector<HTMLInputElement>('[data-hotkey="/"]')
        if (search) {
          e.preventDefault()
          search.focus()
        }
      } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        if (onUndo()) e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [views, onView, onUndo])
}
