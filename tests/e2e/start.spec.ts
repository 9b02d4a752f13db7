// `npm start` where Electron's binary cannot be had: one sentence saying why, no stack trace, and the browser host's address serving the app.
import { expect, test } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')

/** A port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Collects the script's output until `pattern` shows, or the script exits. */
function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<{ text: string; match: RegExpExecArray | null }> {
  return new Promise((resolve) => {
    let text = ''
    const look = (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const match = pattern.exec(text)
      if (match) resolve({ text, match })
    }
    child.stdout!.on('data', look)
    child.stderr!.on('data', look)
    child.on('exit', () => resolve({ text, match: null }))
  })
}

test('npm start without an Electron binary says why in one sentence and serves the app from the browser host', async ({ page }) => {
  const temp = await mkdtemp(join(tmpdir(), 'watchfloor-start-'))
  const port = await closedPort()
  // An empty Electron dist, an empty download cache and a mirror that refuses connections: the binary cannot be had.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: join(temp, 'no-electron'),
      electron_config_cache: join(temp, 'cache'),
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      XDG_CONFIG_HOME: join(temp, 'config'),
      DISPLAY: ':0',
    },
  })
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  try {
    const { text, match } = await waitForOutput(child, /Watchfloor browser host: (http:\/\/127\.0\.0\.1:\d+\/\S+)/)
    expect(match, text).not.toBeNull()
    const workspace = join(temp, 'config', 'watchfloor', 'Sample workspace')
    expect(text).toContain(`Electron’s binary could not be downloaded from 127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}), so Watchfloor runs in your browser instead, on ${workspace}: open the address below`)
    expect(text).not.toMatch(/^\s+at /m)
    expect(text).not.toMatch(/Error:/)
    expect(existsSync(join(workspace, 'workspace.json'))).toBe(true)

    await page.goto(match![1])
    await expect(page.locator('.app-head .brand')).toHaveText('Watchfloor')
    await expect(page.locator('.badge.sample').first()).toHaveText('Sample data')
    await expect(page.locator('.filter-count')).toHaveText('14 incidents')
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
    await exited
    await rm(temp, { recursive: true, force: true })
  }
  // The host stops cleanly on Ctrl+C / SIGTERM, and the script with it.
  expect(await exited).toBe(0)
})
