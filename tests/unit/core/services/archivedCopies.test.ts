// Archived copies through the typed client: attached in pieces, opened and read back checked, kept by edits, removed and deleted with undo, flagged on reopen, reported by validate, carried by backups and "save a copy".
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../../../electron/core/store/backups'
import { manifestOf } from '../../../../electron/core/store/archiveBackups'
import { validateWorkspace } from '../../../../electron/core/store/validate'
import { copyWorkspaceTo } from '../../../../electron/core/store/workspaceFolder'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { ARCHIVE_READ_CHUNK } from '../../../../shared/archive'
import type { Client } from '../../../../shared/contract'
import type { ArchiveMediaType, Source } from '../../../../shared/domain'
import { closeTestWorkspace, failure, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'

let t: TestWorkspace
let source: Source

beforeEach(async () => {
  t = await openTestWorkspace('copies', { create: { name: 'Copies' } })
  source = await t.client.sources.create({ title: 'Statement on the July cyberattack', publisher: 'Office of the Prime Minister', reliability: 'B', credibility: '2' })
})
afterEach(() => closeTestWorkspace(t))

const page = Buffer.from('<!doctype html><title>Statement</title><p>Albania severs diplomatic relations with Iran.</p>')

/** Sends `bytes` in pieces of `piece` bytes (a multiple of 3, so each is whole base64) and attaches them. */
async function attach(client: Client, id: string, bytes: Buffer, fileName = 'statement.html', mediaType: ArchiveMediaType = 'text/html', piece = 30): Promise<Source> {
  const uploadId = crypto.randomUUID()
  for (let at = 0; at < bytes.length; at += piece) await client.sources.uploadCopy({ uploadId, chunk: bytes.subarray(at, at + piece).toString('base64') })
  return client.sources.attachCopy({ id, uploadId, fileName, mediaType })
}

/** Opens the copy and reads all of it back, piece by piece. */
async function readBack(client: Client, id: string): Promise<{ state: string; bytes: Buffer; problem: string | null }> {
  const opened = await client.sources.openCopy({ id })
  const parts: Buffer[] = []
  for (let offset: number | null = 0; opened.readId && offset !== null; ) {
    const piece: { chunk: string; next: number | null } = await client.sources.readCopy({ readId: opened.readId, offset })
    parts.push(Buffer.from(piece.chunk, 'base64'))
    offset = piece.next
  }
  return { state: opened.state, bytes: Buffer.concat(parts), problem: opened.problem }
}

describe('attaching and opening', () => {
  it('stores the file sent in pieces and reads the same bytes back, checked', async () => {
    const saved = await attach(t.client, source.id, page)
    expect(saved.archive).toMatchObject({ file: `sources/${source.id}/statement.html`, size: page.length, mediaType: 'text/html' })
    expect(await readFile(join(t.dir, saved.archive!.file))).toEqual(page)
    expect((await t.client.workspace.snapshot()).sources.find((s) => s.id === source.id)?.archive).toEqual(saved.archive)
    expect(await readBack(t.client, source.id)).toEqual({ state: 'intact', bytes: page, problem: null })
  })

  it('reads a copy bigger than one piece in bounded pieces', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(ARCHIVE_READ_CHUNK * 2 + 5, 0x20)])
    await attach(t.client, source.id, big, 'report.pdf', 'application/pdf', 3 * 1024 * 1024)
    const opened = await t.client.sources.openCopy({ id: source.id })
    const first = await t.client.sources.readCopy({ readId: opened.readId!, offset: 0 })
    expect(Buffer.from(first.chunk, 'base64').length).toBe(ARCHIVE_READ_CHUNK)
    expect(first.next).toBe(ARCHIVE_READ_CHUNK)
    expect((await readBack(t.client, source.id)).bytes.equals(big)).toBe(true)
  })

  it('refuses a file whose bytes are not its declared type, and writes nothing', async () => {
    const err = await failure(attach(t.client, source.id, page, 'statement.pdf', 'application/pdf'))
    expect(err.message).toContain('declared as PDF')
    expect(await readdir(t.dir)).not.toContain('sources')
    expect((await t.client.workspace.snapshot()).sources[0].archive).toBeUndefined()
  })

  it('refuses a second copy while the source has one', async () => {
    await attach(t.client, source.id, page)
    expect((await failure(attach(t.client, source.id, page, 'again.html'))).message).toContain('already has an archived copy')
  })

  it('keeps the copy when the source is edited (the edit form does not carry it)', async () => {
    const saved = await attach(t.client, source.id, page)
    const edited = await t.client.sources.update({ id: source.id, input: { title: source.title, reliability: 'A', credibility: '1' } })
    expect(edited.archive).toEqual(saved.archive)
    // Nor can an edit set one: a form still holding a removed copy does not bring it back.
    await t.client.sources.removeCopy({ id: source.id })
    const stale = await t.client.sources.update({ id: source.id, input: { title: source.title, archive: saved.archive } })
    expect(stale.archive).toBeUndefined()
  })
})

