// The app shell: workspace header, view tabs, theme switch, read-only banner, toasts, the discard guard and global keys.
import { useEffect, useLayoutEffect } from 'react'
import { bridge } from '../api'
import { ConfirmDiscard } from '../components/ConfirmDiscard'
import { Toasts } from '../components/Toasts'
import { CommandPalette } from '../palette/CommandPalette'
import { useCommandKeys } from '../palette/useCommandKeys'
import { loadWorkspace, restoreBackup, setView, undoLast } from '../state/actions'
import { getState, useApp } from '../state/store'
import { applyTheme, useTheme } from '../state/theme'
import { ThemeSwitch } from './ThemeSwitch'
import { useGlobalKeys } from './useGlobalKeys'
import { VIEWS } from './views'

export function App() {
  const status = useApp((s) => s.status)
  const loadError = useApp((s) => s.loadError)
  const info = useApp((s) => s.info)
  const view = useApp((s) => s.view)
  const theme = useTheme()

  useLayoutEffect(() => applyTheme(theme), [theme])
  useEffect(() => {
    void loadWorkspace()
    const off = bridge.onWorkspaceChanged(() => void loadWorkspace())
    const warn = (e: BeforeUnloadEvent) => {
      if (getState().dirty) e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      off()
      window.removeEventListener('beforeunload', warn)
    }
  }, [])
  useGlobalKeys({
    views: VIEWS,
    onView: setView,
    onUndo: undoLast,
  })
  useCommandKeys()

  if (status === 'loading') return <div className="splash">Opening workspace…</div>
  if (status === 'error') {
    return (
      <div className="splash error" role="alert">
        <h1>The workspace could not be opened</h1>
        <p>{loadError}</p>
        <button type="button" onClick={() => void loadWorkspace()}>
          Try again
        </button>
      </div>
    )
  }

  return (
    <div className="app">
      <header className="app-head">
        <span className="brand">Watchfloor</span>
        <span className="workspace-name" title={info?.path}>
          {info?.name}
        </span>
        {info?.sample ? (
          <span className="badge sample" title="The bundled sample workspace: public-record facts written for demonstration">
            Sample data
          </span>
        ) : null}
        <nav className="tabs" role="tablist" aria-label="Views">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} onClick={() => setView(v.id)} title={`${v.label} (Alt+${v.key})`}>
              {v.label}
            </button>
          ))}
        </nav>
        <ThemeSwitch />
      </header>
      {info?.readOnly ? (
        <div className="banner" role="alert">
          <strong>Read-only.</strong> {info.readOnly}
          {info.restorableBackup ? (
            <button type="button" onClick={() => void restoreBackup()}>
              Restore newest valid backup
            </button>
          ) : null}
        </div>
      ) : null}
      <main className="app-main" role="tabpanel" aria-label={VIEWS.find((v) => v.id === view)?.label}>
        {VIEWS.map((v) => (v.id === view ? <v.component key={v.id} /> : null))}
      </main>
      <Toasts />
      <ConfirmDiscard />
      <CommandPalette />
    </div>
  )
}
