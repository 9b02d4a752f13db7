// An open workspace's encryption: the key unlocked with its passphrase on open and held while it is open, and changes of that passphrase, which saves wait for.
import { open, unlink } from 'node:fs/promises'
import { messageOf, ServiceError } from '../../../shared/result'
import type { Workspace } from '../../../shared/workspace'
import { CipherError, DEFAULT_KDF, HEADER_BYTES, isSealed, WorkspaceKey, type KdfParams } from './cipher'
import { finishSwitch, switchEncryption, switchPending, type SwitchOutcome } from './encryptionSwitch'
import { WORKSPACE_FILE } from './files'
import type { FingerprintedFile } from './FingerprintedFile'
import { holdKey, releaseKey } from './heldKeys'

/** The first bytes of a file: enough for an encryption header; empty when the file is shorter. */
async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(HEADER_BYTES + 16)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** A passphrase's key for the workspace file whose first bytes are `head`, or a ServiceError in words. */
async function unlockHead(passphrase: string, head: Buffer, wrong: ServiceError): Promise<WorkspaceKey> {
  try {
    return await WorkspaceKey.unlock(passphrase, head)
  } catch (err) {
    if (err instanceof CipherError && err.kind === 'wrong-passphrase') throw wrong
    throw new ServiceError('invalid-input', `${WORKSPACE_FILE} cannot be opened: ${messageOf(err)}`)
  }
}

/** What a change of passphrase needs from the store that holds the workspace. */
export interface SwitchSteps {
  /** Lands every pending save. */
  flush(): Promise<void>
  /** A backup of the workspace file as it is; fails when it cannot be written. */
  backup(): Promise<unknown>
  /** The workspace as the store holds it now, as JSON. */
  text(): string
  /** The workspace file: its fingerprint goes before the rewrite and is written anew after it. */
  file: Pick<FingerprintedFile<Workspace>, 'fingerprintFile' | 'vouch'>
}

export class WorkspaceEncryption {
  private held: WorkspaceKey | null = null
  /** A switch under way: saves wait for it. */
  private switching: Promise<unknown> | null = null

  /** `kdf`: the scrypt costs for a passphrase set while open (files keep their own in their header). */
  constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly kdf: KdfParams = DEFAULT_KDF,
  ) {}

  /** The key that seals the workspace's files while it is open; null when plain. */
  get key(): WorkspaceKey | null {
    return this.held
  }

  /** A switch under way, or null. */
  get underWay(): Promise<unknown> | null {
    return this.switching
  }

  /** Resolves once no switch is under way, so a file written next is sealed under the key that stays. */
  async settled(): Promise<void> {
    while (this.switching) await this.switching.catch(() => undefined)
  }

  /** Before the workspace is read: finishes a switch a crash cut short when this process can write (`canWrite`), and refuses to read one left unfinished otherwise. */
  async finishCutShort(canWrite: boolean): Promise<void> {
    if (canWrite) await finishSwitch(this.dir)
    else if (await switchPending(this.dir)) {
      throw new ServiceError('read-only', `A change of this workspace's encryption was cut short and is finished by the next open that can write to ${this.dir}; open it in Watchfloor (not read-only, and not while another process holds it) first.`)
    }
  }

  /** Derives the key of an encrypted workspace file from `passphrase`; refuses without one or with a wrong one. A plain file needs none. */
  async unlock(passphrase: string | undefined): Promise<void> {
    const head = await readHead(this.file).catch(() => Buffer.alloc(0))
    if (!isSealed(head)) return
    if (passphrase === undefined) throw new ServiceError('locked', `The workspace in ${this.dir} is encrypted. Enter its passphrase to open it.`)
    this.held = await unlockHead(passphrase, head, new ServiceError('locked', 'The passphrase is wrong. Nothing was read or changed; try again.'))
  }

  /** Makes the key known to the code that writes the workspace's other files (see heldKeys.ts), once the open has succeeded. */
  hold(): void {
    if (this.held) holdKey(this.dir, this.held)
  }

  /** Forgets the held key when the workspace closes. */
  release(): void {
    releaseKey(this.dir, this.held)
  }

  /**
   * Encrypts under `next`, changes the passphrase, or (with `next` null) decrypts. `current` must
   * be the passphrase in use when encrypted; a wrong one changes nothing. Pending saves land first,
   * a backup is taken, then every data file is rewritten all or nothing (see encryptionSwitch.ts).
   */
  async change(next: string | null, current: string | undefined, steps: SwitchSteps): Promise<SwitchOutcome> {
    if (this.switching) throw new ServiceError('conflict', 'The workspace’s encryption is being changed already; wait for that to finish.')
    if (this.held) {
      if (current === undefined) throw new ServiceError('invalid-input', 'Enter the current passphrase.')
      // Checked against the file, not the held key: this proves the person asking knows it.
      await unlockHead(current, await readHead(this.file), new ServiceError('invalid-input', 'The current passphrase is wrong. Nothing was changed.'))
    } else if (next === null) throw new ServiceError('conflict', 'This workspace is not encrypted.')
    await steps.flush()
    const work = (async () => {
      await steps.backup()
      const nextKey = next === null ? null : await WorkspaceKey.create(next, this.kdf)
      const text = steps.text()
      // The file is rewritten outside its adapter: its fingerprint goes first, so a crash leaves a file that is validated in full.
      await unlink(steps.file.fingerprintFile).catch(() => undefined)
      const outcome = await switchEncryption(this.dir, this.held, nextKey, text)
      releaseKey(this.dir, this.held)
      this.held = nextKey
      if (nextKey) holdKey(this.dir, nextKey)
      // The data written is what the store holds, checked when it was loaded and at every edit: vouched for, so the next open is as quick as after a save.
      await steps.file.vouch(text)
      return outcome
    })()
    this.switching = work
    try {
      return await work
    } finally {
      this.switching = null
    }
  }
}
