// `watchfloor encrypt | decrypt | rekey DIR`: switches a workspace's encryption at rest, with the passphrases read from environment variables.
import { MIN_PASSPHRASE } from '../../../shared/contract'
import { ServiceError } from '../../../shared/result'
import { AuditLog } from '../../core/store/AuditLog'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'

export interface EncryptionOptions {
  dir: string
  action: 'encrypt' | 'decrypt' | 'rekey'
  /** The passphrase in use (decrypt, rekey) or to set (encrypt). */
  passphrase: string | undefined
  /** The new passphrase (rekey). */
  next: string | undefined
  log(line: string): void
}

function strongEnough(passphrase: string, flag: string): string {
  if (passphrase.length < MIN_PASSPHRASE) throw new ServiceError('invalid-input', `The passphrase in ${flag} is shorter than ${MIN_PASSPHRASE} characters; nothing was changed.`)
  return passphrase
}

export async function encryptionCommand(o: EncryptionOptions): Promise<number> {
  if (o.passphrase === undefined) throw new ServiceError('invalid-input', `${o.action} needs --passphrase-env VAR (the name of an environment variable holding the passphrase).`)
  if (o.action === 'rekey' && o.next === undefined) throw new ServiceError('invalid-input', 'rekey needs --new-passphrase-env VAR as well.')
  const next = o.action === 'encrypt' ? strongEnough(o.passphrase, '--passphrase-env') : o.action === 'rekey' ? strongEnough(o.next!, '--new-passphrase-env') : null
  const store = await WorkspaceStore.open(o.dir, o.action === 'encrypt' ? {} : { passphrase: o.passphrase })
  try {
    if (store.readOnlyReason) throw new ServiceError('read-only', `${store.readOnlyReason} Nothing was changed.`)
    if (o.action === 'encrypt' && store.encrypted) throw new ServiceError('conflict', `${store.dir} is encrypted already; use watchfloor rekey to change its passphrase.`)
    if (o.action !== 'encrypt' && !store.encrypted) throw new ServiceError('conflict', `${store.dir} is not encrypted; nothing was changed.`)
    const { files, left } = await store.setPassphrase(next, o.action === 'encrypt' ? undefined : o.passphrase)
    await new AuditLog(store.dir, () => store.cipher).record({ action: o.action === 'rekey' ? 'change-passphrase' : o.action, collection: 'workspace', id: store.dir, title: store.name, fields: [] })
    const done = { encrypt: 'Encrypted', decrypt: 'Decrypted', rekey: 'Changed the passphrase of' }[o.action]
    o.log(`${done} ${store.dir}: ${files} files rewritten (workspace.json, backups, audit log), after a backup.`)
    for (const l of left) o.log(`  left as it was (it does not open under the old passphrase): ${l}`)
    if (o.action !== 'decrypt') o.log('Exports written from now on are still plain files; keep them as carefully as the data they hold.')
    return 0
  } finally {
    await store.close()
  }
}
