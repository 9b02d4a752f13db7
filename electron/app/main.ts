// Electron entry: single-instance lock, startup wiring, the open-workspace flow the File menu shares, and quitting only after pending saves are flushed.
import { join, resolve } from 'node:path'
import { app, dialog, ipcMain, Menu, type BrowserWindow } from 'electron'
import type { WorkspaceInfo } from '../../shared/contract'
import { messageOf } from '../../shared/result'
import { sampleWorkspace } from '../../shared/sample/sampleWorkspace'
import { isSampleDir, readSettings, sampleDir, startupWorkspace, withRecent, writeSettings, type Settings } from './settings'
import { developmentRendererUrl, rendererEntry, windowTitle } from './pages'
import { copyWorkspaceTo } from '../core/store/workspaceFolder'
import { createHandlers } from '../core/handlers'
import { registerIpc, registerRequests, sendWorkspaceChanged, trustedSender } from './ipc'
import { buildMenu, menuActions, type MenuActions } from './menu'
import { hardenApp } from './security'
import { Session } from '../core/session'
import type { OpenOptions } from '../core/store/WorkspaceStore'
import { createMainWindow } from './window'
import { ElectronPdfRenderer } from './ElectronPdfRenderer'
import { KeychainSecretStore } from './KeychainSecretStore'

/** What a running app holds; returned for the smoke tests, which drive the real wiring under a stand-in Electron. */
export interface RunningApp {
  session: Session
  userData: string
  window(): BrowserWindow | null
  settings(): Settings
  actions: MenuActions
}

export async function startApp(): Promise<RunningApp | null> {
  // A second process would find the workspace locked and open it read-only; focusing the first is what the user wanted.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }
  let win: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  const entry = rendererEntry(import.meta.dirname, developmentRendererUrl(app.isPackaged, process.argv, process.env.ELECTRON_RENDERER_URL))
  hardenApp(entry)

  const session = new Session(new ElectronPdfRenderer(), new KeychainSecretStore(() => app.getPath('userData')))
  let flushed = false
  let closing: Promise<void> | null = null
  app.on('before-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    closing ??= session
      .close()
      .catch((err: unknown) => console.error('[watchfloor] saving before quit failed:', err))
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
  app.on('window-all-closed', () => app.quit())

  await app.whenReady()
  const userData = app.getPath('userData')
  registerIpc(ipcMain, createHandlers(session), trustedSender(() => win, entry))

  let settings = await readSettings(userData)
  const saveSettings = async (next: Settings) => {
    settings = next
    refreshMenu()
    // Losing the recent list is not worth interrupting the user for.
    await writeSettings(userData, next).catch((err: unknown) => console.warn('[watchfloor] could not save settings:', err))
  }

  const openWorkspace = async (dir: string, options: OpenOptions = {}): Promise<WorkspaceInfo> => {
    // Reopening the open workspace would take over its own lock and then release it on close.
    if (session.isOpen && session.info().path === resolve(dir)) return session.info()
    const info = await session.open(dir, isSampleDir(dir, userData) ? { ...options, create: { data: sampleWorkspace() } } : options)
    await saveSettings(withRecent(settings, info.path))
    return info
  }

  const switchTo = async (dir: string, options?: OpenOptions): Promise<WorkspaceInfo> => {
    const info = await openWorkspace(dir, options)
    if (win && !win.isDestroyed()) {
      win.setTitle(windowTitle(info.name))
      sendWorkspaceChanged(win.webContents)
    }
    return info
  }

  const actions = menuActions({
    window: () => win,
    switchTo,
    openSample: () => switchTo(sampleDir(userData)),
    clearRecent: () => saveSettings({ ...settings, recent: [] }),
    saveCopy: async (targetDir) => {
      const { store } = session.services
      await store.flush()
      return copyWorkspaceTo(store.file, targetDir)
    },
    version: app.getVersion(),
  })
  registerRequests(ipcMain, trustedSender(() => win, entry), { openWorkspace: () => actions.openWorkspace() })
  function refreshMenu(): void {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenu(actions, { recent: settings.recent, isPackaged: app.isPackaged, platform: process.platform })))
  }
  refreshMenu()

  const choice = startupWorkspace(settings, userData)
  let info: WorkspaceInfo | null = null
  try {
    info = await openWorkspace(choice.dir)
  } catch (err) {
    dialog.showErrorBox('Could not open the workspace', `${choice.dir}\n\n${messageOf(err)}\n\nThe sample workspace opens instead.`)
    if (!choice.sample) {
      try {
        info = await openWorkspace(sampleDir(userData))
      } catch (sampleErr) {
        dialog.showErrorBox('Could not open the sample workspace', messageOf(sampleErr))
      }
    }
  }

  win = createMainWindow({ preload: join(import.meta.dirname, '../preload/index.cjs'), entry, title: windowTitle(info?.name) })
  win.on('closed', () => {
    win = null
  })

  return { session, userData, window: () => win, settings: () => settings, actions }
}

/** Settles once the app is running (or has declined to start as a second instance). */
export const started: Promise<RunningApp | null> = startApp().catch((err: unknown) => {
  console.error('[watchfloor] startup failed:', err)
  dialog.showErrorBox('Watchfloor could not start', messageOf(err))
  app.exit(1)
  return null
})
