// The app shell: skip link, workspace header with the view tabs and the theme, read-only banner, the view, toasts, the discard guard and global keys.
import { useEffect, useLayoutEffect } from 'react'
import { bridge } from '../api'
import { ConfirmDiscard } from '../components/ConfirmDiscard'
import { Toasts } from '../components/Toasts'
import { ExportDialog } from '../interchange/ExportDialog'
import { ImportDialog } from '../interchange/ImportDialog'
import { MappingDialog } from '../interchange/MappingDialog'
import { useFileDrop } from '../interchange/useFileDrop'
import { CommandPalette } from '../palette/CommandPalette'
import { useCommandKeys } from '../palette/useCommandKeys'
import { loadWorkspace, repairWorkspace, restoreBackup, showView, undoLast } from '../state/actions'
import { getState, useApp } from '../state/store'
import { applyTheme, useTheme } from '../state/theme'
import { focusWhenShown, viewStart } from './focus'
import { ThemeSwitch } from './ThemeSwitch'
import { useGlobalKeys } from './useGlobalKeys'
import { ViewTabs } from './ViewTabs'
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
    onView: showView,
    onUndo: undoLast,
  })
  useCommandKeys()
  useFileDrop()

  if (status === 'loading') return <div className="splash">Opening workspace…</div>
  if (status === 'error') {
    return (
      <main className="splash error">
        <h1>The workspace could not be opened</h1>
        <p role="alert">{loadError}</p>
        <button type="button" onClick={() => void loadWorkspace()}>
          Try again
        </button>
      </main>
    )
  }

  const label = VIEWS.find((v) => v.id === view)?.label
  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => focusWhenShown(() => viewStart(getState().view))}>
        Skip to main content
      </button>
      <header className="app-head">
        <h1 className="brand">Watchfloor</h1>
        <span className="workspace-name" title={info?.path}>
          {info?.name}
        </span>
        {info?.sample ? (
          <span className="badge sample" title="The bundled sample workspace: public-record facts written for demonstration">
            Sample data
          </span>
        ) : null}
        <ViewTabs />
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
          {info.repairable ? (
            <button type="button" onClick={() => void repairWorkspace()}>
              Repair references
            </button>
          ) : null}
        </div>
      ) : null}
      <main id="main" className="app-main" tabIndex={-1} aria-label={label}>
        <div id="view-panel" className="view-panel" role="tabpanel" data-view={view} aria-labelledby={`tab-${view}`}>
          {VIEWS.map((v) => (v.id === view ? <v.component key={v.id} /> : null))}
        </div>
      </main>
      <Toasts />
      <ConfirmDiscard />
      <CommandPalette />
      <ImportDialog />
      <MappingDialog />
      <ExportDialog />
    </div>
  )
}
