// The workspace store as an analyst relies on it: saved work survives, damaged or foreign files are never overwritten.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WorkbenchError } from '../../shared/result'
import { migrate, SCHEMA_VERSION, WorkspaceSchema, type Migration, type Workspace } from '../../shared/workspace'
import { BACKUP_DIR, listBackups } from '../../electron/store/backups'
import { FingerprintedFile, VALIDATOR_REVISION } from '../../electron/store/FingerprintedFile'
import { LOCK_FILE } from '../../electron/store/lock'
import { WORKSPACE_FILE, WorkspaceStore } from '../../electron/store/WorkspaceStore'
import { generateIncidents } from '../support/generate'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const STORE_MODULE = new URL('../../electron/store/WorkspaceStore.ts', import.meta.url).href

const dirs: string[] = []
const children: ChildProcess[] = []

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'watchfloor-store-'))
  dirs.push(dir)
  return join(dir, 'ws')
}

afterEach(async () => {
  vi.restoreAllMocks()
  vi.useRealTimers()
  for (const child of children.splice(0)) await stop(child)
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

const incident = (n: number, title?: string) => ({ ...generateIncidents(n + 1)[n], ...(title ? { title } : {}) })
const titles = (store: WorkspaceStore) => store.data.incidents.map((i) => i.title)
const bytes = (path: string) => readFile(path)
const stamp = (date: Date) => date.toISOString().replace(/[-:.]/g, '')

/** A workspace with two saves behind it, each backed up, then closed. Returns its folder. */
async function workspaceWithBackups(): Promise<string> {
  const dir = await tempDir()
  const store = await WorkspaceStore.open(dir, { create: { name: 'Albania desk' }, backupEvery: 1 })
  await store.update((d) => void d.incidents.push(incident(0, 'First incident')))
  await store.update((d) => void d.incidents.push(incident(1, 'Second incident')))
  await store.close()
  return dir
}

/** Rejection of a promise as the client would see it: code and message. */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (err) {
    return { code: (err as WorkbenchError).code, message: (err as Error).message }
  }
  throw new Error('expected a rejection')
}

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

describe('saving and reopening', () => {
  it('finds the incidents saved before the workspace was closed', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: { name: 'Albania desk' } })
    expect(store.readOnlyReason).toBeNull()
    await store.update((d) => void d.incidents.push(incident(0, 'Wiper attack on Albanian government')))
    await store.update((d) => (d.incidents[0].summary = 'Updated after the September statement'))
    await store.close()

    const reopened = await WorkspaceStore.open(dir)
    expect(reopened.readOnlyReason).toBeNull()
    expect(reopened.name).toBe('Albania desk')
    expect(titles(reopened)).toEqual(['Wiper attack on Albanian government'])
    expect(reopened.data.incidents[0].summary).toBe('Updated after the September statement')
    await reopened.close()
  })

  it('says there is no workspace rather than creating one unasked', async () => {
    const dir = await tempDir()
    expect(await rejection(WorkspaceStore.open(dir))).toMatchObject({ code: 'not-found', message: expect.stringContaining(WORKSPACE_FILE) })
  })

  it('writes a burst of 100 edits in a few writes and loses none', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: { name: 'Burst' } })
    const writes = vi.spyOn(FingerprintedFile.prototype, 'write')

    const saves = Array.from({ length: 100 }, (_, n) => store.update((d) => void d.incidents.push(incident(n, `Edit ${n}`))))
    await expect(Promise.all(saves)).resolves.toHaveLength(100)

    const onDisk = JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as Workspace
    expect(onDisk.incidents.map((i) => i.title)).toEqual(Array.from({ length: 100 }, (_, n) => `Edit ${n}`))
    expect(writes.mock.calls.length).toBeGreaterThanOrEqual(1)
    expect(writes.mock.calls.length).toBeLessThanOrEqual(5)
    await store.close()
  })

  it('answers an edit only once a write holding it is on disk', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    const first = store.update((d) => void d.incidents.push(incident(0, 'First')))
    const second = store.update((d) => void d.incidents.push(incident(1, 'Second')))
    await second
    const onDisk = JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as Workspace
    expect(onDisk.incidents.map((i) => i.title)).toEqual(['First', 'Second'])
    await first
    await store.close()
  })
})

