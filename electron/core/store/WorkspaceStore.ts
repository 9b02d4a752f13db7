// The workspace store: one folder holding workspace.json (lowdb, atomic writes), backups and a lock.
import { access, copyFile, mkdir, readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { describeIssues, toFieldIssues } from '../../../shared/issues'
import { ServiceError } from '../../../shared/result'
import { emptyWorkspace, migrate, SCHEMA_VERSION, WorkspaceSchema, type Workspace } from '../../../shared/workspace'
import { backupDate, newestValidBackup, takeBackup } from './backups'
import { FingerprintedFile } from './FingerprintedFile'
import { acquireLock, LOCK_FILE } from './lock'

export const WORKSPACE_FILE = 'workspace.json'

export interface OpenOptions {
  /** Create the folder and a workspace when none exists: with this content, or empty. */
  create?: { name?: string; data?: Workspace }
  /** Never write, whatever the lock says. */
  readOnly?: boolean
  /** A backup is taken on open and after every this many saves. Default 50. */
  backupEvery?: number
  /** How many backups to keep. Default 20. */
  keepBackups?: number
}

function describeWhen(path: string): string {
  const d = backupDate(path)
  return d ? d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : basename(path)
}

export class WorkspaceStore {
  readonly dir: string
  readonly file: string
  /** Null when writable; otherwise why not, in words for the user. */
  readOnlyReason: string | null = null
  /** Offered when workspace.json is unreadable: the newest backup that validates. */
  restorableBackup: string | null = null

  private readonly db: Low<Workspace>
  private readonly adapter: FingerprintedFile<Workspace>
  private releaseLock: (() => Promise<void>) | null = null
  private writing: Promise<void> | null = null
  private dirty = false
  private savesSinceBackup = 0
  /** Set when the file comes from a newer build: refused, but not damaged. */
  private refusedNewer = false
  private readonly backupEvery: number
  private readonly keepBackups: number

  private constructor(dir: string, options: OpenOptions) {
    this.dir = resolve(dir)
    this.file = join(this.dir, WORKSPACE_FILE)
    this.backupEvery = options.backupEvery ?? 50
    this.keepBackups = options.keepBackups ?? 20
    this.adapter = new FingerprintedFile<Workspace>(this.file)
    this.db = new Low(this.adapter, emptyWorkspace(basename(this.dir)))
  }

  /** Opens the workspace in `dir`; a file that cannot be used is left untouched and the store opens read-only. */
  static async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceStore> {
    const store = new WorkspaceStore(dir, options)
    await store.load(options)
    return store
  }

  get data(): Workspace {
    return this.db.data
  }

  get name(): string {
    return this.db.data.name
  }

  private async load(options: OpenOptions): Promise<void> {
    const exists = await access(this.file).then(
      () => true,
      () => false,
    )
    if (!exists) {
      if (!options.create) throw new ServiceError('not-found', `No workspace in ${this.dir} (expected ${WORKSPACE_FILE}).`)
      await mkdir(this.dir, { recursive: true })
      const initial = options.create.data ?? emptyWorkspace(options.create.name ?? basename(this.dir))
      this.db.data = WorkspaceSchema.parse(initial)
      await this.takeLock(options)
      if (this.readOnlyReason) throw new ServiceError('read-only', this.readOnlyReason)
      await this.db.write()
      return
    }
    await this.takeLock(options)
    const { text, trusted } = await this.adapter.readText()
    const problem = await this.adopt(text, trusted)
    if (problem) {
      // Offering an older backup over a newer build's file would roll back every edit made since.
      this.restorableBackup = this.refusedNewer ? null : await newestValidBackup(this.dir)
      const offer = this.refusedNewer
        ? ''
        : this.restorableBackup
          ? ` The newest valid backup is from ${describeWhen(this.restorableBackup)}; restoring it keeps the damaged file beside it.`
          : ' No valid backup was found.'
      this.setReadOnly(`${problem} The file was left untouched and the workspace opened read-only.${offer}`)
      return
    }
    if (!this.readOnlyReason) await takeBackup(this.dir, this.file, this.keepBackups)
  }

  /**
   * Parses, migrates and validates file text into the store; returns a problem for the user, or null.
   * `trusted` text (byte-identical to this build's last validated write) skips the full validation.
   */
  private async adopt(text: string, trusted = false): Promise<string | null> {
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (err) {
      return `${WORKSPACE_FILE} is damaged: it is not valid JSON (${(err as Error).message}).`
    }
    const outcome = migrate(raw)
    if (outcome.kind === 'newer') {
      this.refusedNewer = true
      return `${WORKSPACE_FILE} was written by a newer Watchfloor (schema version ${outcome.version}; this build reads up to ${SCHEMA_VERSION}). Update Watchfloor to edit it.`
    }
    if (outcome.kind === 'unversioned') return `${WORKSPACE_FILE} is not a Watchfloor workspace this build can read (missing or unknown schemaVersion).`
    if (trusted && outcome.kind === 'current') {
      this.db.data = outcome.data as Workspace
      return null
    }
    const parsed = WorkspaceSchema.safeParse(outcome.data)
    if (!parsed.success) {
      return `${WORKSPACE_FILE} does not pass validation: ${describeIssues(toFieldIssues(parsed.error))}.`
    }
    this.db.data = parsed.data
    if (outcome.kind === 'migrated' && !this.readOnlyReason) {
      await takeBackup(this.dir, this.file, this.keepBackups)
      await this.db.write()
    }
    return null
  }

  private async takeLock(options: OpenOptions): Promise<void> {
    if (options.readOnly) {
      this.setReadOnly('Opened read-only on request.')
      return
    }
    const lock = await acquireLock(join(this.dir, LOCK_FILE))
    if (lock.acquired) this.releaseLock = lock.release
    else this.setReadOnly(`This workspace is open in another Watchfloor process (pid ${lock.owner.pid} on ${lock.owner.host}); opened read-only so the two cannot overwrite each other.`)
  }

  private setReadOnly(reason: string): void {
    this.readOnlyReason = this.readOnlyReason ? `${this.readOnlyReason} ${reason}` : reason
  }

  /**
   * Applies `mutate` to the data and saves. Saves are coalesced: one write in flight, the latest
   * state written next. Resolves once a write that includes this change has reached disk.
   */
  async update(mutate: (data: Workspace) => void): Promise<void> {
    if (this.readOnlyReason) throw new ServiceError('read-only', this.readOnlyReason)
    mutate(this.db.data)
    this.dirty = true
    this.writing ??= this.drain()
    return this.writing
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false
        await this.db.write()
        if (++this.savesSinceBackup >= this.backupEvery) {
          this.savesSinceBackup = 0
          await takeBackup(this.dir, this.file, this.keepBackups)
        }
      }
    } finally {
      this.writing = null
    }
  }

  /** Waits for every pending save. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing
  }

  /**
   * Replaces a damaged workspace.json with the newest valid backup. The damaged file is kept as
   * `workspace.damaged-<time>.json` beside it.
   */
  async restoreBackup(): Promise<void> {
    const backup = this.restorableBackup
    if (!backup) throw new ServiceError('not-found', 'There is no valid backup to restore.')
    if (!this.releaseLock) throw new ServiceError('read-only', 'This workspace is held by another process; close it there first.')
    const kept = join(this.dir, `workspace.damaged-${new Date().toISOString().replace(/[-:.]/g, '')}.json`)
    await copyFile(this.file, kept)
    this.readOnlyReason = null
    const problem = await this.adopt(await readFile(backup, 'utf8'))
    if (problem) {
      this.setReadOnly(problem)
      throw new ServiceError('internal', problem)
    }
    await this.db.write()
    this.restorableBackup = null
  }

  /** Saves what is pending and releases the lock. */
  async close(): Promise<void> {
    await this.flush()
    await this.releaseLock?.()
    this.releaseLock = null
  }
}
