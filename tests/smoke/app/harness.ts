// Shared set-up for the smoke tests: starts the real main-process wiring against the stand-in 'electron' in a temp userData folder, plus helpers to reach its window, menu and IPC handlers.
// Each test file must itself declare, at its top level (vitest hoists it there, and only in test files):
//   vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, vi } from 'vitest'
import type { Result } from '../../../shared/result'
import type { RunningApp } from '../../../electron/app/main'
import { fake } from '../../support/electronStandIn'

// Re-exported with `export … from`: a plain `export { fake }` of the imported binding read as undefined in the test files.
export { fake } from '../../support/electronStandIn'

/** What the test file's `vi.mock('electron', …)` factory returns: the stand-in as both default and named exports. */
export const electronModule = () => ({ default: fake.electron, ...fake.electron })

export interface MenuItem {
  label?: string
  role?: string
  submenu?: MenuItem[]
  enabled?: boolean
  click?: () => void
}

export const SAMPLE_NAME = 'Sample workspace — state-linked cyber operations'

export const win = () => fake.BrowserWindow.created[fake.BrowserWindow.created.length - 1]
export const menu = () => fake.menus[fake.menus.length - 1].template as MenuItem[]
export const fileMenu = () => menu().find((m) => m.label === 'File')?.submenu ?? []
export const item = (items: MenuItem[], label: string) => {
  const found = items.find((i) => i.label === label)
  if (!found) throw new Error(`No menu item ${label}`)
  return found
}
export const handler = (channel: string) => fake.handlers.get(channel) as (event: unknown, input?: unknown) => Promise<Result<unknown>>
export const trustedEvent = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame })
export const chooseFolderNext = (dir: string) =>
  fake.electron.dialog.showOpenDialog.mockImplementationOnce(async () => ({ canceled: false, filePaths: [dir] }))

/** The app a test file started; read its fields inside tests and hooks, once `beforeAll` has run. */
export interface SmokeApp {
  /** The temp folder standing in for Electron's userData. */
  readonly userData: string
  /** What `started` settled with: null when the app declined to start. */
  readonly started: RunningApp | null
  /** The running app; throws when it did not start. */
  readonly running: RunningApp
  /** The sample workspace's store file under userData. */
  sampleFile(): string
}

export interface SmokeAppOptions {
  /** Runs on the empty userData folder before the app starts (e.g. to leave a settings.json there). */
  prepare?: (userData: string) => Promise<void>
}

/**
 * Starts the app once for the calling test file, in a fresh temp userData folder, and closes it after the file's tests.
 * Every test file runs in its own module registry, so each gets its own stand-in, window, handlers and workspace.
 */
export function useSmokeApp(options: SmokeAppOptions = {}): SmokeApp {
  let userData: string | undefined
  let started: RunningApp | null | undefined

  beforeAll(async () => {
    const electron = (await import('electron').catch(() => null)) as unknown as { app?: unknown } | null
    if (electron?.app !== fake.app) throw new Error("Declare vi.mock('electron', () => import('./harness').then((h) => h.electronModule())) at the top of the test file")
    userData = await mkdtemp(join(tmpdir(), 'watchfloor-smoke-'))
    await options.prepare?.(userData)
    fake.app.userData = userData
    // Set in the environment, but this is not `npm run dev`: the app must load its built page anyway.
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:9/')
    const main = await import('../../../electron/app/main')
    started = await main.started
  })

  afterAll(async () => {
    await started?.session.close()
    vi.unstubAllEnvs()
    if (userData) await rm(userData, { recursive: true, force: true })
  })

  return {
    get userData() {
      if (userData === undefined) throw new Error('the app has not been started yet (read this inside a test or hook)')
      return userData
    },
    get started() {
      if (started === undefined) throw new Error('the app has not been started yet (read this inside a test or hook)')
      return started
    },
    get running() {
      if (!this.started) throw new Error('the app did not start')
      return this.started
    },
    sampleFile() {
      return join(this.userData, 'Sample workspace', 'workspace.json')
    },
  }
}
