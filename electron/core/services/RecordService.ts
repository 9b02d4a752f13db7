// Create, update, delete and undo-delete for one collection of the workspace, with audit entries.
import { randomUUID } from 'node:crypto'
import { indexRecords, recordIssues, type Collection } from '../../../shared/integrity'
import { describeIssues } from '../../../shared/issues'
import { messageOf, ServiceError } from '../../../shared/result'
import type { Workspace } from '../../../shared/workspace'
import type { AuditEntry, AuditLog } from '../store/AuditLog'
import { changedFields } from '../store/AuditLog'
import type { WorkspaceStore } from '../store/WorkspaceStore'

type Stored<C extends Collection> = Workspace[C][number]
type Fields<C extends Collection> = Omit<Stored<C>, 'id' | 'createdAt' | 'updatedAt'>

export interface RecordSpec<C extends Collection> {
  collection: C
  /** Singular noun for messages: "incident". */
  noun: string
  /** Prefix of generated ids: "inc" gives `inc-<uuid>`. */
  idPrefix: string
  title(record: Stored<C>): string
  /** Titles of the records that refer to `id`; deletion is refused while any do. */
  referrers?(data: Workspace, id: string): string[]
  /** Fields an update keeps from the stored record, whatever the edit sends (set by another service, never by an edit). */
  kept?: readonly (keyof Stored<C>)[]
  /** Runs after a record is deleted (files of its own to set aside, say). */
  deleted?(record: Stored<C>): Promise<void>
  /** Runs before a deleted record is put back. */
  restoring?(record: Stored<C>): Promise<void>
}

export class RecordService<C extends Collection> {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly audit: AuditLog,
    private readonly spec: RecordSpec<C>,
  ) {}

  private get records(): Stored<C>[] {
    return this.store.data[this.spec.collection] as Stored<C>[]
  }

  list(): Stored<C>[] {
    return this.records
  }

  get(id: string): Stored<C> {
    const found = this.records.find((r) => r.id === id)
    if (!found) throw new ServiceError('not-found', `No ${this.spec.noun} with id ${id}; it may have been deleted.`)
    return found
  }

  /** The workspace's integrity rules (shared/integrity.ts) for one record about to be written: its references must hold and its claim ids be unique. */
  private checkRefs(fields: Fields<C> & { id?: string }): void {
    const issues = recordIssues(indexRecords(this.store.data), this.spec.collection, fields)
    if (issues.length > 0) throw new ServiceError('invalid-input', `The ${this.spec.noun} refers to records that do not exist or repeats an id: ${describeIssues(issues)}`, issues)
  }

  /** An audit entry for a change that is already saved: a failure to log is reported, never turned into a failed edit. */
  private async log(entry: Omit<AuditEntry, 'at' | 'user'>): Promise<void> {
    await this.audit.record(entry).catch((err: unknown) => console.warn(`[watchfloor] the audit log missed a ${entry.action} of ${entry.id}: ${messageOf(err)}`))
  }

  /** Adds a record under a fresh id (or `id`, when the caller had to name it first, e.g. for a source's archived copy). */
  async create(fields: Fields<C>, id?: string): Promise<Stored<C>> {
    this.checkRefs(fields)
    if (id !== undefined && indexRecords(this.store.data).ids.has(id)) throw new ServiceError('conflict', `The id ${id} is already used.`)
    const now = new Date().toISOString()
    const record = { ...fields, id: id ?? `${this.spec.idPrefix}-${randomUUID()}`, createdAt: now, updatedAt: now } as Stored<C>
    await this.store.update(() => void this.records.push(record))
    await this.log({ action: 'create', collection: this.spec.collection, id: record.id, title: this.spec.title(record), fields: Object.keys(fields).sort() })
    return record
  }

  async update(id: string, fields: Fields<C>): Promise<Stored<C>> {
    const before = this.get(id)
    this.checkRefs(fields)
    const after = { ...fields, id, createdAt: before.createdAt, updatedAt: new Date().toISOString() } as Stored<C>
    for (const k of this.spec.kept ?? []) {
      if (before[k] === undefined) delete after[k]
      else after[k] = before[k]
    }
    const changed = changedFields(before, after)
    await this.store.update(() => {
      this.records[this.records.indexOf(before)] = after
    })
    await this.log({ action: 'update', collection: this.spec.collection, id, title: this.spec.title(after), fields: changed })
    return after
  }

  /** Removes a record and returns it, so the caller can offer undo through `restore`. */
  async delete(id: string): Promise<Stored<C>> {
    const record = this.get(id)
    const users = this.spec.referrers?.(this.store.data, id) ?? []
    if (users.length > 0) {
      const names = users.slice(0, 3).join('; ') + (users.length > 3 ? ` and ${users.length - 3} more` : '')
      throw new ServiceError('conflict', `This ${this.spec.noun} is still referenced by ${names}. Remove those references first.`)
    }
    await this.store.update(() => {
      this.records.splice(this.records.indexOf(record), 1)
    })
    await this.spec.deleted?.(record)
    await this.log({ action: 'delete', collection: this.spec.collection, id, title: this.spec.title(record), fields: [] })
    return record
  }

  /** Puts back a deleted record with its original id (undo of delete). */
  async restore(record: Stored<C>): Promise<Stored<C>> {
    const taken = indexRecords(this.store.data).ids.get(record.id)
    if (taken) throw new ServiceError('conflict', `The id ${record.id} is already used by ${taken === this.spec.collection ? `a ${this.spec.noun}` : `a record in ${taken}`}; a restored ${this.spec.noun} keeps its id, so it cannot be put back.`)
    this.checkRefs(record)
    await this.spec.restoring?.(record)
    await this.store.update(() => void this.records.push(record))
    await this.log({ action: 'restore', collection: this.spec.collection, id: record.id, title: this.spec.title(record), fields: [] })
    return record
  }
}
