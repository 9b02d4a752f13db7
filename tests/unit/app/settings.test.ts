import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_RECENT, readSettings, sampleDir, SETTINGS_FILE, startupWorkspace, withRecent, writeSettings } from '../../../electron/app/settings'
import { DEV_FLAG, developmentRendererUrl, isAppUrl, isWebUrl, rendererEntry, windowTitle } from '../../../electron/app/pages'
import { copyWorkspaceTo, ensureNewWorkspaceFolder } from '../../../electron/core/store/workspaceFolder'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { WorkspaceSchema } from '../../../shared/workspace'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watchfloor-appstate-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('recent list', () => {
  it('puts the newest first and keeps each folder once', () => {
    let settings = { recent: [] as string[] }
    settings = withRecent(settings, '/ws/a')
    settings = withRecent(settings, '/ws/b')
    settings = withRecent(settings, '/ws/a/')
    expect(settings.recent).toEqual(['/ws/a', '/ws/b'])
  })

  it(`keeps at most ${MAX_RECENT} folders, dropping the oldest`, () => {
    let settings = { recent: [] as string[] }
    for (let n = 1; n <= 12; n++) settings = withRecent(settings, `/ws/${n}`)
    expect(settings.recent).toHaveLength(MAX_RECENT)
    expect(settings.recent[0]).toBe('/ws/12')
    expect(settings.recent).not.toContain('/ws/2')
  })
})

describe('settings file', () => {
  it('round-trips through settings.json without leaving a temp file', async () => {
    await writeSettings(dir, { recent: ['/ws/one', '/ws/two'] })
    expect(await readSettings(dir)).toEqual({ recent: ['/ws/one', '/ws/two'] })
    expect(await readdir(dir)).toEqual([SETTINGS_FILE])
  })

  it('creates the userData folder when missing', async () => {
    const nested = join(dir, 'not', 'yet')
    await writeSettings(nested, { recent: ['/ws/one'] })
    expect(JSON.parse(await readFile(join(nested, SETTINGS_FILE), 'utf8'))).toEqual({ recent: ['/ws/one'] })
  })

  it('ignores a missing, damaged or malformed file', async () => {
    expect(await readSettings(dir)).toEqual({ recent: [] })
    await writeFile(join(dir, SETTINGS_FILE), '{"recent": ["/ws/a", ')
    expect(await readSettings(dir)).toEqual({ recent: [] })
    await writeFile(join(dir, SETTINGS_FILE), '{"recent": "/ws/a"}')
    expect(await readSettings(dir)).toEqual({ recent: [] })
  })

  it('drops entries that are not absolute folder paths and trims to the maximum', async () => {
    const many = Array.from({ length: 15 }, (_, n) => `/ws/${n}`)
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ recent: [42, 'relative/ws', '/ws/0', ...many] }))
    const { recent } = await readSettings(dir)
    expect(recent).toHaveLength(MAX_RECENT)
    expect(recent[0]).toBe('/ws/0')
    expect(recent.filter((r) => r === '/ws/0')).toHaveLength(1)
  })
})

describe('startup workspace', () => {
  it('opens the sample under userData on first run', () => {
    expect(startupWorkspace({ recent: [] }, dir)).toEqual({ dir: join(dir, 'Sample workspace'), sample: true })
  })

  it('opens the last opened workspace otherwise', () => {
    expect(startupWorkspace({ recent: ['/ws/last', '/ws/older'] }, dir)).toEqual({ dir: '/ws/last', sample: false })
  })

  it('knows when the last opened one is the sample', () => {
    expect(startupWorkspace({ recent: [sampleDir(dir)] }, dir).sample).toBe(true)
  })

  it('titles the window with the workspace name', () => {
    expect(windowTitle('Ops 2026')).toBe('Watchfloor — Ops 2026')
    expect(windowTitle(null)).toBe('Watchfloor')
  })
})

