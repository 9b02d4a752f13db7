// A passphrase change is all or nothing: a process killed at any moment while re-encrypting leaves every file under the old passphrase or every file under the new one.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { auditLines, AuditLog, AUDIT_FILE } from '../../../../electron/core/store/AuditLog'
import { listBackups } from '../../../../electron/core/store/backups'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { generateWorkspace } from '../../../support/generate'
import { removeTempDirs, tempDir } from '../../../support/storeFixture'

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url))
const KILLS = Number(process.env.WATCHFLOOR_SWITCH_KILLS ?? 8)
const PASSPHRASES = ['first passphrase here', 'second passphrase here']

let dir: string

beforeAll(async () => {
  dir = await tempDir()
  // Enough data and backups that the switch takes long enough for kills to land inside it.
  const store = await WorkspaceStore.open(dir, { create: { data: generateWorkspace(2000) }, kdf: { logN: 12, r: 8, p: 1 }, backupEvery: 1, keepBackups: 30 })
  const audit = new AuditLog(store.dir, () => store.cipher)
  await store.setPassphrase(PASSPHRASES[0])
  for (let n = 0; n < 12; n++) {
    await store.update((d) => void (d.incidents[0].title = `Edit ${n}`))
    await audit.record({ action: 'update', collection: 'incidents', id: d0(store), title: `Edit ${n}`, fields: ['title'] })
  }
  await store.close()
})

const d0 = (store: WorkspaceStore) => store.data.incidents[0].id

afterAll(removeTempDirs)

/** Runs one passphrase change and kills it `delay` ms after it starts switching; resolves whether it said it had finished. */
function switchAndKill(from: string, to: string, delay: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/switchOnce.ts', dir], {
      cwd: ROOT,
      env: { ...process.env, WATCHFLOOR_TEST_FROM: from, WATCHFLOOR_TEST_TO: to },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const started = !out.includes('switching')
      out += d
      if (started && out.includes('switching')) setTimeout(() => child.kill('SIGKILL'), delay)
    })
    child.once('close', (code, signal) => {
      if (!out.includes('switching')) reject(new Error(`the child never started switching (code ${code}, signal ${signal}): ${err}`))
      else resolve(out.includes('switched'))
    })
  })
}

it(`leaves every file under one passphrase through ${KILLS} kills during a passphrase change`, { timeout: KILLS * 20_000 }, async () => {
  let current = 0
  let finished = 0
  let changed = 0
  for (let n = 0; n < KILLS; n++) {
    // Kills spread from the first file staged to after the switch is done (it takes one to a few seconds here, under load).
    const delay = Math.floor(Math.random() * 3000)
    const before = current
    const done = await switchAndKill(PASSPHRASES[current], PASSPHRASES[1 - current], delay)
    const context = `kill ${n + 1} after ${delay} ms${done ? ' (the child had finished)' : ''}`
    // Exactly one passphrase opens it: the old one, or (once the journal was written) the new one.
    const opened: WorkspaceStore[] = []
    for (const p of PASSPHRASES) {
      const store = await WorkspaceStore.open(dir, { passphrase: p }).catch(() => null)
      if (store) {
        opened.push(store)
        current = PASSPHRASES.indexOf(p)
        await store.close()
      }
    }
    expect(opened, context).toHaveLength(1)
    if (done) finished++
    if (current !== before) changed++
    // A child that said it had finished must have changed it.
    if (done) expect(current, context).not.toBe(before)
    const store = await WorkspaceStore.open(dir, { passphrase: PASSPHRASES[current] })
    expect(store.data.incidents[0].title, context).toBe('Edit 11')
    for (const b of await listBackups(dir)) expect(store.cipher!.owns(await readFile(b)), `${context}: ${b}`).toBe(true)
    const lines = auditLines(await readFile(join(dir, AUDIT_FILE), 'utf8'), store.cipher)
    expect(lines.length, context).toBe(12)
    expect(lines.every((l) => l.readable), context).toBe(true)
    await store.close()
  }
  console.log(`switch crash test: ${KILLS} kills, ${changed} left the new passphrase in place (${finished} of them after the child had finished), ${KILLS - changed} the old one`)
})
