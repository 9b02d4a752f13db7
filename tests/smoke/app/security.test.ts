// Security: window.open, navigation, webviews, permissions, the unload prompt and the CSP header, as wired by the running app.
import { describe, expect, it, vi } from 'vitest'
import { fake, useSmokeApp, win } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))

useSmokeApp()

describe('security', () => {
  it('denies every window.open and sends clicked http(s) links to the OS browser', () => {
    fake.electron.shell.openExternal.mockClear()
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
