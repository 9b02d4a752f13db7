// Startup: the single-instance lock, the sample workspace on first run, and one hardened window loading the built page.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { WorkspaceSchema } from '../../../shared/workspace'
import { fake, SAMPLE_NAME, useSmokeApp, win } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))

const app = useSmokeApp()

describe('startup', () => {
  it('takes the single-instance lock and forces the sandbox', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(fake.app.enableSandbox).toHaveBeenCalled()
    expect(fake.app.count('second-instance')).toBe(1)
  })

  it('materialises the sample workspace under userData on first run and opens it', async () => {
    const data = WorkspaceSchema.parse(JSON.parse(await readFile(app.sampleFile(), 'utf8')))
    expect(data.name).toBe(SAMPLE_NAME)
    expect(app.running.session.info().path).toBe(join(app.userData, 'Sample workspace'))
    const settings = JSON.parse(await readFile(join(app.userData, 'settings.json'), 'utf8'))
    expect(settings.recent).toEqual([join(app.userData, 'Sample workspace')])
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
