// Builds the app when out/ is missing or older than any source, so the hosts never serve a stale renderer.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUTS = ['out/main/browserHost.js', 'out/renderer/index.html']
const SOURCES = ['electron', 'renderer', 'shared', 'electron.config.ts', 'package.json']

function newest(path) {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs)
}

/** Runs `electron-vite build` when needed (its output to stderr only); returns false when the build failed. */
export function ensureBuild() {
  const built = OUTPUTS.every((p) => existsSync(p)) ? Math.min(...OUTPUTS.map((p) => statSync(p).mtimeMs)) : 0
  if (built >= Math.max(...SOURCES.filter((p) => existsSync(p)).map(newest))) return true
  console.error('Building Watchfloor…')
  const build = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' })
  return build.status === 0
}
