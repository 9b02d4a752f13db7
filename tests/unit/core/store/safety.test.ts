// Data safety: nothing written through a link, no phantom edit after a failed save, no inconsistent record let in, open failures in plain words — and the app and `watchfloor validate` agree on every bad workspace.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { Workspace } from '../../../../shared/workspace'
import { AUDIT_FILE } from '../../../../electron/core/store/AuditLog'
import { BACKUP_DIR, WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { LOCK_FILE } from '../../../../electron/core/store/lock'
import { validateWorkspace } from '../../../../electron/core/store/validate'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { closeTestWorkspace, failure, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'
import { incident, rejection, removeTempDirs, tempDir, titles } from '../../../support/storeFixture'

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url))
const isRoot = process.getuid?.() === 0
let opened: TestWorkspace | null = null

afterEach(async () => {
  if (opened) await closeTestWorkspace(opened)
  opened = null
  await removeTempDirs()
})

const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'))

describe('links are never followed out of the workspace', () => {
  it('refuses to open a workspace.json that is a symbolic link', async () => {
    const dir = await tempDir()
    await mkdir(dir, { recursive: true })
    const elsewhere = join(dir, '..', 'elsewhere.json')
    await writeFile(elsewhere, JSON.stringify(sampleWorkspace()))
    await symlink(elsewhere, join(dir, WORKSPACE_FILE))
    expect(await rejection(WorkspaceStore.open(dir))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/is a symbolic link/) })
    expect(await readdir(dir)).toEqual([WORKSPACE_FILE])
  })

  it('refuses a backups folder that is a link, and never writes through it', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir, { create: {}, backupEvery: 1 })
    const outside = join(dir, '..', 'outside')
    await mkdir(outside)
    await rm(join(dir, BACKUP_DIR), { recursive: true, force: true })
    await symlink(outside, join(dir, BACKUP_DIR))
    await store.update((d) => void d.incidents.push(incident(0, 'Saved, backup refused')))
    await store.close()
    expect(await readdir(outside)).toEqual([])
    expect(titles(await WorkspaceStore.open(dir, { readOnly: true }))).toEqual(['Saved, backup refused'])
  })

  it('never appends the audit log through a link', async () => {
    opened = await openTestWorkspace('audit-link', { create: {} })
    const target = join(opened.root, 'victim.txt')
    await writeFile(target, 'untouched')
    await symlink(target, join(opened.dir, AUDIT_FILE))
    await opened.client.incidents.create({ title: 'Logged elsewhere? No' })
    expect(await readFile(target, 'utf8')).toBe('untouched')
  })

  it('refuses an exports folder that is a link, leaving its target untouched', async () => {
    opened = await openTestWorkspace('export-link', { create: { data: sampleWorkspace() } })
    const outside = join(opened.root, 'outside')
    await mkdir(outside)
    await symlink(outside, join(opened.dir, 'exports'))
    const report = opened.session.services.store.data.reports[0]
    const err = await failure(opened.client.report.export({ report, format: 'md' }))
    expect(err.message).toMatch(/symbolic link/)
    expect(await readdir(outside)).toEqual([])
  })

  it('never replaces an export: two exports in the same millisecond get two files', async () => {
    opened = await openTestWorkspace('export-names', { create: { data: sampleWorkspace() } })
    const report = opened.session.services.store.data.reports[0]
    const a = await opened.client.report.export({ report, format: 'md' })
    const b = await opened.client.report.export({ report, format: 'md' })
    expect(a.path).not.toBe(b.path)
    expect((await readdir(join(opened.dir, 'exports'))).filter((n) => n.endsWith('.md'))).toHaveLength(2)
  })
})

