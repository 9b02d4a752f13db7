// The workspace store: one folder holding workspace.json (lowdb, atomic durable writes), backups and a lock; an edit is kept only once it is on disk. An encrypted workspace's key and passphrase changes are WorkspaceEncryption's.
import { lstat, mkdir, readFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { basename, join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { integrityProblems, repairWorkspace } from '../../../shared/integrity'
import { messageOf, ServiceError } from '../../../shared/result'
import { emptyWorkspace, WorkspaceSchema, type Workspace } from '../../../shared/workspace'
import { removeStaleTemps, writeFileAtomic } from '../fs/atomicWrite'
import { isUnwritable, unwritableReason, writeFailure } from '../fs/errors'
import { backupDate, newestValidBackup, readBackupText, takeBackup } from './backups'
import { CipherError, type KdfParams, type WorkspaceKey } from './cipher'
import type { SwitchOutcome } from './encryptionSwitch'
import { restoreBackupCopies } from './archiveBackups'
import { BACKUP_DIR, EXPORTS_DIR, WORKSPACE_FILE } from './files'
import { FingerprintedFile } from './FingerprintedFile'
import { acquireLock, LOCK_FILE, type HeldLock } from './lock'
import { checkWorkspaceText } from './validate'
import { WorkspaceEncryption } from './WorkspaceEncryption'

export interface OpenOptions {
  /** Create the folder and a workspace when none exists: with this content, or empty. */
  create?: { name?: string; data?: Workspace }
  /** Never write, whatever the lock says. */
  readOnly?: boolean
  /** A backup is taken on open and after every this many saves. Default 50. */
  backupEvery?: number
  /** How many backups to keep. Default 20. */
  keepBackups?: number
  /** The passphrase of an encrypted workspace; used once to derive its key, never kept. */
  passphrase?: string
  /** scrypt costs for a passphrase set while open (tests use cheaper ones); files keep their own in their header. */
  kdf?: KdfParams
}

function describeWhen(path: string): string {
  const d = backupDate(path)
  return d ? d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : basename(path)
}

/** An edit applied in memory and waiting for the write that carries it to disk. */
interface Waiter {
  resolve(): void
  reject(err: unknown): void
}

export class WorkspaceStore {
  readonly dir: string
  readonly file: string
  /** Null when writable; otherwise why not, in words for the user. */
  readOnlyReason: string | null = null
  /** Offered when workspace.json is unreadable: the newest backup that passes every check. */
  restorableBackup: string | null = null
  /** What is wrong with the file's references, when that is why it opened read-only; `repair()` fixes them. */
  integrityProblems: string[] = []

  private readonly db: Low<Workspace>
  private readonly adapter: FingerprintedFile<Workspace>
  private lock: HeldLock | null = null
  private writing: Promise<void> | null = null
  /** Edits applied in memory since the last write started. */
  private queued: Waiter[] = []
  private savesSinceBackup = 0
  /** Set when the file comes from a newer build: refused, but not damaged. */
  private refusedNewer = false
  private readonly backupEvery: number
  private readonly keepBackups: number
  /** The key of an encrypted workspace and changes of its passphrase. */
  private readonly encryption: WorkspaceEncryption

  private constructor(dir: string, options: OpenOptions) {
    this.dir = resolve(dir)
    this.file = join(this.dir, WORKSPACE_FILE)
    this.backupEvery = options.backupEvery ?? 50
    this.keepBackups = options.keepBackups ?? 20
    this.encryption = new WorkspaceEncryption(this.dir, this.file, options.kdf)
    this.adapter = new FingerprintedFile<Workspace>(this.file, () => this.encryption.key)
    this.db = new Low(this.adapter, emptyWorkspace(basename(this.dir)))
  }

  /** Opens the workspace in `dir`; a file that cannot be used is left untouched and the store opens read-only. A failed open leaves no lock behind. */
  static async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceStore> {
    const store = new WorkspaceStore(dir, options)
    try {
      await store.load(options)
    } catch (err) {
      await store.releaseLock()
      if (err instanceof ServiceError) throw err
      throw new ServiceError(isUnwritable(err) ? 'read-only' : 'internal', `The workspace in ${store.dir} could not be opened: ${isUnwritable(err) ? unwritableReason(err, store.dir) : messageOf(err)}.`)
    }
    store.encryption.hold()
    return store
  }

  get data(): Workspace {
    return this.db.data
  }

  get name(): string {
    return this.db.data.name
  }

  /** True while the workspace's files are encrypted. */
  get encrypted(): boolean {
    return this.encryption.key !== null
  }

  /** An encryption switch under way (writers of the workspace's other files wait for it), or null. */
  get switchUnderWay(): Promise<unknown> | null {
    return this.encryption.underWay
  }

  /** Resolves once no encryption switch is under way, so a file written next is sealed under the key that stays. */
  async switchSettled(): Promise<void> {
    await this.encryption.settled()
  }

  /** The key that seals the workspace's files (the audit log and archived copies use it too); null when plain. */
  get cipher(): WorkspaceKey | null {
    return this.encryption.key
  }

  private async load(options: OpenOptions): Promise<void> {
    const entry = await lstat(this.file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null
      throw err
    })
    if (entry?.isSymbolicLink()) {
      throw new ServiceError('invalid-input', `${this.file} is a symbolic link. Watchfloor opens only a plain ${WORKSPACE_FILE}, so that saving can never write outside the workspace folder.`)
    }
    if (entry?.isDirectory()) throw new ServiceError('invalid-input', `${this.file} is a folder, not a workspace file. Choose the folder that holds ${WORKSPACE_FILE}.`)
    if (!entry) {
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
    await this.encryption.finishCutShort(this.lock !== null)
    await this.encryption.unlock(options.passphrase)
    const { text, trusted } = await this.adapter.readText().catch((err: unknown) => {
      if (err instanceof CipherError) {
        throw new ServiceError('invalid-input', `${this.file} fails its authentication check: it was altered or damaged after Watchfloor wrote it, so it is not opened anywhere and was left untouched. The backups in ${BACKUP_DIR}/ are encrypted with the same passphrase; copy the newest over ${WORKSPACE_FILE} to recover.`)
      }
      throw new ServiceError('read-only', `${this.file} cannot be read: ${isUnwritable(err) ? 'you do not have permission to read it' : messageOf(err)}.`)
    })
    const checked = checkWorkspaceText(text, trusted)
    if (!checked.ok) {
      if (checked.kind === 'integrity') {
        this.db.data = checked.workspace
        this.integrityProblems = checked.problems
        const shown = checked.problems.slice(0, 5).join('; ') + (checked.problems.length > 5 ? `; and ${checked.problems.length - 5} more` : '')
        this.setReadOnly(`${WORKSPACE_FILE} refers to records that are not there or repeats ids (${shown}). It was left untouched and opened read-only; Repair fixes the references after taking a backup.`)
        return
      }
      this.refusedNewer = checked.kind === 'newer'
      // Offering an older backup over a newer build's file would roll back every edit made since.
      this.restorableBackup = this.refusedNewer ? null : await newestValidBackup(this.dir, this.cipher)
      const offer = this.refusedNewer
        ? ''
        : this.restorableBackup
          ? ` The newest valid backup is from ${describeWhen(this.restorableBackup)}; restoring it keeps the damaged file beside it.`
          : ' No valid backup was found.'
      this.setReadOnly(`${checked.problems.join(' ')} The file was left untouched and the workspace opened read-only.${offer}`)
      return
    }
    this.db.data = checked.workspace
    if (this.readOnlyReason) return
    for (const folder of [this.dir, join(this.dir, BACKUP_DIR), join(this.dir, EXPORTS_DIR)]) await removeStaleTemps(folder)
    await this.backupNow()
    if (checked.migratedFrom !== null) await this.db.write()
  }

  private async takeLock(options: OpenOptions): Promise<void> {
    if (options.readOnly) {
      this.setReadOnly('Opened read-only on request.')
      return
    }
    let lock
    try {
      lock = await acquireLock(join(this.dir, LOCK_FILE))
    } catch (err) {
      if (!isUnwritable(err)) throw err
      this.setReadOnly(`${unwritableReason(err, this.dir)}, so Watchfloor cannot take the workspace's lock; opened read-only.`)
      return
    }
    if (lock.acquired) this.lock = lock
    else this.setReadOnly(`This workspace is open in another Watchfloor process (pid ${lock.owner.pid} on ${lock.owner.host}); opened read-only so the two cannot overwrite each other.`)
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock
    this.lock = null
    await lock?.release()
  }

  private setReadOnly(reason: string): void {
    this.readOnlyReason = this.readOnlyReason ? `${this.readOnlyReason} ${reason}` : reason
  }

  /** A backup now, before a change too big to undo by hand (an import); fails when it cannot be written. */
  async backup(): Promise<void> {
    await takeBackup(this.dir, this.file, this.keepBackups, this.db.data.sources)
  }

  /** A backup now; one that cannot be written is reported but never fails the open or the save it follows. */
  private async backupNow(): Promise<void> {
    await takeBackup(this.dir, this.file, this.keepBackups, this.db.data.sources).catch((err: unknown) => console.warn(`[watchfloor] no backup was taken: ${messageOf(err)}`))
  }

  /**
   * Applies `mutate` to the data and saves. Saves are coalesced: one write in flight, the edits
   * made meanwhile written next. Resolves once a write that includes this change is on disk.
   * When that write fails, this edit and every edit queued after it are taken back (the data is
   * what is on disk again) and the promise rejects with the reason in plain words.
   */
  async update(mutate: (data: Workspace) => void): Promise<void> {
    if (this.readOnlyReason) throw new ServiceError('read-only', this.readOnlyReason)
    const done = new Promise<void>((resolve, reject) => this.queued.push({ resolve, reject }))
    try {
      mutate(this.db.data)
    } catch (err) {
      // Mutations are single pushes and splices: one that throws changed nothing.
      this.queued.pop()
      throw err
    }
    this.writing ??= this.drain()
    return done
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        // A switch of the encryption writes the file itself; the next save comes after it, under the new key.
        await this.switchSettled()
        const batch = this.queued
        this.queued = []
        try {
          await this.writeNow()
        } catch (err) {
          await this.rollBack()
          // Edits queued behind the failed write, or made while the file was read back, were made on data now replaced: they go too.
          const failed = [...batch, ...this.queued]
          this.queued = []
          const reason = writeFailure(err, this.dir, 'the change was not saved, and nothing was written. Fix that and save again.')
          for (const w of failed) w.reject(reason)
          return
        }
        // The backup this save is due for is taken before the save reports done, so nothing is still being written when it does.
        if (++this.savesSinceBackup >= this.backupEvery) {
          this.savesSinceBackup = 0
          await this.backupNow()
        }
        for (const w of batch) w.resolve()
      }
    } finally {
      this.writing = null
    }
  }

  /** One write, only while this process still holds the lock. */
  private async writeNow(): Promise<void> {
    if (!this.lock || !(await this.lock.verify())) {
      this.lock = null
      this.setReadOnly('Another process took over this workspace’s lock, so this window stopped saving and is read-only now. Reopen the workspace to continue.')
      throw new ServiceError('read-only', this.readOnlyReason!)
    }
    await this.db.write()
  }

  /** Puts back what is on disk: the state every reported save left. */
  private async rollBack(): Promise<void> {
    try {
      const { text, trusted } = await this.adapter.readText()
      const checked = checkWorkspaceText(text, trusted)
      if (checked.ok) return void (this.db.data = checked.workspace)
      this.setReadOnly(`After a failed save the file on disk could not be read back (${checked.problems[0]}); opened read-only.`)
    } catch (err) {
      this.setReadOnly(`After a failed save the file on disk could not be read back (${messageOf(err)}); opened read-only.`)
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
    if (!this.lock) throw new ServiceError('read-only', 'This workspace is held by another process; close it there first.')
    const kept = join(this.dir, `workspace.damaged-${new Date().toISOString().replace(/[-:.]/g, '')}.json`)
    await writeFileAtomic(kept, await readFile(this.file), { noReplace: true })
    const text = await readBackupText(backup, this.cipher)
    if (text === null) throw new ServiceError('internal', `The backup ${basename(backup)} can no longer be read.`)
    const checked = checkWorkspaceText(text)
    if (!checked.ok) throw new ServiceError('internal', checked.problems.join(' '))
    this.db.data = checked.workspace
    await this.db.write()
    await restoreBackupCopies(this.dir, backup).catch((err: unknown) => console.warn(`[watchfloor] archived copies were not put back from the backup: ${messageOf(err)}`))
    this.readOnlyReason = null
    this.restorableBackup = null
  }

  /**
   * Fixes what breaks the workspace's references (see `repairWorkspace`) after backing up the
   * file as it is, writes the result and makes the workspace writable. Returns what was done.
   */
  async repair(): Promise<string[]> {
    if (this.integrityProblems.length === 0) throw new ServiceError('not-found', 'There is nothing to repair: the workspace’s references hold.')
    if (!this.lock) throw new ServiceError('read-only', 'This workspace is held by another process (or cannot be written here); close it there first.')
    await takeBackup(this.dir, this.file, this.keepBackups, this.db.data.sources)
    const { workspace, fixes } = repairWorkspace(this.db.data, (prefix) => `${prefix}-${randomUUID()}`)
    const left = integrityProblems(workspace)
    if (left.length > 0) throw new ServiceError('internal', `The repair left problems: ${left.join('; ')}`)
    this.db.data = workspace
    await this.db.write()
    this.integrityProblems = []
    this.readOnlyReason = null
    return fixes
  }

  /**
   * Encrypts the workspace under `next`, changes its passphrase, or (with `next` null) decrypts it
   * back to plain files. `current` must be the passphrase in use when the workspace is encrypted; a
   * wrong one changes nothing. Pending saves land first, a backup is taken, then workspace.json,
   * every backup and the audit log are rewritten all or nothing (see encryptionSwitch.ts).
   */
  async setPassphrase(next: string | null, current?: string): Promise<SwitchOutcome> {
    if (this.readOnlyReason) throw new ServiceError('read-only', this.readOnlyReason)
    if (!this.lock) throw new ServiceError('read-only', 'This workspace is held by another process; close it there first.')
    return this.encryption.change(next, current, {
      flush: () => this.flush(),
      backup: () => takeBackup(this.dir, this.file, this.keepBackups),
      text: () => JSON.stringify(this.db.data),
      file: this.adapter,
    })
  }

  /** Saves what is pending and releases the lock. */
  async close(): Promise<void> {
    await this.flush()
    this.encryption.release()
    await this.releaseLock()
  }
}
