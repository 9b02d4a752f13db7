// Drives the real main-process wiring (main.ts, security, IPC, menu, preload) against a stand-in 'electron' module and a temp userData folder.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../../shared/bridge'
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

  // Five key derivations at the app's real scrypt costs (about 0.4 s each on an idle machine, several seconds under load).
  it('Encrypt workspace… asks the page for its dialog; the passphrase comes back over IPC, and reopening waits for it', { timeout: 120_000 }, async () => {
    const sent = win().webContents.sent.length
    item(fileMenu(), 'Encrypt workspace…').click!()
    expect(win().webContents.sent.slice(sent)).toEqual(['menu:encryption'])
    const encrypted = (await handler('workspace:encrypt')(trustedEvent(), { passphrase: 'smoke test passphrase' })) as Result<{ info: WorkspaceInfo }>
    expect(encrypted.ok && encrypted.value.info.encrypted).toBe(true)
    const dir = running.session.info().path
    expect((await readFile(join(dir, 'workspace.json'))).subarray(0, 7).toString('latin1')).toBe('WFCRYPT')

    // Reopening from the recent list holds it locked: no error box, the page is told, and asks for the passphrase.
    fake.electron.dialog.showErrorBox.mockClear()
    item(fileMenu(), 'Open sample workspace').click!()
    await vi.waitFor(() => expect(running.session.info().sample).toBe(true))
    item(item(fileMenu(), 'Open recent').submenu!, dir).click!()
    await vi.waitFor(() => expect(running.session.lockedDir).toBe(dir))
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled()
    expect((await handler('workspace:snapshot')(trustedEvent())) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect((await handler('workspace:unlock')(trustedEvent(), { passphrase: 'wrong passphrase' })) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'locked' } })
    const unlocked = (await handler('workspace:unlock')(trustedEvent(), { passphrase: 'smoke test passphrase' })) as Result<WorkspaceInfo>
    expect(unlocked.ok && unlocked.value.name).toBe('Ops 2026')
    const decrypted = (await handler('workspace:decrypt')(trustedEvent(), { current: 'smoke test passphrase' })) as Result<{ info: WorkspaceInfo }>
    expect(decrypted.ok && decrypted.value.info.encrypted).toBe(false)
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

  it('exposes only workbench.invoke, workbench.onWorkspaceChanged, workbench.onNewFromArticle, workbench.onEncryptionRequested, workbench.openWorkspace and the system locale', () => {
    expect(Object.keys(fake.exposed)).toEqual(['workbench'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'locale', 'onEncryptionRequested', 'onNewFromArticle', 'onWorkspaceChanged', 'openWorkspace'])
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

  it('relays the File menu’s encryption dialogs by name only, until unsubscribed', () => {
    const listener = vi.fn()
    const unsubscribe = bridge.onEncryptionRequested!(listener)
    fake.ipcRenderer.emit('menu:encryption', { sender: 'ipcRenderer' }, 'change')
    fake.ipcRenderer.emit('menu:encryption', {}, 'format-disk')
    expect(listener.mock.calls).toEqual([['change']])
    unsubscribe()
    fake.ipcRenderer.emit('menu:encryption', {}, 'encrypt')
    expect(listener).toHaveBeenCalledTimes(1)
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