describe('inconsistent records are refused on every write path', () => {
  it('refuses restoring a record under an id another record type already uses', async () => {
    opened = await openTestWorkspace('restore-ids', { create: { data: sampleWorkspace() } })
    const { client, session } = opened
    const data = session.services.store.data
    const note = await client.notes.create({ title: 'Deleted, then restored under a taken id', body: '' })
    await client.notes.delete({ id: note.id })
    const before = await readFile(join(opened.dir, WORKSPACE_FILE))
    expect((await failure(client.notes.restore({ ...note, id: data.incidents[0].id }))).message).toMatch(/already used by a record in incidents/)
    expect((await failure(client.actors.restore({ ...data.actors[0], id: data.sources[0].id }))).message).toMatch(/already used by a record in sources/)
    expect((await failure(client.reports.restore({ ...data.reports[0], id: data.actors[0].id }))).message).toMatch(/already used by a record in actors/)
    expect(await readFile(join(opened.dir, WORKSPACE_FILE))).toEqual(before)
    expect((await validateWorkspace(opened.dir)).ok).toBe(true)
  })

  it('refuses two attributions with one id inside an incident', async () => {
    opened = await openTestWorkspace('claim-ids', { create: {} })
    const claim = { id: 'att-1', attributor: 'Albania', attributorKind: 'government' as const }
    const err = await failure(opened.client.incidents.create({ title: 'Twice the same claim', attributions: [claim, { ...claim, attributor: 'United States' }] }))
    expect(err.message).toMatch(/Duplicate id att-1 within the incident/)
    expect(err.issues).toContainEqual({ path: 'attributions.1.id', message: 'Duplicate id att-1 within the incident' })
  })

  it('takes a name made only of invisible characters as missing', async () => {
    opened = await openTestWorkspace('invisible', { create: {} })
    for (const title of ['\u200b\u200b', ' \u2060 ', '\ufeff', '\u3164']) {
      expect((await failure(opened.client.incidents.create({ title }))).issues).toContainEqual({ path: 'title', message: 'Title is required' })
    }
    expect((await opened.client.incidents.create({ title: 'Tiranë \u200b' })).title).toBe('Tiranë \u200b')
  })
})

/** Workspaces that must not be written as they are, with what both the app and `watchfloor validate` must say. */
const BAD: { name: string; break(ws: Workspace): void; says: RegExp; repairable: boolean }[] = [
  { name: 'duplicate id across types', break: (ws) => void (ws.sources[0].id = ws.incidents[0].id), says: /Duplicate id inc-albania-2022-07/, repairable: true },
  { name: 'duplicate id within a type', break: (ws) => void (ws.actors[1].id = ws.actors[0].id), says: /Duplicate id actor-iran/, repairable: true },
  { name: 'dangling actor', break: (ws) => void ws.incidents[0].actorIds.push('actor-gone'), says: /Unknown actor actor-gone/, repairable: true },
  { name: 'dangling source on a claim', break: (ws) => void ws.incidents[0].attributions[0].sourceIds.push('src-gone'), says: /attributions\.0\.sourceIds\.\d+: Unknown source src-gone/, repairable: true },
  { name: 'claim naming a missing actor', break: (ws) => void (ws.incidents[0].responses[0].actorId = 'actor-gone'), says: /responses\.0\.actorId: Unknown actor actor-gone/, repairable: true },
  { name: 'duplicate claim id', break: (ws) => void (ws.incidents[0].responses[1].id = ws.incidents[0].responses[0].id), says: /Duplicate id .* within the incident/, repairable: true },
  { name: 'note on a missing incident', break: (ws) => void ws.notes.push({ id: 'note-1', title: 'Orphan', body: 'See [[inc-albania-2022-07]]', tags: [], pinned: false, incidentId: 'inc-gone', createdAt: ws.createdAt, updatedAt: ws.createdAt }), says: /Unknown incident inc-gone/, repairable: true },
  { name: 'schema violation', break: (ws) => void ((ws.incidents[0] as { severity?: number }).severity = 9), says: /Severity is from 1 to 5/, repairable: false },
]

describe('the app and watchfloor validate agree on bad workspaces', () => {
  it.each(BAD)('$name', async ({ break: breakIt, says, repairable }) => {
    const dir = await tempDir()
    await mkdir(dir, { recursive: true })
    const ws = sampleWorkspace()
    breakIt(ws)
    const text = JSON.stringify(ws)
    await writeFile(join(dir, WORKSPACE_FILE), text)

    const validated = await validateWorkspace(dir)
    expect(validated.ok).toBe(false)
    expect(validated.ok ? '' : validated.problems.join(' ')).toMatch(says)

    const store = await WorkspaceStore.open(dir)
    expect(store.readOnlyReason).toMatch(says)
    expect(store.integrityProblems.length > 0).toBe(repairable)
    expect(await readFile(join(dir, WORKSPACE_FILE), 'utf8')).toBe(text)
    if (repairable) {
      const fixes = await store.repair()
      expect(fixes.length).toBeGreaterThan(0)
      expect(store.readOnlyReason).toBeNull()
      await store.update((d) => void d.incidents.push(incident(0, 'Written after the repair')))
      await store.close()
      expect((await validateWorkspace(dir)).ok).toBe(true)
      // The file as it was is kept as a backup before the repair.
      const backups = await readdir(join(dir, BACKUP_DIR))
      expect(await Promise.all(backups.map((b) => readFile(join(dir, BACKUP_DIR, b), 'utf8')))).toContain(text)
    } else await store.close()
  })
})

