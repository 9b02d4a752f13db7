// `npm start` / `npm run dev`: the desktop app when Electron's binary is there (fetched by Electron's own installer when it
// is missing), else one sentence saying why and the browser host on the same workspace, in the foreground until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join } from 'node:path'
import { ensureBuild } from './lib/ensureBuild.mjs'

const mode = process.argv[2] === 'dev' ? 'dev' : 'preview'
/** Electron 45's installer (and its engines field) asks for this Node; the browser host and the CLI run on older ones. */
const INSTALLER_NODE = [22, 12]
/** The browser host's preferred port: a stable address keeps what the browser stores per address (the theme). */
const PREFERRED_PORT = 22342

/** What Electron names its executable on this platform (node_modules/electron/install.js names it the same way). */
function platformPath() {
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/** Where the Electron binary is (or would be): ELECTRON_EXEC_PATH, else the electron package's dist/ as electron itself resolves it. */
function electronBinary(electronDir) {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const pathFile = join(electronDir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformPath()
  return join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), name)
}

/** The first line of what a failed installer printed, without its error class: "fetch failed", "Response code 404 …". */
function firstLine(text) {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('at ')) ?? ''
  return line.replace(/^[A-Za-z]*Error:\s*/, '')
}

function nodeTooOld() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major < INSTALLER_NODE[0] || (major === INSTALLER_NODE[0] && minor < INSTALLER_NODE[1])
}

/** Makes sure Electron's binary is there; returns its path, or why it cannot be had. */
function ensureElectron() {
  let electronDir
  try {
    electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { why: 'the electron package is not installed (run npm install)' }
  }
  const binary = electronBinary(electronDir)
  if (existsSync(binary)) return { binary }
  if (process.env.ELECTRON_EXEC_PATH) return { why: `ELECTRON_EXEC_PATH names ${binary}, which does not exist` }
  const installer = join(electronDir, 'install.js')
  if (!existsSync(installer)) return { why: `Electron's installer is missing from ${electronDir}` }
  console.log('Fetching Electron’s binary, once (about 100 MB)…')
  // Electron's own installer: same mirrors, cache, checksums and environment variables as a normal Electron install.
  const explain = new URL('./lib/explainFetch.mjs', import.meta.url).href
  const run = spawnSync(process.execPath, ['--import', explain, installer], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (run.status === 0 && existsSync(binary)) return { binary }
  const fetchFailure = /^watchfloor-fetch-failed (\S+) (.*)$/m.exec(run.stderr ?? '')
  if (fetchFailure) return { why: `Electron’s binary could not be downloaded from ${fetchFailure[1]} (${fetchFailure[2]})` }
  const node = nodeTooOld() ? `; Electron’s installer asks for Node ${INSTALLER_NODE.join('.')} or newer, this is Node ${process.versions.node}` : ''
  const detail = run.error ? run.error.message : firstLine(`${run.stderr}\n${run.stdout}`) || `the installer exited with ${run.status ?? run.signal}`
  return { why: `Electron’s binary could not be fetched (${detail}${node})` }
}

/** The per-user folder the desktop app keeps its settings and the sample workspace in (Electron's userData for "watchfloor"). */
function userDataDir() {
  const home = homedir()
  if (process.platform === 'win32') return join(process.env.APPDATA || join(home, 'AppData', 'Roaming'), 'watchfloor')
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'watchfloor')
  return join(process.env.XDG_CONFIG_HOME || join(home, '.config'), 'watchfloor')
}

/** The workspace the desktop app would open: the last one it opened when that still exists, else the sample (electron/app/settings.ts). */
function startupWorkspace() {
  const userData = userDataDir()
  try {
    const last = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')).recent?.[0]
    if (typeof last === 'string' && isAbsolute(last) && existsSync(join(last, 'workspace.json'))) return last
  } catch {
    // No settings yet, or unreadable ones: the sample, as the desktop app does.
  }
  return join(userData, 'Sample workspace')
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

/** Runs `command` in the foreground, passing Ctrl+C on, and exits with its code. */
function foreground(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' && command === 'npx' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

async function browserInstead(why) {
  const workspace = startupWorkspace()
  console.log(`${why}, so Watchfloor runs in your browser instead, on ${workspace}: open the address below (Ctrl+C stops it).`)
  if (!ensureBuild()) {
    console.log('The build failed (see above), so the browser host cannot start either.')
    process.exit(1)
  }
  const port = (await portFree(PREFERRED_PORT)) ? PREFERRED_PORT : 0
  foreground(process.execPath, ['out/main/browserHost.js', '--workspace', workspace, '--sample', '--port', String(port)])
}

function noDisplay() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
}

const electron = ensureElectron()
if (electron.why) await browserInstead(electron.why)
else if (noDisplay()) await browserInstead('There is no display to open a desktop window on (neither DISPLAY nor WAYLAND_DISPLAY is set)')
// Only `npm run dev` passes the development switch that lets the app load electron-vite's dev server (electron/app/pages.ts).
else foreground('npx', ['electron-vite', mode, '-c', 'electron.config.ts', ...(mode === 'dev' ? ['--', '--watchfloor-dev'] : [])], { ...process.env, ELECTRON_EXEC_PATH: electron.binary })
