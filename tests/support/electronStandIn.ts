// A stand-in for the `electron` module: enough of app, BrowserWindow, ipcMain/ipcRenderer, contextBridge, Menu, dialog, shell, nativeTheme, session and safeStorage for the main-process wiring to run under vitest.
import { vi } from 'vitest'

type Call = (...args: unknown[]) => unknown

/** The stand-in: `electron` for the smoke tests, plus what they inspect (created windows, registered handlers, menus). */
export const fake = (() => {
  class Emitter {
    listeners = new Map<string, Call[]>()
    on(name: string, listener: Call) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      return this
    }
    once(name: string, listener: Call) {
      const wrapped: Call = (...args) => {
        this.removeListener(name, wrapped)
        return listener(...args)
      }
      return this.on(name, wrapped)
    }
    removeListener(name: string, listener: Call) {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener))
      return this
    }
    off(name: string, listener: Call) {
      return this.removeListener(name, listener)
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args)
      return true
    }
    count(name: string) {
      return (this.listeners.get(name) ?? []).length
    }
    removeAll() {
      this.listeners.clear()
    }
  }

  class FakeSession {
    permissionRequest: Call | null = null
    permissionCheck: Call | null = null
    headers: Call | null = null
    setPermissionRequestHandler(handler: Call) {
      this.permissionRequest = handler
    }
    setPermissionCheckHandler(handler: Call) {
      this.permissionCheck = handler
    }
    webRequest = {
      onHeadersReceived: (listener: Call) => {
        this.headers = listener
      },
    }
  }
  const defaultSession = new FakeSession()

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    userData: '',
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected app.getPath('${name}')`)
      return app.userData
    },
    getVersion: () => '0.1.0',
    getSystemLocale: () => 'de-DE',
  })

  class FakeFrame {
    constructor(
      public url: string,
      public parent: FakeFrame | null = null,
    ) {}
  }

  class FakeWebContents extends Emitter {
    url = ''
    mainFrame = new FakeFrame('')
    session = defaultSession
    sent: string[] = []
    openHandler: ((details: { url: string; disposition: string }) => { action: string }) | null = null
    setWindowOpenHandler(handler: (details: { url: string; disposition: string }) => { action: string }) {
      this.openHandler = handler
    }
    send(channel: string) {
      this.sent.push(channel)
    }
    isDestroyed() {
      return false
    }
    getURL() {
      return this.url
    }
    navigateTo(url: string) {
      this.url = url
      this.mainFrame.url = url
    }
  }

  class BrowserWindow extends Emitter {
    static created: BrowserWindow[] = []
    webContents = new FakeWebContents()
    title: string
    shown = false
    constructor(public options: { title: string; show?: boolean; webPreferences: Record<string, unknown> }) {
      super()
      this.title = options.title
      BrowserWindow.created.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    loadFile(path: string) {
      this.webContents.navigateTo(new URL(`file://${path}`).href)
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.webContents.navigateTo(url)
      return Promise.resolve()
    }
    show() {
      this.shown = true
    }
    setTitle(title: string) {
      this.title = title
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    restore() {}
    focus() {}
  }

  const handlers = new Map<string, Call>()
  const requests = new Map<string, Call>()
  const ipcMain = {
    handle: (channel: string, handler: Call) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    },
    on: (channel: string, listener: Call) => {
      requests.set(channel, listener)
    },
  }
  // The renderer side of a round trip: calls arrive from the main frame of the first window.
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async (channel: string, input: unknown) => {
      const win = BrowserWindow.created[BrowserWindow.created.length - 1]
      const handler = handlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      return structuredClone(await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, structuredClone(input)))
    }),
    send: vi.fn((channel: string) => {
      const win = BrowserWindow.created[BrowserWindow.created.length - 1]
      requests.get(channel)?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame })
    }),
  })
  const exposed: Record<string, unknown> = {}
  const menus: { template: unknown[] }[] = []

  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => menus.push(menu),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showMessageBoxSync: vi.fn(() => 1),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    nativeTheme: { shouldUseDarkColors: true },
    session: { defaultSession },
    // Seals by reversing and base64-encoding: enough to tell a sealed secret from a plain one.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (value: string) => Buffer.from(`sealed:${[...value].reverse().join('')}`),
      decryptString: (sealed: Buffer) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
    },
  }
  return { electron, app, BrowserWindow, FakeFrame, handlers, requests, exposed, menus, defaultSession, ipcRenderer }
})()
