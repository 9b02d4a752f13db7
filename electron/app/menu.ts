// The application menu: File actions with their dialogs (new, open, recent, sample, save a copy) and the standard Edit, View, Window and Help menus.
import { basename } from 'node:path'
import { dialog, type BrowserWindow, type MenuItemConstructorOptions, type OpenDialogOptions } from 'electron'
import { EVENTS } from '../../shared/channels'
import type { WorkspaceInfo } from '../../shared/contract'
import { messageOf } from '../../shared/result'
import { ensureNewWorkspaceFolder } from '../core/store/workspaceFolder'
import type { OpenOptions } from '../core/store/WorkspaceStore'

/** What the menu can ask of the app; main.ts implements it. */
export interface MenuHost {
  window(): BrowserWindow | null
  /** Opens `dir` in place of the current workspace, then updates the recent list, title and page. */
  switchTo(dir: string, options?: OpenOptions): Promise<WorkspaceInfo>
  openSample(): Promise<WorkspaceInfo>
  clearRecent(): Promise<void>
  /** Flushes pending saves and copies workspace.json into `targetDir`; returns the copy's path. */
  saveCopy(targetDir: string): Promise<string>
  version: string
}

export interface MenuActions {
  newWorkspace(): void
  openWorkspace(): void
  openRecent(dir: string): void
  clearRecent(): void
  openSample(): void
  saveCopy(): void
  newFromArticle(): void
  about(): void
}

export interface MenuState {
  recent: readonly string[]
  isPackaged: boolean
  platform: NodeJS.Platform
}

/** Menu actions over `host`; every failure ends in a native error box with the error's own message. */
export function menuActions(host: MenuHost): MenuActions {
  const run = (title: string, work: () => Promise<unknown>) => {
    work().catch((err: unknown) => dialog.showErrorBox(title, messageOf(err)))
  }
  const chooseFolder = async (options: OpenDialogOptions): Promise<string | null> => {
    const win = host.window()
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
  const info = async (message: string, detail: string) => {
    const win = host.window()
    const options = { type: 'info' as const, title: 'Watchfloor', message, detail, buttons: ['OK'] }
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
  }

  return {
    newWorkspace: () =>
      run('Could not create the workspace', async () => {
        const dir = await chooseFolder({
          title: 'New workspace',
          message: 'Choose an empty folder, or create a new one, for the workspace',
          buttonLabel: 'Create workspace',
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        })
        if (!dir) return
        await ensureNewWorkspaceFolder(dir)
        await host.switchTo(dir, { create: { name: basename(dir) } })
      }),
    openWorkspace: () =>
      run('Could not open the workspace', async () => {
        const dir = await chooseFolder({
          title: 'Open workspace',
          message: 'Choose a folder that holds workspace.json',
          buttonLabel: 'Open workspace',
          properties: ['openDirectory'],
        })
        if (dir) await host.switchTo(dir)
      }),
    openRecent: (dir) => run('Could not open the workspace', () => host.switchTo(dir)),
    clearRecent: () => run('Could not clear the recent list', () => host.clearRecent()),
    openSample: () => run('Could not open the sample workspace', () => host.openSample()),
    saveCopy: () =>
      run('Could not save a copy', async () => {
        const dir = await chooseFolder({
          title: 'Save a copy as',
          message: 'Choose an empty folder, or create a new one, for the copy',
          buttonLabel: 'Save copy here',
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        })
        if (!dir) return
        const file = await host.saveCopy(dir)
        await info('Saved a copy of the workspace', file)
      }),
    // The window opens its article intake screen: paste text or choose a file there.
    newFromArticle: () => host.window()?.webContents.send(EVENTS.newFromArticle),
    about: () =>
      run('Watchfloor', () =>
        info(`Watchfloor ${host.version}`, 'Desktop workbench for analysts tracking state-linked cyber operations and their political fallout.'),
      ),
  }
}

function recentSubmenu(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = recent.length
    ? recent.map((dir) => ({ label: dir, click: () => actions.openRecent(dir) }))
    : [{ label: 'No recent workspaces', enabled: false }]
  return [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() }]
}

/** The menu template; rebuilt whenever the recent list changes. */
export function buildMenu(actions: MenuActions, state: MenuState): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      { label: 'Open recent', submenu: recentSubmenu(actions, state.recent) },
      { label: 'Open sample workspace', click: () => actions.openSample() },
      { label: 'Save a copy as…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
      { type: 'separator' },
      { label: 'New from article…', click: () => actions.newFromArticle() },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  return [
    // macOS puts the first menu under the app's name, so it gets the standard app menu.
    ...(state.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    file,
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    view,
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: 'Help', submenu: [{ label: 'About Watchfloor', click: () => actions.about() }] },
  ]
}