describe('imports', () => {
  it('a STIX re-import that updates the source keeps its archived copy', async () => {
    const saved = await attach(t.client, source.id, page)
    await t.client.incidents.create({ title: 'Cyberattack on Albanian government services', start: '2022-07', victims: [{ country: 'AL' }], sourceIds: [source.id] })
    const { interchange } = t.session.services
    const bundle = JSON.parse(interchange.render('stix', { kind: 'all' }).text) as unknown
    let touched = 0
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk)
      if (v === null || typeof v !== 'object') return
      const o = v as Record<string, unknown>
      // The incident is edited too, or the import would keep the workspace's newer one.
      if (o.type === 'incident') o.modified = '2099-01-01T00:00:00.000Z'
      if (o.title === source.title) {
        o.title = 'Statement on the July cyberattack (corrected)'
        o.modified = '2099-01-01T00:00:00.000Z'
        touched++
      }
      Object.values(o).forEach(walk)
    }
    walk(bundle)
    expect(touched).toBeGreaterThan(0)
    const preview = interchange.preview({ text: JSON.stringify(bundle) }, 'again.json')
    expect(preview.writes.sources).toBe(1)
    await interchange.commit(preview.token)
    const after = t.session.services.store.data.sources.find((s) => s.id === source.id)!
    expect(after.title).toBe('Statement on the July cyberattack (corrected)')
    expect(after.archive).toEqual(saved.archive)
  })
})

describe('a changed or missing copy', () => {
  it('is flagged when the workspace is opened again and when the copy is opened', async () => {
    const saved = await attach(t.client, source.id, page)
    await t.session.close()
    await writeFile(join(t.dir, saved.archive!.file), page.toString().replace('severs', 'restores'))
    await t.session.open(t.dir)
    const info = await t.client.workspace.info()
    expect(info.copyProblems).toEqual([{ sourceId: source.id, state: 'changed', message: expect.stringContaining('has changed since it was captured') }])
    expect(info.readOnly).toBeNull()
    const opened = await readBack(t.client, source.id)
    expect(opened.state).toBe('changed')
    expect(opened.bytes.toString()).toContain('restores')
  })

  it('is flagged as missing when its file is gone', async () => {
    const saved = await attach(t.client, source.id, page)
    await rm(join(t.dir, saved.archive!.file))
    const opened = await t.client.sources.openCopy({ id: source.id })
    expect(opened).toMatchObject({ state: 'missing', readId: null, problem: expect.stringContaining('missing') })
    expect((await t.client.workspace.info()).copyProblems).toEqual([expect.objectContaining({ sourceId: source.id, state: 'missing' })])
  })

  it('is reported by validate, naming the source', async () => {
    const saved = await attach(t.client, source.id, page)
    await t.session.close()
    expect(await validateWorkspace(t.dir)).toMatchObject({ ok: true, copyProblems: [] })
    await writeFile(join(t.dir, saved.archive!.file), 'tampered')
    const changed = await validateWorkspace(t.dir)
    expect(changed.ok && changed.copyProblems).toEqual([expect.stringMatching(/source “Statement on the July cyberattack”.*has changed since it was captured/)])
    await rm(join(t.dir, saved.archive!.file))
    const missing = await validateWorkspace(t.dir)
    expect(missing.ok && missing.copyProblems).toEqual([expect.stringContaining('is missing from the workspace folder')])
  })
})

