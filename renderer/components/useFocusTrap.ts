// Focus inside a modal while it is open: Tab cycles within it, Escape always closes it, and focus goes back where it was.
import { useEffect, useRef, type RefObject } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Traps focus in `container` from mount to unmount. `initial` (else the first focusable) takes focus
 * at once. Escape anywhere runs `onEscape`, before anything behind the modal sees the key. On unmount
 * focus returns to the element that had it, unless what the modal ran has moved it somewhere already.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, onEscape: () => void, initial?: RefObject<HTMLElement | null>): void {
  const escape = useRef(onEscape)
  escape.current = onEscape
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const focusables = () => [...(container.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])]
    const first = () => initial?.current ?? focusables()[0]
    first()?.focus()
    const inside = (el: EventTarget | null) => el instanceof Node && !!container.current?.contains(el)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        escape.current()
      } else if (e.key === 'Tab') {
        const list = focusables()
        if (list.length === 0) return e.preventDefault()
        const at = list.indexOf(document.activeElement as HTMLElement)
        const next = e.shiftKey ? (at <= 0 ? list.length - 1 : at - 1) : at < 0 || at === list.length - 1 ? 0 : at + 1
        e.preventDefault()
        list[next].focus()
      }
    }
    const onFocusIn = (e: FocusEvent) => {
      if (!inside(e.target)) first()?.focus()
    }
    // Capture phase: while the modal is open these keys are its own, wherever focus happens to be.
    window.addEventListener('keydown', onKey, true)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      document.removeEventListener('focusin', onFocusIn)
      const now = document.activeElement
      if (!now || now === document.body || inside(now)) previous?.focus?.()
    }
    // The trap is set once per opening; `escape` follows the latest callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
