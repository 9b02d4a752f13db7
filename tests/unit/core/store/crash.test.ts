// Crash safety: a process killed at any moment while saving never costs a save it reported, nor leaves an unreadable workspace, backup, settings file or export — plain or encrypted.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceSchema } from '../../../../shared/workspace'
import { readBackupText } from '../../../../electron/core/store/backups'
import { isSealed, type WorkspaceKey } from '../../../../electron/core/store/cipher'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { generateWorkspace } from '../../../support/generate'

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url))
/** 50 in `npm test`; `npm run test:crash` runs 200. */
const KILLS = Number(process.env.WATCHFLOOR_KILLS ?? 50)

/** The encrypted variant's passphrase; its scrypt costs are low so the child's start-up stays short (the format is the same). */
const PASSPHRASE = 'crash test passphrase'

describe.each([
  { variant: 'plain', passphrase: undefined },
  { variant: 'encrypted', passphrase: PASSPHRASE },
])('$variant workspace', ({ variant, passphrase }) => {
let root: string
let dir: string
let settingsDir: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'watchfloor-crash-'))
  dir = join(root, 'ws')
  settingsDir = join(root, 'settings')
  // Enough records that a write takes long enough for kills to land inside it.
  const data = generateWorkspace(300)
  data.incidents[0].title = 'Counter 0'
  const store = await WorkspaceStore.open(dir, { create: { data }, kdf: { logN: 12, r: 8, p: 1 } })
  if (passphrase) await store.setPassphrase(passphrase)
  await store.close()
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

interface Run {
  /** Last counter the child said was saved. */
  reported: number
  /** Milliseconds from spawn to the first reported save (mostly tsx start-up). */
  startup: number
  stderr: string
}

/** Runs the save loop once and kills it with SIGKILL `delay` ms after its first reported save. */
function runAndKill(delay: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const env = passphrase ? { ...process.env, WATCHFLOOR_TEST_PASSPHRASE: passphrase } : process.env
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/saveLoop.ts', dir, settingsDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let reported = -1
    let startup = 0
    let pending = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        const m = /^saved (\d+)$/.exec(line)
        if (!m) continue
        if (reported < 0) {
          startup = performance.now() - started
          setTimeout(() => child.kill('SIGKILL'), delay)
        }
        reported = Number(m[1])
      }
    })
    // 'close' comes after the exit is reaped and stdout is drained, so every reported line is counted.
    child.once('close', (code, signal) => {
      if (signal !== 'SIGKILL' || reported < 0) reject(new Error(`save loop ended by itself (code ${code}, signal ${signal}): ${stderr}`))
      else resolve({ reported, startup, stderr })
    })
    child.once('error', reject)
  })
}

/** Every backup and settings file parses and every export is whole, whatever moment the kill hit. */
async function expectEveryFileReadable(context: string, key: WorkspaceKey | null): Promise<void> {
  for (const name of await readdir(join(dir, 'backups'))) {
    if (name.startsWith('.')) continue
    const path = join(dir, 'backups', name)
    // Encrypted backups decrypt (their GCM tag holds) under the workspace's key.
    expect(isSealed(await readFile(path)), `${context}: backup ${name} sealed`).toBe(key !== null)
    const text = await readBackupText(path, key)
    expect(() => WorkspaceSchema.parse(JSON.parse(text!)), `${context}: backup ${name}`).not.toThrow()
  }
  const settings = await readFile(join(settingsDir, 'settings.json'), 'utf8').catch(() => null)
  if (settings !== null) expect(JSON.parse(settings).recent, `${context}: settings.json`).toHaveLength(1)
  const exported = await readFile(join(dir, 'exports', 'crash-test.md'), 'utf8').catch(() => null)
  // The marking closes every Markdown briefing: a cut file would lack it.
  if (exported !== null) expect(exported, `${context}: export`).toMatch(/\*\*TLP:[A-Z+]+\*\*\n$/)
}

it(`keeps every reported save through ${KILLS} kills at random moments (${variant})`, { timeout: KILLS * 4_000 }, async () => {
  const startups: number[] = []
  let inFlightLanded = 0
  let previous = 0
  for (let n = 0; n < KILLS; n++) {
    const delay = 50 + Math.floor(Math.random() * 351)
    const run = await runAndKill(delay)
    startups.push(run.startup)
    const context = `kill ${n + 1} after ${delay} ms, child reported ${run.reported}`

    // An encrypted file cut by the kill would fail its GCM check and the open would throw.
    const store = await WorkspaceStore.open(dir, { passphrase })
    expect(store.readOnlyReason, context).toBeNull()
    expect(store.encrypted, context).toBe(passphrase !== undefined)
    expect(() => WorkspaceSchema.parse(store.data), context).not.toThrow()
    expect(store.data.incidents, context).toHaveLength(300)
    const saved = Number(/^Counter (\d+)$/.exec(store.data.incidents[0].title)?.[1])
    // At most one save can be in flight past the last report: the loop awaits each one.
    expect(saved, context).toBeGreaterThanOrEqual(run.reported)
    expect(saved, context).toBeLessThanOrEqual(run.reported + 1)
    expect(saved, context).toBeGreaterThan(previous)
    if (saved > run.reported) inFlightLanded++
    previous = saved
    const key = store.cipher
    await store.close()
    await expectEveryFileReadable(context, key)
  }
  startups.sort((a, b) => a - b)
  console.log(
    `crash test (${variant}): ${KILLS} kills, ${previous} saves in all, ${inFlightLanded} kills after an unreported write reached disk; ` +
      `child start-up to first save ${Math.round(startups[0])}–${Math.round(startups.at(-1)!)} ms (median ${Math.round(startups[KILLS >> 1])} ms)`,
  )
})
})
