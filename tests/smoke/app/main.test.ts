// Drives the real main-process wiring (main.ts, security, IPC, menu, preload) against a stand-in 'electron' module and a temp userData folder.
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../../shared/bridge'
import type { WorkspaceInfo } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import type { RunningApp } from '../../../electron/app/main'
import { fake } from '../../support/electronStandIn'

vi.mock('electron', async () => {
  const { fake } = await import('../../support/electronStandIn')
  return { default: fake.electron, ...fake.electron }
})

const SAMPLE_NAME = 'Sample workspace — state-linked cyber operations'
let userData: string
let running: RunningApp

const win = () => fake.BrowserWindow.created[fake.BrowserWindow.created.length - 1]

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
