// Moving keyboard focus to what a command has just shown: a view, a form's first field. One request at a time.

/** Where a view's keyboard work starts; each view marks one element (its list, table, map or timeline). */
export const VIEW_START = '[data-view-start]'

/** A request still waiting is dropped after this long, so focus never jumps long after the command (ms). */
const GIVE_UP_MS = 5000

let cancel: (() => void) | null = null

/**
 * Focuses the element `find` returns as soon as it is in the page: now, or when React has drawn it
 * (a new view, a form opened by a command, a note the host has just created). A key press or click
 * by the user before then drops the request: what they do next wins.
 */
export function focusWhenShown(find: () => HTMLElement | null): void {
  cancel?.()
  const attempt = (): boolean => {
    const el = find()
    if (!el || !el.isConnected) return false
    el.focus()
    if (document.activeElement !== el) return false
    stop()
    return true
  }
  const observer = new MutationObserver(() => void attempt())
  const onUser = () => stop()
  const timer = window.setTimeout(() => stop(), GIVE_UP_MS)
  function stop() {
    observer.disconnect()
    window.clearTimeout(timer)
    window.removeEventListener('keydown', onUser, true)
    window.removeEventListener('pointerdown', onUser, true)
    if (cancel === stop) cancel = null
  }
  cancel = stop
  // React commits after this call returns; the observer sees the commit, the microtask covers an element already there.
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-view', 'disabled', 'hidden'] })
  window.addEventListener('keydown', onUser, true)
  window.addEventListener('pointerdown', onUser, true)
  queueMicrotask(() => void attempt())
}

/** The view panel once it shows `view`: its marked start, else the main region itself. */
export function viewStart(view: string): HTMLElement | null {
  const panel = document.querySelector<HTMLElement>(`#view-panel[data-view="${CSS.escape(view)}"]`)
  if (!panel) return null
  return panel.querySelector<HTMLElement>(VIEW_START) ?? document.getElementById('main')
}

/** The first field of the form matching `selector` that can take input. */
export function firstField(selector: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`${selector} :is(input, select, textarea, [contenteditable="true"]):not([disabled]):not([type="hidden"])`)
}
