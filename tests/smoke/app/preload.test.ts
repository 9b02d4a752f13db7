// The preload bridge, loaded as the sandboxed page would load it, talking to the running app's handlers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../../shared/bridge'
import type { WorkspaceInfo } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { fake, SAMPLE_NAME, useSmokeApp, win } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))

useSmokeApp()

describe('preload', () => {
  let bridge: Bridge
  const argv = [...process.argv]

  beforeAll(async () => {
    // What Electron appends to a sandboxed renderer's argv from the window's additionalArguments.
    process.argv.push(...(win().options.webPreferences.additionalArguments as string[]))
    await import('../../../electron/preload/index')
    bridge = fake.exposed.workbench as Bridge
  })

  afterAll(() => {
    process.argv.splice(0, process.argv.length, ...argv)
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
    // Wait for the app's word that it refused the request, not for time.
    const warn = vi.spyOn(console, 'warn')
    fake.requests.get('menu:openWorkspace')!({ sender: win().webContents, senderFrame: other })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[watchfloor] refused menu:openWorkspace from https://evil.example/'))
    warn.mockRestore()
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
