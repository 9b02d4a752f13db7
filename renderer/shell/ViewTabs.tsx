// The view tabs: one tab stop, arrow keys (and Home / End) move between views, Alt+1 … Alt+7 from anywhere.
import { useRef, type KeyboardEvent } from 'react'
import { setView } from '../state/actions'
import { getState, useApp } from '../state/store'
import { focusWhenShown } from './focus'
import { VIEWS } from './views'

const STEP: Record<string, (at: number) => number> = {
  ArrowRight: (at) => (at + 1) % VIEWS.length,
  ArrowLeft: (at) => (at + VIEWS.length - 1) % VIEWS.length,
  Home: () => 0,
  End: () => VIEWS.length - 1,
}

export function ViewTabs() {
  const view = useApp((s) => s.view)
  const list = useRef<HTMLDivElement>(null)

  function onKeyDown(e: KeyboardEvent) {
    const step = STEP[e.key]
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return
    e.preventDefault()
    const next = VIEWS[step(VIEWS.findIndex((v) => v.id === getState().view))]
    setView(next.id)
    // The tab keeps focus, as in any tab list; it moves once the view has switched (a form with edits asks first).
    focusWhenShown(() => (getState().view === next.id ? list.current?.querySelector<HTMLElement>(`#tab-${next.id}`) ?? null : null))
  }

  return (
    <div className="tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          id={`tab-${v.id}`}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          aria-controls="view-panel"
          tabIndex={view === v.id ? 0 : -1}
          className={view === v.id ? 'active' : ''}
          onClick={() => setView(v.id)}
          title={`${v.label} (Alt+${v.key})`}
        >
          {v.label}
        </button>
      ))}
    </div>
  )
}