describe('removing with undo', () => {
  it('removes the copy and its folder; undo puts both back', async () => {
    const saved = await attach(t.client, source.id, page)
    const removed = await t.client.sources.removeCopy({ id: source.id })
    expect(removed.archive).toBeUndefined()
    expect(await readdir(join(t.dir, 'sources'))).toEqual(['.removed'])
    const back = await t.client.sources.restoreCopy({ id: source.id })
    expect(back.archive).toEqual(saved.archive)
    expect(await readFile(join(t.dir, saved.archive!.file))).toEqual(page)
    expect((await failure(t.client.sources.restoreCopy({ id: source.id }))).message).toContain('can no longer be put back')
  })

  it('deleting the source sets its folder aside; undoing the delete brings the copy back', async () => {
    const saved = await attach(t.client, source.id, page)
    const deleted = await t.client.sources.delete({ id: source.id })
    expect(await readdir(join(t.dir, 'sources'))).toEqual(['.removed'])
    await t.client.sources.restore(deleted)
    expect(await readFile(join(t.dir, saved.archive!.file))).toEqual(page)
    expect((await readBack(t.client, source.id)).state).toBe('intact')
  })

  it('what was set aside is cleared when the workspace is opened again', async () => {
    await attach(t.client, source.id, page)
    await t.client.sources.delete({ id: source.id })
    await t.session.open(t.dir)
    expect(await readdir(join(t.dir, 'sources'))).toEqual([])
  })
})

describe('backups and copies of the workspace', () => {
  it('a backup keeps the copies, and restoring it puts a lost copy back', async () => {
    const saved = await attach(t.client, source.id, page)
    await t.session.close()
    // Opening takes a backup, which keeps the copy once by its hash.
    await t.session.open(t.dir)
    await t.session.close()
    const backups = await listBackups(t.dir)
    const newest = backups[backups.length - 1]
    expect(JSON.parse(await readFile(manifestOf(newest), 'utf8'))).toEqual([saved.archive])
    expect(await readFile(join(t.dir, 'backups', 'sources', saved.archive!.sha256))).toEqual(page)
    // The workspace file is damaged and the copy lost; the backup brings both back.
    await writeFile(join(t.dir, 'workspace.json'), '{ damaged')
    await rm(join(t.dir, saved.archive!.file))
    const store = await WorkspaceStore.open(t.dir)
    expect(store.restorableBackup).toBe(newest)
    await store.restoreBackup()
    await store.close()
    expect(await readFile(join(t.dir, saved.archive!.file))).toEqual(page)
  })

  it('kept copies no remaining backup needs are pruned with their backups', async () => {
    const saved = await attach(t.client, source.id, page)
    await t.session.close()
    await t.session.open(t.dir, { keepBackups: 2 })
    await t.client.sources.removeCopy({ id: source.id })
    await t.session.close()
    // Two more opens with no copy push the backups that needed it out.
    for (let n = 0; n < 2; n++) {
      await t.session.open(t.dir, { keepBackups: 2 })
      await t.session.close()
    }
    expect(await readdir(join(t.dir, 'backups', 'sources')).catch(() => [])).not.toContain(saved.archive!.sha256)
    expect((await readdir(join(t.dir, 'backups'))).filter((n) => n.endsWith('.copies.json'))).toEqual([])
  })

  it('"save a copy" carries the archived copies', async () => {
    const saved = await attach(t.client, source.id, page)
    await t.session.services.store.flush()
    const target = join(await mkdtemp(join(tmpdir(), 'watchfloor-copy-')), 'copy')
    await copyWorkspaceTo(t.session.services.store.file, target)
    expect(await readFile(join(target, saved.archive!.file))).toEqual(page)
    expect(await validateWorkspace(target)).toMatchObject({ ok: true, copyProblems: [] })
    await rm(join(target, '..'), { recursive: true, force: true })
  })
})