describe('a damaged workspace file', () => {
  it('leaves truncated JSON untouched, opens read-only and offers the newest valid backup', async () => {
    const dir = await workspaceWithBackups()
    const backups = await listBackups(dir)
    expect(backups).toHaveLength(2)
    // A damaged backup newer than the good ones must be skipped, not offered.
    await writeFile(join(dir, BACKUP_DIR, `workspace-${stamp(new Date(Date.now() + 3_600_000))}.json`), '{"schemaVersion":1,"na')
    const file = join(dir, WORKSPACE_FILE)
    const good = await bytes(file)
    await writeFile(file, good.subarray(0, good.length / 2))
    const damaged = await bytes(file)

    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toMatch(/not valid JSON/)
    expect(store.readOnlyReason).toMatch(/left untouched/)
    expect(store.readOnlyReason).toMatch(/newest valid backup is from \d{4}-\d\d-\d\d \d\d:\d\d UTC/)
    expect(store.restorableBackup).toBe(backups[1])
    expect(await rejection(store.update((d) => void d.incidents.pop()))).toMatchObject({ code: 'read-only', message: store.readOnlyReason })
    await store.close()

    expect(await bytes(file)).toEqual(damaged)
  })

  it('leaves a file that fails validation untouched and names the bad field', async () => {
    const dir = await workspaceWithBackups()
    const file = join(dir, WORKSPACE_FILE)
    const data = JSON.parse(await readFile(file, 'utf8')) as Workspace
    data.incidents[1].start = '2022-13'
    await writeFile(file, JSON.stringify(data, null, 2))
    const edited = await bytes(file)

    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toMatch(/does not pass validation: incidents\.1\.start: Not a date/)
    expect(store.restorableBackup).toBe((await listBackups(dir)).at(-1))
    expect(await rejection(store.update(() => undefined))).toMatchObject({ code: 'read-only' })
    await store.close()
    expect(await bytes(file)).toEqual(edited)
  })

  it('restores the offered backup and keeps the damaged file beside it', async () => {
    const dir = await workspaceWithBackups()
    const file = join(dir, WORKSPACE_FILE)
    await writeFile(file, '{"schemaVersion":1,"name":"Albania desk","incidents":[{')
    const damaged = await bytes(file)

    const store = await WorkspaceStore.open(dir)
    const offered = store.restorableBackup!
    await store.restoreBackup()
    expect(store.readOnlyReason).toBeNull()
    expect(store.restorableBackup).toBeNull()
    expect(titles(store)).toEqual(['First incident', 'Second incident'])
    await store.update((d) => void d.incidents.push(incident(2, 'Third incident')))
    await store.close()

    const kept = (await readdir(dir)).filter((n) => /^workspace\.damaged-.+\.json$/.test(n))
    expect(kept).toHaveLength(1)
    expect(await bytes(join(dir, kept[0]))).toEqual(damaged)
    expect(JSON.parse(await readFile(offered, 'utf8')).incidents).toHaveLength(2)

    const reopened = await WorkspaceStore.open(dir)
    expect(reopened.readOnlyReason).toBeNull()
    expect(titles(reopened)).toEqual(['First incident', 'Second incident', 'Third incident'])
    await reopened.close()
  })

  it('says so when no backup is valid, and has nothing to restore', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.close()
    await writeFile(join(dir, WORKSPACE_FILE), 'not json at all')

    const reopened = await WorkspaceStore.open(dir)
    expect(reopened.readOnlyReason).toMatch(/No valid backup was found/)
    expect(reopened.restorableBackup).toBeNull()
    expect(await rejection(reopened.restoreBackup())).toMatchObject({ code: 'not-found' })
    await reopened.close()
    expect(await readFile(join(dir, WORKSPACE_FILE), 'utf8')).toBe('not json at all')
  })
})