describe('app URLs', () => {
  const fileEntry = rendererEntry('/app/out/main')
  const devEntry = rendererEntry('/app/out/main', 'http://localhost:5173/')

  it('trusts only the built index.html, whatever its hash', () => {
    expect(fileEntry).toEqual({ kind: 'file', path: '/app/out/renderer/index.html' })
    expect(isAppUrl(pathToFileURL('/app/out/renderer/index.html').href + '#/map', fileEntry)).toBe(true)
    expect(isAppUrl('file:///app/out/renderer/other.html', fileEntry)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', fileEntry)).toBe(false)
    expect(isAppUrl('https://evil.example/', fileEntry)).toBe(false)
    expect(isAppUrl('not a url', fileEntry)).toBe(false)
  })

  it('honours ELECTRON_RENDERER_URL only for an unpackaged app started with the dev flag, and only on loopback http', () => {
    const argv = ['electron', '.', DEV_FLAG]
    expect(developmentRendererUrl(false, argv, 'http://localhost:5173/')).toBe('http://localhost:5173/')
    expect(developmentRendererUrl(false, argv, 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/')
    // npm start (no flag), a packaged app, or a foreign or non-http address: the built page.
    expect(developmentRendererUrl(false, ['electron', '.'], 'http://localhost:5173/')).toBeUndefined()
    expect(developmentRendererUrl(true, argv, 'http://localhost:5173/')).toBeUndefined()
    for (const url of ['https://evil.example/', 'http://evil.example:5173/', 'file:///tmp/page.html', 'javascript:alert(1)', 'not a url', '']) {
      expect(developmentRendererUrl(false, argv, url), url).toBeUndefined()
    }
    expect(developmentRendererUrl(false, argv, undefined)).toBeUndefined()
  })

  it('trusts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/incidents', devEntry)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false)
    expect(isAppUrl('file:///app/out/renderer/index.html', devEntry)).toBe(false)
  })

  it('hands only http(s) links to the OS browser', () => {
    expect(isWebUrl('https://example.org/report')).toBe(true)
    expect(isWebUrl('http://example.org/')).toBe(true)
    expect(isWebUrl('file:///etc/passwd')).toBe(false)
    expect(isWebUrl('javascript:alert(1)')).toBe(false)
    expect(isWebUrl('smb://host/share')).toBe(false)
  })
})

describe('new workspace folder', () => {
  it('accepts a missing or empty folder (hidden files aside)', async () => {
    await expect(ensureNewWorkspaceFolder(join(dir, 'missing'))).resolves.toBeUndefined()
    await writeFile(join(dir, '.DS_Store'), '')
    await expect(ensureNewWorkspaceFolder(dir)).resolves.toBeUndefined()
  })

  it('refuses a folder that holds a workspace or other files', async () => {
    await writeFile(join(dir, 'notes.txt'), 'x')
    await expect(ensureNewWorkspaceFolder(dir)).rejects.toThrow(/not empty/)
    await writeFile(join(dir, 'workspace.json'), '{}')
    await expect(ensureNewWorkspaceFolder(dir)).rejects.toThrow(/already holds a workspace/)
  })
})

describe('save a copy', () => {
  async function source(): Promise<string> {
    const file = join(dir, 'source', 'workspace.json')
    await mkdir(join(dir, 'source'))
    await writeFile(file, JSON.stringify(sampleWorkspace(), null, 2))
    return file
  }

  it('writes a workspace.json that validates and matches the source', async () => {
    const file = await source()
    const copy = await copyWorkspaceTo(file, join(dir, 'copies', 'first'))
    expect(copy).toBe(join(dir, 'copies', 'first', 'workspace.json'))
    const text = await readFile(copy, 'utf8')
    expect(text).toBe(await readFile(file, 'utf8'))
    const parsed = WorkspaceSchema.parse(JSON.parse(text))
    expect(parsed.incidents.length).toBe(sampleWorkspace().incidents.length)
  })

  it('refuses a folder that already holds a workspace.json and leaves it as it was', async () => {
    const file = await source()
    const target = join(dir, 'taken')
    await mkdir(target)
    await writeFile(join(target, 'workspace.json'), '{"keep":"me"}')
    await expect(copyWorkspaceTo(file, target)).rejects.toThrow(/already holds a workspace/)
    expect(await readFile(join(target, 'workspace.json'), 'utf8')).toBe('{"keep":"me"}')
  })

  it('refuses to copy a workspace file that does not validate', async () => {
    const file = join(dir, 'workspace.json')
    await writeFile(file, '{"schemaVersion": 1, "name": ')
    await expect(copyWorkspaceTo(file, join(dir, 'copy'))).rejects.toThrow(/does not validate/)
    await expect(readdir(join(dir, 'copy'))).rejects.toThrow()
  })
})
