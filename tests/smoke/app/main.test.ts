// Drives the real main-process wiring (main.ts, security, IPC, menu, preload) against a stand-in 'electron' module and a temp userData folder.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../../shared/bridge'
import { CHANNEL_NAMES } from '../../../shared/channels'
import type { WorkspaceInfo } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { WorkspaceSchema } from '../../../shared/workspace'
import type { RunningApp } from '../../../electron/app/main'
import { fake } from '../../support/electronStandIn'

vi.mock('electron', async () => {
  const { fake } = await import('../../support/electronStandIn')
  return { default: fake.electron, ...fake.electron }
})

interface MenuItem {
  label?: string
  role?: string
  submenu?: MenuItem[]
  enabled?: boolean
  click?: () => void
}

const SAMPLE_NAME = 'Sample workspace — state-linked cyber operations'
let userData: string
let running: RunningApp

const win = () => fake.BrowserWindow.created[fake.BrowserWindow.created.length - 1]
const menu = () => fake.menus[fake.menus.length - 1].template as MenuItem[]
const fileMenu = () => menu().find((m) => m.label === 'File')?.submenu ?? []
const item = (items: MenuItem[], label: string) => {
  const found = items.find((i) => i.label === label)
  if (!found) throw new Error(`No menu item ${label}`)
  return found
}
const handler = (channel: string) => fake.handlers.get(channel) as (event: unknown, input?: unknown) => Promise<Result<unknown>>
const trustedEvent = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame })
const sampleFile = () => join(userData, 'Sample workspace', 'workspace.json')
const chooseFolderNext = (dir: string) =>
  fake.electron.dialog.showOpenDialog.mockImplementationOnce(async () => ({ canceled: false, filePaths: [dir] }))

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'watchfloor-smoke-'))
  fake.app.userData = userData
  // Set in the environment, but this is not `npm run dev`: the app must load its built page anyway.
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:9/')
  const main = await import('../../../electron/app/main')
  const result = await main.started
  if (!result) throw new Error('the app did not start')
  running = result
})

afterAll(async () => {
  await running?.session.close()
  await rm(userData, { recursive: true, force: true })
})

