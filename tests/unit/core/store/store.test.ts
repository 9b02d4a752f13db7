// The workspace store as an analyst relies on it: saved work survives, damaged or foreign files are never overwritten.
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { migrate, SCHEMA_VERSION, WorkspaceSchema, type Migration, type Workspace } from '../../../../shared/workspace'
import { listBackups } from '../../../../electron/core/store/backups'
import { BACKUP_DIR } from '../../../../electron/core/store/files'
import { FingerprintedFile, VALIDATOR_REVISION } from '../../../../electron/core/store/FingerprintedFile'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { bytes, incident, rejection, removeTempDirs, tempDir, titles, workspaceWithBackups } from '../../../support/storeFixture'
import { generateIncidents } from '../../../support/generate'

afterEach(async () => {
  vi.restoreAllMocks()
  vi.useRealTimers()
  await removeTempDirs()
})

const stamp = (date: Date) => date.toISOString().replace(/[-:.]/g, '')

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

describe('the fingerprint of the last save', () => {
  it('vouches for exactly the bytes written, so a reopen skips the full validation', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.update((d) => void d.incidents.push(incident(0, 'Fingerprinted')))
    await store.close()

    const written = await stat(join(dir, WORKSPACE_FILE), { bigint: true })
    const fingerprint = await readFile(join(dir, `.${WORKSPACE_FILE}.fingerprint`), 'utf8')
    const identity = [VALIDATOR_REVISION, written.dev, written.ino, written.size, written.mtimeNs, written.ctimeNs].join(':')
    // The identity, then a MAC over it and the bytes, keyed with a per-user key outside the workspace.
    expect(fingerprint).toMatch(new RegExp(`^${identity}:[0-9a-f]{64}$`))

    const validations = vi.spyOn(WorkspaceSchema, 'safeParse')
    const reopened = await WorkspaceStore.open(dir)
    expect(validations).not.toHaveBeenCalled()
    expect(reopened.readOnlyReason).toBeNull()
    expect(titles(reopened)).toEqual(['Fingerprinted'])
    await reopened.close()
  })

  it('vouches for a workspace too big to hash whole (written in pieces, with text beyond ASCII), and still tells an edit in its middle', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    // About 5 MB: more than the two 1 MB ends the MAC covers, written in several batches and chunks.
    const many = generateIncidents(4000).map((i, n) => ({ ...i, summary: `Тирана — ${'ё'.repeat(400)} ${n} 😀 ${'x'.repeat(300)}` }))
    await store.update((d) => void d.incidents.push(...many))
    await store.close()
    const file = join(dir, WORKSPACE_FILE)
    expect((await stat(file)).size).toBeGreaterThan(4_000_000)
    expect(JSON.parse(await readFile(file, 'utf8')).incidents).toEqual(many)

    const validations = vi.spyOn(WorkspaceSchema, 'safeParse')
    const reopened = await WorkspaceStore.open(dir)
    expect(validations).not.toHaveBeenCalled()
    expect(reopened.data.incidents).toHaveLength(4000)
    await reopened.close()

    // A change in the middle, outside both ends, is told by the file's identity.
    await writeFile(file, (await readFile(file, 'utf8')).replace(' 2000 😀', ' 2001 😀'))
    const again = await WorkspaceStore.open(dir)
    expect(validations).toHaveBeenCalled()
    expect(again.data.incidents[2000].summary).toContain(' 2001 😀')
    await again.close()
    validations.mockRestore()
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

  it('never trusts a fingerprint written by hand: an invalid file with its identity but no valid MAC is validated in full', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {} })
    await store.update((d) => void d.incidents.push(incident(0, 'Valid')))
    await store.close()
    const file = join(dir, WORKSPACE_FILE)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"severity":\d/, '"severity":9'))
    const s = await stat(file, { bigint: true })
    const identity = [VALIDATOR_REVISION, s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':')
    const fpFile = join(dir, `.${WORKSPACE_FILE}.fingerprint`)
    for (const forged of [identity, `${identity}:${'0'.repeat(64)}`]) {
      await writeFile(fpFile, forged)
      const reopened = await WorkspaceStore.open(dir)
      expect(reopened.readOnlyReason, forged).toMatch(/Severity is from 1 to 5/)
      await reopened.close()
    }
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