describe('opening fails in plain words and leaves no lock behind', () => {
  it('names a folder where workspace.json should be', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, WORKSPACE_FILE), { recursive: true })
    expect((await rejection(WorkspaceStore.open(dir))).message).toMatch(/is a folder, not a workspace file/)
    expect(await readdir(dir)).toEqual([WORKSPACE_FILE])
  })
})

/** Runs `script` (a module under tests/support) as the unprivileged user `nobody`, returning its JSON answer. */
function asNobody(script: string, ...args: string[]): Record<string, unknown> {
  const out = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: '/tmp', TSX_TSCONFIG_PATH: undefined, WATCHFLOOR_CONFIG_DIR: join(args[0], '..', 'config') },
  })
  return JSON.parse(out.trim().split('\n').at(-1)!)
}

describe('a folder that cannot be written', () => {
  it.skipIf(!isRoot || spawnSync('setpriv', ['--version']).status !== 0)(
    'keeps a failed edit out of memory and out of the next save, leaves no temp file, and opens read-only in plain words (run as an unprivileged user)',
    { timeout: 60_000 },
    async () => {
      const base = await mkdtemp(join(tmpdir(), 'watchfloor-eacces-'))
      try {
        await chmod(base, 0o777)
        const dir = join(base, 'ws')
        const store = await WorkspaceStore.open(dir, { create: { data: sampleWorkspace() } })
        await store.close()
        await rm(join(dir, LOCK_FILE), { force: true })
        execFileSync('chown', ['-R', '65534:65534', dir])
        const r = asNobody('tests/support/unwritableEdit.ts', dir)
        expect(r).toMatchObject({ failedCode: 'read-only', inMemoryAfterFailure: false, inFileAfterNextSave: false, savedAfter: true, temps: [] })
        expect(String(r.failedMessage)).toMatch(/You do not have permission to write to .*: the change was not saved/)
        expect(String(r.reopenedReadOnly)).toMatch(/permission to write .* opened read-only/)
        expect(r.lockLeft).toBe(false)
      } finally {
        await chown(base, 0, 0).catch(() => undefined)
        await rm(base, { recursive: true, force: true })
      }
    },
  )
})

describe('a full disk', () => {
  const canMount = isRoot && spawnSync('mount', ['--version']).status === 0
  it.skipIf(!canMount)('keeps the failed edit out of memory and out of the next save, and leaves no temp file (a small tmpfs, as root)', { timeout: 60_000 }, async () => {
    const mnt = await mkdtemp(join(tmpdir(), 'watchfloor-enospc-'))
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt])
    } catch {
      await rm(mnt, { recursive: true, force: true })
      return void console.warn('full-disk test skipped: this sandbox cannot mount a tmpfs')
    }
    try {
      const dir = join(mnt, 'ws')
      const store = await WorkspaceStore.open(dir, { create: { data: sampleWorkspace() }, backupEvery: 1000 })
      await store.update((d) => void d.incidents.push(incident(0, 'Saved before the disk filled')))
      const free = BigInt(execFileSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).trim().split('\n')[1].trim())
      // Leave less room than one more copy of the workspace needs.
      await writeFile(join(mnt, 'filler'), Buffer.alloc(Number(free) - 20_000))
      // A second edit made while the first is being written fails with it: it was made on top of it.
      const first = rejection(store.update((d) => void d.incidents.push(incident(1, 'Lost to the full disk'))))
      const second = rejection(store.update((d) => void (d.incidents[0].title = 'Queued behind the failed save')))
      expect(await first).toMatchObject({ code: 'read-only', message: expect.stringMatching(/full .*the change was not saved/) })
      expect(await second).toMatchObject({ code: 'read-only' })
      expect(titles(store)).not.toContain('Lost to the full disk')
      expect(titles(store)).not.toContain('Queued behind the failed save')
      expect(await temps(dir)).toEqual([])
      await rm(join(mnt, 'filler'))
      await store.update((d) => void (d.incidents[0].title = 'Saved once there was room'))
      await store.close()
      const onDisk = JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as Workspace
      expect(onDisk.incidents.map((i) => i.title)).not.toContain('Lost to the full disk')
      expect(onDisk.incidents.map((i) => i.title)).toContain('Saved before the disk filled')
      expect(onDisk.incidents[0].title).toBe('Saved once there was room')
      expect((await lstat(join(dir, WORKSPACE_FILE))).isFile()).toBe(true)
    } finally {
      execFileSync('umount', [mnt])
      await rm(mnt, { recursive: true, force: true })
    }
  })
})