describe('a file from a newer Watchfloor', () => {
  it('is refused and left untouched, with no offer to roll it back to an older backup', async () => {
    const dir = await workspaceWithBackups()
    const file = join(dir, WORKSPACE_FILE)
    const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...data, schemaVersion: 99, futureField: { kept: true } }))
    const newer = await bytes(file)

    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toContain(`newer Watchfloor (schema version 99; this build reads up to ${SCHEMA_VERSION})`)
    expect(store.readOnlyReason).toMatch(/Update Watchfloor/)
    expect(store.restorableBackup).toBeNull()
    expect(await rejection(store.update(() => undefined))).toMatchObject({ code: 'read-only' })
    expect(await rejection(store.restoreBackup())).toMatchObject({ code: 'not-found' })
    await store.close()
    expect(await bytes(file)).toEqual(newer)
  })
})

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

describe('the fingerprint of the last save', () => {
  it('vouches for exactly the bytes written, so a reopen skips the full validation', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.update((d) => void d.incidents.push(incident(0, 'Fingerprinted')))
    await store.close()

    const written = await stat(join(dir, WORKSPACE_FILE), { bigint: true })
    const fingerprint = await readFile(join(dir, `.${WORKSPACE_FILE}.fingerprint`), 'utf8')
    expect(fingerprint).toBe([VALIDATOR_REVISION, written.dev, written.ino, written.size, written.mtimeNs, written.ctimeNs].join(':'))

    const validations = vi.spyOn(WorkspaceSchema, 'safeParse')
    const reopened = await WorkspaceStore.open(dir)
    expect(validations).not.toHaveBeenCalled()
    expect(reopened.readOnlyReason).toBeNull()
    expect(titles(reopened)).toEqual(['Fingerprinted'])
    await reopened.close()
  })

  it('never lets a hand-edited file through on a stale fingerprint', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.update((d) => void d.incidents.push(incident(0, 'Edited by hand later')))
    await store.close()
    const file = join(dir, WORKSPACE_FILE)
    const fingerprint = await bytes(join(dir, `.${WORKSPACE_FILE}.fingerprint`))
    const before = await stat(file)
    // Same length, and the modification time put back: only the change time still tells.
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"severity":\d/, '"severity":9'))
    await utimes(file, before.atime, before.mtime)
    const edited = await bytes(file)
    expect(edited.length).toBe(before.size)

    const reopened = await WorkspaceStore.open(dir)
    expect(reopened.readOnlyReason).toMatch(/incidents\.0\.severity: Severity is from 1 to 5/)
    await reopened.close()
    expect(await bytes(file)).toEqual(edited)
    expect(await bytes(join(dir, `.${WORKSPACE_FILE}.fingerprint`))).toEqual(fingerprint)
  })

  it('accepts a valid hand edit after validating it in full', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.update((d) => void d.incidents.push(incident(0, 'Old title')))
    await store.close()
    const file = join(dir, WORKSPACE_FILE)
    await writeFile(file, (await readFile(file, 'utf8')).replace('Old title', 'Title fixed in a text editor'))

    const validations = vi.spyOn(WorkspaceSchema, 'safeParse')
    const reopened = await WorkspaceStore.open(dir)
    expect(validations).toHaveBeenCalled()
    expect(reopened.readOnlyReason).toBeNull()
    expect(titles(reopened)).toEqual(['Title fixed in a text editor'])
    await reopened.close()
  })

  it('is ignored when written by a build with other validation rules', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.close()
    const fpFile = join(dir, `.${WORKSPACE_FILE}.fingerprint`)
    const fp = await readFile(fpFile, 'utf8')
    await writeFile(fpFile, fp.replace(VALIDATOR_REVISION, 'v0'))

    const validations = vi.spyOn(WorkspaceSchema, 'safeParse')
    const reopened = await WorkspaceStore.open(dir)
    expect(validations).toHaveBeenCalled()
    await reopened.close()
  })
})

