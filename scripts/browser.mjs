// `npm run browser -- --workspace DIR [--port N] [--sample]`: builds when the build is missing or stale, then runs the browser host.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUTS = ['out/main/browserHost.js', 'out/renderer/index.html']
const SOURCES = ['electron', 'renderer', 'shared', 'electron.config.ts', 'package.json']

function newest(path) {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs)
}

const built = OUTPUTS.every((p) => existsSync(p)) ? Math.min(...OUTPUTS.map((p) => statSync(p).mtimeMs)) : 0
if (built < Math.max(...SOURCES.filter((p) => existsSync(p)).map(newest))) {
  console.error('Building Watchfloor…')
  const build = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const host = spawn(process.execPath, ['out/main/browserHost.js', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 1))
