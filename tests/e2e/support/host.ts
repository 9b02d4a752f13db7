// Starts the real browser host on a temp workspace for a test, and restarts it to prove data reached the disk.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../../..')
const HOST = join(ROOT, 'out/main/browserHost.js')
const CLI = join(ROOT, 'out/main/cli.js')

export interface RunningHost {
  /** The one-time address the host printed: opening it sets the session cookie. */
  url: string
  origin: string
  stop(): Promise<void>
}

/** Runs the `watchfloor` CLI from the build; returns its exit code and output. */
export function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** A fresh temp folder holding the sample workspace (or nothing, with `sample: false`). */
export async function tempWorkspace(sample = true): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'watchfloor-e2e-'))
  if (sample) {
    const r = cli('init', dir, '--sample')
    if (r.status !== 0) throw new Error(`watchfloor init failed: ${r.stderr}`)
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Starts `browserHost.js --workspace dir` and resolves with the URL it prints. */
export function startHost(dir: string): Promise<RunningHost> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [HOST, '--workspace', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${err}`)), 15_000)
    child.stderr!.on('data', (d) => (err += d))
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}: ${err}`)))
    child.stdout!.on('data', (d) => {
      out += d
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/session\/[\w-]+/.exec(out)
      if (!m) return
      clearTimeout(timer)
      resolve({
        url: m[0],
        origin: m[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.removeAllListeners('exit')
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}
