// The main window: hardened web preferences, a first paint in the system's theme, shown when ready, titled by the open workspace.
import { app, BrowserWindow, dialog, nativeTheme } from 'electron'
import type { RendererEntry } from './pages'

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string
  entry: RendererEntry
  title: string
}

export function createMainWindow({ preload, entry, title }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title,
    show: false,
    // The page's background in the system's theme (the page follows it unless the user chose one), so no other colour flashes first.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#11151b' : '#f6f7f9',
    webPreferences: {
      // Reviewed: the preload runs sandboxed and context-isolated and exposes only window.workbench (invoke over the contract's channels, onWorkspaceChanged), never ipcRenderer.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click fires no auxclick handler in the page; a link opened that way reaches the same window-open handler as a click (security.ts).
      disableBlinkFeatures: 'Auxclick',
      // Dates and times are written in the system's regional format, which only the main process can read.
      additionalArguments: [`--watchfloor-locale=${app.getSystemLocale()}`],
    },
  })
  win.once('ready-to-show', () => win.show())
  // The page refuses to unload while a form has unsaved edits; Electron would then silently keep
  // the window open, so ask the user, as a browser would.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Discard changes', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'Discard unsaved changes?',
      detail: 'The record you are editing has changes that are not saved. They will be lost.',
    })
    if (choice === 0) event.preventDefault()
  })
  // The page's <title> would otherwise replace the workspace name in the title bar.
  win.on('page-title-updated', (event) => event.preventDefault())
  const loading = entry.kind === 'url' ? win.loadURL(entry.url) : win.loadFile(entry.path)
  loading.catch((err: unknown) => console.error('[watchfloor] the window could not load the app:', err))
  return win
}