describe('migrations', () => {
  // A made-up version 2 that renamed `name` to `title`, to exercise the machinery.
  const renameToTitle: Migration = {
    from: 1,
    migrate: ({ name, ...rest }) => ({ ...rest, title: name }),
  }

  it('brings a version 1 file up to version 2', () => {
    const outcome = migrate({ schemaVersion: 1, name: 'Albania desk', incidents: [] }, [renameToTitle], 2)
    expect(outcome).toEqual({ kind: 'migrated', from: 1, data: { schemaVersion: 2, title: 'Albania desk', incidents: [] } })
  })

  it('leaves a current file as it is', () => {
    const data = { schemaVersion: 2, title: 'Albania desk' }
    expect(migrate(data, [renameToTitle], 2)).toEqual({ kind: 'current', data })
  })

  it('refuses a file from a newer version', () => {
    expect(migrate({ schemaVersion: 3, title: 'x' }, [renameToTitle], 2)).toEqual({ kind: 'newer', version: 3 })
    expect(migrate({ schemaVersion: SCHEMA_VERSION + 1 })).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 })
  })

  it('cannot read a file with no path up to the current version, or no version at all', () => {
    expect(migrate({ schemaVersion: 1 }, [], 2)).toEqual({ kind: 'unversioned' })
    for (const raw of [null, [], 'workspace', { name: 'x' }, { schemaVersion: '1' }, { schemaVersion: 0 }, { schemaVersion: 1.5 }])
      expect(migrate(raw), JSON.stringify(raw)).toEqual({ kind: 'unversioned' })
  })
})

describe('rolling backups', () => {
  it('takes one on open and one every N saves, keeping only the newest few', async () => {
    const dir = await tempDir()
    const created = await WorkspaceStore.open(dir, { create: {} })
    await created.close()
    expect(await listBackups(dir)).toHaveLength(0)

    const store = await WorkspaceStore.open(dir, { backupEvery: 3, keepBackups: 4 })
    expect(await listBackups(dir)).toHaveLength(1)
    for (let n = 0; n < 5; n++) await store.update((d) => void d.incidents.push(incident(n, `Save ${n + 1}`)))
    expect(await listBackups(dir)).toHaveLength(2)
    for (let n = 5; n < 12; n++) await store.update((d) => void d.incidents.push(incident(n, `Save ${n + 1}`)))
    await store.close()

    const kept = await listBackups(dir)
    expect(kept).toHaveLength(4)
    const counts = await Promise.all(kept.map(async (b) => (JSON.parse(await readFile(b, 'utf8')) as Workspace).incidents.length))
    expect(counts).toEqual([3, 6, 9, 12])
  })

  it('keeps the newest backups in order even when two are taken in the same millisecond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = new Date('2026-03-01T12:00:00.000Z').getTime()
    vi.setSystemTime(t0)
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {}, backupEvery: 1, keepBackups: 2 })
    await store.update((d) => void d.incidents.push(incident(0, 'Save 1')))
    await store.update((d) => void d.incidents.push(incident(1, 'Save 2')))
    vi.setSystemTime(t0 + 1)
    await store.update((d) => void d.incidents.push(incident(2, 'Save 3')))
    await store.close()

    const kept = await listBackups(dir)
    const counts = await Promise.all(kept.map(async (b) => (JSON.parse(await readFile(b, 'utf8')) as Workspace).incidents.length))
    expect(counts).toEqual([2, 3])

    await writeFile(join(dir, WORKSPACE_FILE), '{')
    const damaged = await WorkspaceStore.open(dir)
    expect(damaged.restorableBackup).toBe(kept.at(-1))
    await damaged.close()
  })

  it('offers the later of two backups taken in the same millisecond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'))
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {}, backupEvery: 1 })
    await store.update((d) => void d.incidents.push(incident(0, 'Earlier')))
    await store.update((d) => void d.incidents.push(incident(1, 'Later')))
    await store.close()
    await writeFile(join(dir, WORKSPACE_FILE), '{')

    const damaged = await WorkspaceStore.open(dir)
    expect(JSON.parse(await readFile(damaged.restorableBackup!, 'utf8')).incidents).toHaveLength(2)
    await damaged.close()
  })
})
