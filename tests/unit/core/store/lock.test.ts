// The lock: a workspace held by another live process opens read-only; a stale or broken lock is taken over.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../../../electron/core/store/lock'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { bytes, rejection, removeTempDirs, titles, workspaceWithBackups } from '../../../support/storeFixture'

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url))
const STORE_MODULE = new URL('../../../../electron/core/store/WorkspaceStore.ts', import.meta.url).href
const children: ChildProcess[] = []

afterEach(async () => {
  for (const child of children.splice(0)) await stop(child)
  await removeTempDirs()
})

/** Starts another process that opens the workspace and keeps it open until killed. */
async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const script = `
    const { WorkspaceStore } = await import(process.argv[1])
    const store = await WorkspaceStore.open(process.argv[2])
    console.log(store.readOnlyReason ? 'read-only' : 'holding')
    setInterval(() => {}, 60_000)
  `
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, STORE_MODULE, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const first = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve(String(d).trim()))
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)))
  })
  expect(first).toBe('holding')
  return child
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  // Wait for the exit event: until Node reaps it, a killed child still answers kill(pid, 0).
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/** Pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid!
}

describe('the lock against a second process', () => {
  it('opens read-only, naming the other process, while another process holds the workspace', async () => {
    const dir = await workspaceWithBackups()
    const file = join(dir, WORKSPACE_FILE)
    const before = await bytes(file)
    const holder = await holdInAnotherProcess(dir)

    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toContain(`pid ${holder.pid} on ${hostname()}`)
    expect(store.readOnlyReason).toMatch(/opened read-only so the two cannot overwrite each other/)
    expect(titles(store)).toEqual(['First incident', 'Second incident'])
    expect(await rejection(store.update((d) => void d.incidents.pop()))).toMatchObject({ code: 'read-only' })
    await store.close()
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(holder.pid)
    expect(await bytes(file)).toEqual(before)

    // Once the holder is gone (crashed, so its lock file stays), the workspace opens writable again.
    await stop(holder)
    const after = await WorkspaceStore.open(dir)
    expect(after.readOnlyReason).toBeNull()
    await after.update((d) => void d.incidents.pop())
    await after.close()
  })

  it('takes over a lock left by a process that has died', async () => {
    const dir = await workspaceWithBackups()
    const lock = join(dir, LOCK_FILE)
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' }))

    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toBeNull()
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid)
    await store.close()
    expect(await readdir(dir)).not.toContain(LOCK_FILE)
  })

  it('takes over an empty lock file, as a crash between creating and writing it leaves', async () => {
    const dir = await workspaceWithBackups()
    await writeFile(join(dir, LOCK_FILE), '')
    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toBeNull()
    await store.close()
  })

  it('keeps the lock when the same process reopens the workspace and then closes the older handle', async () => {
    const dir = await workspaceWithBackups()
    const older = await WorkspaceStore.open(dir)
    const newer = await WorkspaceStore.open(dir)
    expect(newer.readOnlyReason).toBeNull()
    await older.close()

    expect(await readdir(dir)).toContain(LOCK_FILE)
    await newer.close()
    expect(await readdir(dir)).not.toContain(LOCK_FILE)
  })

  it('leaves the lock alone when opened read-only on request', async () => {
    const dir = await workspaceWithBackups()
    const store = await WorkspaceStore.open(dir, { readOnly: true })
    expect(store.readOnlyReason).toBe('Opened read-only on request.')
    expect(await readdir(dir)).not.toContain(LOCK_FILE)
    await store.close()
  })
})

