// Archived copies of sources: attach one from an upload, open it (checked against its hash, read back in pieces), remove it with undo, and the copies found changed or missing.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_READ_CHUNK, formatBytes, MAX_ARCHIVE_BYTES, type CopyProblem, type OpenedCopy } from '../../../shared/archive'
import type { ArchivedCopy, ArchiveMediaType, Source } from '../../../shared/domain'
import { messageOf, ServiceError } from '../../../shared/result'
import type { AuditLog } from '../store/AuditLog'
import { checkArchivedCopies, checkArchivedCopy, purgeSetAside, readArchivedCopy, restoreSetAside, setAsideCopies, writeArchivedCopy } from '../store/archive'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import type { Uploads } from './Uploads'

/** Base64 characters of the largest copy. */
const MAX_UPLOAD = Math.ceil(MAX_ARCHIVE_BYTES / 3) * 4
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export class ArchiveService {
  private problems = new Map<string, CopyProblem>()
  /** Folders of copies set aside by a removal, by source id, until an undo puts them back. */
  private setAside = new Map<string, { aside: string; copy: ArchivedCopy }>()
  /** The copy being read back to the window. */
  private reading: { readId: string; bytes: Buffer } | null = null

  constructor(
    private readonly store: WorkspaceStore,
    private readonly audit: AuditLog,
    private readonly uploads: Uploads,
  ) {}

  /** On open: empties what earlier sessions set aside (their undo is gone) and checks every copy against its record. */
  async open(): Promise<void> {
    if (!this.store.readOnlyReason) await purgeSetAside(this.store.dir).catch((err: unknown) => console.warn(`[watchfloor] removed archived copies were not cleared: ${messageOf(err)}`))
    await this.recheck()
  }

  /** Checks every copy again (after a backup was restored, say). */
  async recheck(): Promise<void> {
    this.problems.clear()
    for (const p of await checkArchivedCopies(this.store.dir, this.store.data.sources)) this.problems.set(p.sourceId, p)
  }

  /** Copies found changed, missing or unreadable, in source order. */
  problemList(): CopyProblem[] {
    return this.store.data.sources.flatMap((s) => {
      const p = this.problems.get(s.id)
      return p && s.archive ? [p] : []
    })
  }

  private source(id: string): Source {
    const found = this.store.data.sources.find((s) => s.id === id)
    if (!found) throw new ServiceError('not-found', `No source with id ${id}; it may have been deleted.`)
    return found
  }

  private writable(): void {
    if (this.store.readOnlyReason) throw new ServiceError('read-only', this.store.readOnlyReason)
  }

  /** Receives the next piece (base64) of a copy being attached. */
  upload(uploadId: string, chunk: string): { received: number } {
    return this.uploads.add(uploadId, chunk, MAX_UPLOAD, `The file is larger than ${formatBytes(MAX_ARCHIVE_BYTES)}, the most an archived copy may be. Archive a smaller copy (a PDF print of the page, say).`)
  }

  /** Attaches an uploaded file as the source's archived copy. */
  async attach(sourceId: string, uploadId: string, fileName: string, mediaType: ArchiveMediaType): Promise<Source> {
    const text = this.uploads.take(uploadId)
    if (text.length > MAX_UPLOAD) throw new ServiceError('invalid-input', `The file is larger than ${formatBytes(MAX_ARCHIVE_BYTES)}, the most an archived copy may be.`)
    if (!BASE64.test(text)) throw new ServiceError('invalid-input', 'The file did not arrive whole (its pieces are not base64); attach it again.')
    return this.attachBytes(sourceId, fileName, mediaType, Buffer.from(text, 'base64'))
  }

  /** Stores `bytes` as the source's archived copy and records it on the source; refused while the source has one. */
  async attachBytes(sourceId: string, fileName: string, mediaType: ArchiveMediaType, bytes: Uint8Array): Promise<Source> {
    this.writable()
    const before = this.source(sourceId)
    if (before.archive) throw new ServiceError('conflict', `Source “${before.title}” already has an archived copy (${before.archive.file}). Remove it first to attach another.`)
    await this.store.switchSettled()
    const copy = await writeArchivedCopy(this.store.dir, sourceId, fileName, mediaType, bytes)
    const after: Source = { ...before, archive: copy, updatedAt: new Date().toISOString() }
    try {
      await this.store.update((d) => {
        const n = d.sources.indexOf(before)
        if (n < 0) throw new ServiceError('conflict', `Source “${before.title}” changed while the copy was stored; attach it again.`)
        d.sources[n] = after
      })
    } catch (err) {
      await rm(join(this.store.dir, copy.file), { force: true }).catch(() => undefined)
      throw err
    }
    this.problems.delete(sourceId)
    await this.log('update', after, ['archive'])
    return after
  }

  /** Reads the source's copy and checks it against its record; the bytes are then read with `read`. */
  async openCopy(sourceId: string): Promise<OpenedCopy> {
    const source = this.source(sourceId)
    const copy = source.archive
    if (!copy) throw new ServiceError('not-found', `Source “${source.title}” has no archived copy. Attach one first.`)
    const name = copy.file.split('/').pop()!
    const base = { sourceId, fileName: name, mediaType: copy.mediaType, size: copy.size, sha256: copy.sha256, capturedAt: copy.capturedAt }
    const problem = await checkArchivedCopy(this.store.dir, source)
    if (problem && problem.state !== 'changed') {
      this.problems.set(sourceId, problem)
      return { ...base, state: problem.state, problem: problem.message, readId: null, bytes: 0 }
    }
    const { bytes, intact } = await readArchivedCopy(this.store.dir, copy)
    const readId = randomUUID()
    this.reading = { readId, bytes }
    if (intact) {
      this.problems.delete(sourceId)
      return { ...base, state: 'intact', problem: null, readId, bytes: bytes.length }
    }
    const changed = problem ?? { sourceId, state: 'changed' as const, message: `The archived copy of source “${source.title}” has changed since it was captured.` }
    this.problems.set(sourceId, changed)
    return { ...base, state: 'changed', problem: changed.message, readId, bytes: bytes.length }
  }

  /** One piece of the opened copy, as base64, from byte `offset`. */
  read(readId: string, offset: number): { chunk: string; next: number | null } {
    if (!this.reading || this.reading.readId !== readId) throw new ServiceError('not-found', 'That copy is no longer open; open it again.')
    const { bytes } = this.reading
    const end = Math.min(bytes.length, offset + ARCHIVE_READ_CHUNK)
    const chunk = bytes.subarray(offset, end).toString('base64')
    if (end >= bytes.length) this.reading = null
    return { chunk, next: end >= bytes.length ? null : end }
  }

  /** Removes the source's archived copy (its folder is set aside until the workspace is next opened, for `restoreCopy`). */
  async remove(sourceId: string): Promise<Source> {
    this.writable()
    const before = this.source(sourceId)
    const copy = before.archive
    if (!copy) throw new ServiceError('not-found', `Source “${before.title}” has no archived copy to remove.`)
    const aside = await setAsideCopies(this.store.dir, sourceId)
    const after: Source = { ...before, updatedAt: new Date().toISOString() }
    delete after.archive
    try {
      await this.store.update((d) => {
        const n = d.sources.indexOf(before)
        if (n < 0) throw new ServiceError('conflict', `Source “${before.title}” changed while its copy was being removed; nothing was removed. Try again.`)
        d.sources[n] = after
      })
    } catch (err) {
      if (aside) await restoreSetAside(this.store.dir, sourceId, aside).catch(() => undefined)
      throw err
    }
    if (aside) this.setAside.set(sourceId, { aside, copy })
    this.problems.delete(sourceId)
    await this.log('update', after, ['archive'])
    return after
  }

  /** Undoes `remove`: puts the folder back and the copy on the source, checked against its record again. */
  async restoreCopy(sourceId: string): Promise<Source> {
    this.writable()
    const before = this.source(sourceId)
    const held = this.setAside.get(sourceId)
    if (!held) throw new ServiceError('not-found', 'That archived copy can no longer be put back (it was put back already, or the workspace was reopened since).')
    if (before.archive) throw new ServiceError('conflict', `Source “${before.title}” has another archived copy now; remove it first.`)
    await restoreSetAside(this.store.dir, sourceId, held.aside)
    const after: Source = { ...before, archive: held.copy, updatedAt: new Date().toISOString() }
    try {
      await this.store.update((d) => {
        const n = d.sources.indexOf(before)
        if (n < 0) throw new ServiceError('conflict', `Source “${before.title}” changed while its copy was being put back; try Undo again.`)
        d.sources[n] = after
      })
    } catch (err) {
      // Back aside, so the copy is neither lost nor left without its record.
      await setAsideCopies(this.store.dir, sourceId).then((aside) => aside && this.setAside.set(sourceId, { aside, copy: held.copy }), () => undefined)
      throw err
    }
    this.setAside.delete(sourceId)
    const problem = await checkArchivedCopy(this.store.dir, after)
    if (problem) this.problems.set(sourceId, problem)
    await this.log('update', after, ['archive'])
    return after
  }

  /** What the sources' record service calls: an edit keeps the copy; a delete sets it aside and its undo puts it back. */
  get recordHooks() {
    return {
      kept: ['archive'] as const,
      deleted: (record: Source) => this.sourceDeleted(record),
      restoring: (record: Source) => this.sourceRestoring(record),
    }
  }

  /** After a source is deleted: its copies are set aside for an undo of the delete. */
  async sourceDeleted(record: Source): Promise<void> {
    try {
      const aside = await setAsideCopies(this.store.dir, record.id)
      if (aside && record.archive) this.setAside.set(record.id, { aside, copy: record.archive })
    } catch (err) {
      console.warn(`[watchfloor] the archived copies of deleted source ${record.id} stay in place: ${messageOf(err)}`)
    }
    this.problems.delete(record.id)
  }

  /** Before a deleted source is put back: its copies come back with it, checked again. */
  async sourceRestoring(record: Source): Promise<void> {
    const held = this.setAside.get(record.id)
    if (held && record.archive) {
      await restoreSetAside(this.store.dir, record.id, held.aside)
      this.setAside.delete(record.id)
    }
    const problem = await checkArchivedCopy(this.store.dir, record)
    if (problem) this.problems.set(record.id, problem)
  }

  private async log(action: 'update', source: Source, fields: string[]): Promise<void> {
    await this.audit.record({ action, collection: 'sources', id: source.id, title: source.title, fields }).catch((err: unknown) => console.warn(`[watchfloor] the audit log missed a change of ${source.id}: ${messageOf(err)}`))
  }
}