describe('startup', () => {
  it('takes the single-instance lock and forces the sandbox', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(fake.app.enableSandbox).toHaveBeenCalled()
    expect(fake.app.count('second-instance')).toBe(1)
  })

  it('materialises the sample workspace under userData on first run and opens it', async () => {
    const data = WorkspaceSchema.parse(JSON.parse(await readFile(sampleFile(), 'utf8')))
    expect(data.name).toBe(SAMPLE_NAME)
    expect(running.session.info().path).toBe(join(userData, 'Sample workspace'))
    const settings = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))
    expect(settings.recent).toEqual([join(userData, 'Sample workspace')])
  })

  it('opens one hardened window titled with the workspace, shown when ready', () => {
    expect(fake.BrowserWindow.created).toHaveLength(1)
    const { options } = win()
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    })
    expect(String(options.webPreferences.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/)
    // The page writes dates in the system's regional format, which it learns from this argument.
    expect(options.webPreferences.additionalArguments).toEqual(['--watchfloor-locale=de-DE'])
    expect(win().title).toBe(`Watchfloor — ${SAMPLE_NAME}`)
    expect(options.show).toBe(false)
    win().emit('ready-to-show')
    expect(win().shown).toBe(true)
    expect(win().webContents.url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
  })

  it('ignores ELECTRON_RENDERER_URL without the dev flag, turns auxclick off and loads the built page', () => {
    expect(process.env.ELECTRON_RENDERER_URL).toBe('http://127.0.0.1:9/')
    expect(win().options.webPreferences).toMatchObject({ disableBlinkFeatures: 'Auxclick' })
    expect(win().webContents.url).toMatch(/^file:/)
  })

  it('keeps the workspace title when the page sets its own <title>', () => {
    const event = { preventDefault: vi.fn() }
    win().emit('page-title-updated', event, 'Vite App', true)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('IPC', () => {
  it('registers a handler for every channel of the contract', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('answers the trusted main frame', async () => {
    const result = (await handler('workspace:info')(trustedEvent(), undefined)) as Result<WorkspaceInfo>
    expect(result.ok && result.value.name).toBe(SAMPLE_NAME)
  })

  it('keeps a sharing password sealed by the keychain in the app’s data folder, never in the workspace nor the answer', async () => {
    const saved = (await handler('sharing:save')(trustedEvent(), { name: 'Team', server: 'https://cti.example.org/taxii2/', auth: 'basic', user: 'analyst', secret: 'keychain-pass-42' })) as Result<{ savedCredentials: boolean }>
    expect(saved.ok && saved.value.savedCredentials).toBe(true)
    expect(JSON.stringify(saved)).not.toContain('keychain-pass-42')
    const sealed = await readFile(join(userData, 'secrets.keychain.json'), 'utf8')
    expect(sealed).not.toContain('keychain-pass-42')
    expect(Buffer.from(Object.values(JSON.parse(sealed) as Record<string, string>)[0], 'base64').toString()).toBe('sealed:24-ssap-niahcyek')
    const list = (await handler('sharing:list')(trustedEvent(), undefined)) as Result<{ secretStore: string }>
    expect(list.ok && list.value.secretStore).toMatch(/keychain/)
    expect(await readFile(join(running.session.info().path, 'sharing.json'), 'utf8')).not.toContain('keychain-pass-42')
  })

  it('refuses foreign senders and leaves the store file untouched', async () => {
    const before = await readFile(sampleFile(), 'utf8')
    const id = WorkspaceSchema.parse(JSON.parse(before)).incidents[0].id
    const mainFrame = win().webContents.mainFrame
    const foreign = [
      { sender: win().webContents, senderFrame: new fake.FakeFrame('https://evil.example/') },
      { sender: win().webContents, senderFrame: new fake.FakeFrame(mainFrame.url, mainFrame) },
      { sender: win().webContents, senderFrame: null },
      { sender: {}, senderFrame: new fake.FakeFrame(mainFrame.url) },
    ]
    for (const event of foreign) {
      const result = await handler('incidents:delete')(event, { id })
      expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Call refused: unknown sender' } })
    }
    await running.session.services.store.flush()
    expect(await readFile(sampleFile(), 'utf8')).toBe(before)

    const trusted = (await handler('incidents:delete')(trustedEvent(), { id })) as Result<{ id: string }>
    expect(trusted.ok && trusted.value.id).toBe(id)
    await running.session.services.store.flush()
    const after = WorkspaceSchema.parse(JSON.parse(await readFile(sampleFile(), 'utf8')))
    expect(after.incidents.some((i) => i.id === id)).toBe(false)
  })

  it('parses input before any handler runs', async () => {
    const result = await handler('incidents:delete')(trustedEvent(), { id: 42 })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('invalid-input')
  })
})

describe('security', () => {
  it('denies every window.open and sends clicked http(s) links to the OS browser', () => {
    const open = win().webContents.openHandler!
    expect(open({ url: 'https://evil.example/', disposition: 'new-window' })).toEqual({ action: 'deny' })
    expect(open({ url: 'file:///etc/passwd', disposition: 'foreground-tab' })).toEqual({ action: 'deny' })
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled()
    expect(open({ url: 'https://www.example.org/report', disposition: 'foreground-tab' })).toEqual({ action: 'deny' })
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://www.example.org/report')
  })

  it('sends a middle-clicked http(s) link (a background tab) to the OS browser like a click', () => {
    const open = win().webContents.openHandler!
    expect(open({ url: 'https://www.example.org/middle', disposition: 'background-tab' })).toEqual({ action: 'deny' })
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://www.example.org/middle')
  })

  it('denies frame navigations: the main frame away from the app, a subframe anywhere but its own document', () => {
    const navigate = (url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() }
      win().webContents.emit('will-frame-navigate', event)
      return event.preventDefault.mock.calls.length === 0
    }
    expect(navigate('https://evil.example/', true)).toBe(false)
    expect(navigate(win().webContents.url + '#/map', true)).toBe(true)
    expect(navigate('about:srcdoc', false)).toBe(true)
    expect(navigate('https://evil.example/', false)).toBe(false)
    expect(navigate('javascript:alert(1)', false)).toBe(false)
    expect(navigate(win().webContents.url, false)).toBe(false)
  })

  it('prevents navigation and redirects away from the app page', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() }
      win().webContents.emit(name, away)
      expect(away.preventDefault).toHaveBeenCalled()
      const home = { url: win().webContents.url + '#/map', preventDefault: vi.fn() }
      win().webContents.emit(name, home)
      expect(home.preventDefault).not.toHaveBeenCalled()
    }
  })

  it('asks before a page with unsaved edits is closed, and closes only on "Discard changes"', () => {
    const keep = { preventDefault: vi.fn() }
    fake.electron.dialog.showMessageBoxSync.mockReturnValueOnce(1)
    win().webContents.emit('will-prevent-unload', keep)
    expect(keep.preventDefault).not.toHaveBeenCalled()
    const discard = { preventDefault: vi.fn() }
    fake.electron.dialog.showMessageBoxSync.mockReturnValueOnce(0)
    win().webContents.emit('will-prevent-unload', discard)
    expect(discard.preventDefault).toHaveBeenCalled()
    expect(fake.electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(win(), expect.objectContaining({ message: 'Discard unsaved changes?' }))
  })

  it('refuses to attach webviews', () => {
    const event = { preventDefault: vi.fn() }
    win().webContents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies permission requests and checks by default', () => {
    const { permissionRequest, permissionCheck } = fake.defaultSession
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn()
      permissionRequest!(win().webContents, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(permissionCheck!(win().webContents, permission, 'file://', {})).toBe(false)
    }
  })

  it('adds a CSP header that names no remote origin', () => {
    const callback = vi.fn()
    fake.defaultSession.headers!({ url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    const { responseHeaders } = callback.mock.calls[0][0] as { responseHeaders: Record<string, string[]> }
    expect(responseHeaders['Content-Type']).toEqual(['text/html'])
    const [csp] = responseHeaders['Content-Security-Policy']
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/)
  })
})

describe('menu', () => {
  it('offers the workspace actions under File', () => {
    const labels = fileMenu().map((i) => i.label ?? i.role)
    expect(labels).toEqual(expect.arrayContaining(['New workspace…', 'Open workspace…', 'Open recent', 'Open sample workspace', 'Save a copy as…', 'quit']))
    expect(menu().map((m) => m.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']))
    const view = item(menu(), 'View').submenu!.map((i) => i.role)
    expect(view).toContain('toggleDevTools')
  })

  it('New from article… asks the page to open its intake screen', () => {
    item(fileMenu(), 'New from article…').click!()
    expect(win().webContents.sent.at(-1)).toBe('menu:newFromArticle')
  })

  it('New workspace… creates one in the chosen folder, remembers it, retitles the window and tells the page', async () => {
    const dir = join(userData, 'Ops 2026')
    chooseFolderNext(dir)
    item(fileMenu(), 'New workspace…').click!()
    await vi.waitFor(() => expect(win().webContents.sent).toContain('workspace:changed'))
    expect(running.session.info().name).toBe(basename(dir))
    expect(win().title).toBe('Watchfloor — Ops 2026')
    expect(running.settings().recent[0]).toBe(dir)
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).recent[0]).toBe(dir)
    expect(item(fileMenu(), 'Open recent').submenu!.map((i) => i.label)).toContain(dir)
    // The previous workspace was closed, so its lock is gone.
    expect(existsSync(join(userData, 'Sample workspace', '.watchfloor.lock'))).toBe(false)
  })

  it('New workspace… refuses a folder that already holds a workspace', async () => {
    chooseFolderNext(join(userData, 'Sample workspace'))
    item(fileMenu(), 'New workspace…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.electron.dialog.showErrorBox.mock.calls.at(-1)![1]).toMatch(/already holds a workspace/)
    expect(running.session.info().name).toBe('Ops 2026')
  })

  it('Open workspace… shows the store’s message for a folder without workspace.json', async () => {
    const empty = join(userData, 'empty')
    await mkdir(empty)
    fake.electron.dialog.showErrorBox.mockClear()
    chooseFolderNext(empty)
    item(fileMenu(), 'Open workspace…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toMatch(/No workspace in/)
  })

  it('Save a copy as… writes a valid workspace.json and refuses to overwrite one', async () => {
    const target = join(userData, 'copy')
    chooseFolderNext(target)
    item(fileMenu(), 'Save a copy as…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalled())
    const copy = WorkspaceSchema.parse(JSON.parse(await readFile(join(target, 'workspace.json'), 'utf8')))
    expect(copy.name).toBe('Ops 2026')

    fake.electron.dialog.showErrorBox.mockClear()
    chooseFolderNext(target)
    item(fileMenu(), 'Save a copy as…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toMatch(/already holds a workspace/)
  })

  it('Open sample workspace switches back and Clear Recent empties the list', async () => {
    const sent = win().webContents.sent.length
    item(fileMenu(), 'Open sample workspace').click!()
    await vi.waitFor(() => expect(win().webContents.sent.length).toBe(sent + 1))
    expect(running.session.info().name).toBe(SAMPLE_NAME)
    expect(running.settings().recent[0]).toBe(join(userData, 'Sample workspace'))

    item(item(fileMenu(), 'Open recent').submenu!, 'Clear Recent').click!()
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).recent).toEqual([]))
    expect(item(fileMenu(), 'Open recent').submenu![0]).toMatchObject({ label: 'No recent workspaces', enabled: false })
  })
})

describe('preload', () => {
  let bridge: Bridge

  beforeAll(async () => {
    // What Electron appends to a sandboxed renderer's argv from the window's additionalArguments.
    process.argv.push(...(win().options.webPreferences.additionalArguments as string[]))
    await import('../../../electron/preload/index')
    bridge = fake.exposed.workbench as Bridge
  })

  it('exposes only workbench.invoke, workbench.onWorkspaceChanged, workbench.onNewFromArticle, workbench.openWorkspace and the system locale', () => {
    expect(Object.keys(fake.exposed)).toEqual(['workbench'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'locale', 'onNewFromArticle', 'onWorkspaceChanged', 'openWorkspace'])
    expect(bridge.locale).toBe('de-DE')
  })

  it('shows the Open workspace dialog when the page asks, and ignores the request from anywhere else', async () => {
    fake.electron.dialog.showOpenDialog.mockClear()
    bridge.openWorkspace!()
    await vi.waitFor(() => expect(fake.electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1))
    expect(fake.electron.dialog.showOpenDialog.mock.calls[0].at(-1)).toMatchObject({ title: 'Open workspace' })
    const other = new fake.FakeFrame('https://evil.example/', null)
    fake.requests.get('menu:openWorkspace')!({ sender: win().webContents, senderFrame: other })
    await new Promise((done) => setTimeout(done, 50))
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1)
  })

  it('refuses a non-channel without reaching IPC', async () => {
    fake.ipcRenderer.invoke.mockClear()
    const result = await bridge.invoke('shell:openExternal' as never, 'file:///etc/passwd')
    expect(result.ok).toBe(false)
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('reaches the handlers through IPC from the app page', async () => {
    const result = (await bridge.invoke('workspace:info', undefined)) as Result<WorkspaceInfo>
    expect(result.ok && result.value.name).toBe(SAMPLE_NAME)
  })

  it('relays workspace changes without the IPC event, until unsubscribed', () => {
    const listener = vi.fn()
    const unsubscribe = bridge.onWorkspaceChanged(listener)
    fake.ipcRenderer.emit('workspace:changed', { sender: 'ipcRenderer' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]).toEqual([])
    unsubscribe()
    fake.ipcRenderer.emit('workspace:changed', {})
    expect(listener).toHaveBeenCalledTimes(1)
  })
})

describe('quitting', () => {
  it('holds the quit until pending saves are flushed and the lock released, once', async () => {
    const lock = join(userData, 'Sample workspace', '.watchfloor.lock')
    expect(existsSync(lock)).toBe(true)
    const event = { preventDefault: vi.fn() }
    fake.app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled())
    expect(existsSync(lock)).toBe(false)
    const again = { preventDefault: vi.fn() }
    fake.app.emit('before-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})

describe('a startup workspace that cannot be opened', () => {
  let secondData: string

  afterAll(async () => {
    await rm(secondData, { recursive: true, force: true })
  })

  it('shows the error and opens the sample instead', async () => {
    secondData = await mkdtemp(join(tmpdir(), 'watchfloor-smoke2-'))
    const gone = join(secondData, 'gone')
    await writeFile(join(secondData, 'settings.json'), JSON.stringify({ recent: [gone] }))
    fake.app.removeAll()
    fake.handlers.clear()
    fake.app.userData = secondData
    fake.electron.dialog.showErrorBox.mockClear()
    vi.resetModules()
    const main = await import('../../../electron/app/main')
    const second = await main.started
    expect(second).not.toBeNull()
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toContain(`No workspace in ${gone}`)
    expect(second!.session.info().name).toBe(SAMPLE_NAME)
    expect(win().title).toBe(`Watchfloor — ${SAMPLE_NAME}`)
    expect(second!.settings().recent).toEqual([join(secondData, 'Sample workspace'), gone])
    await second!.session.close()
  })
})
