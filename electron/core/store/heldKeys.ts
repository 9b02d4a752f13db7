// The keys of the encrypted workspaces open in this process, by folder, so code that writes other files into a workspace (archived source copies) seals them with one call.
import { resolve } from 'node:path'
import { ServiceError } from '../../../shared/result'
import { isSealed, type WorkspaceKey } from './cipher'

const held = new Map<string, WorkspaceKey>()

/** Set by the store when an encrypted workspace opens or changes key; null when it closes or is decrypted. */
export function holdKey(dir: string, key: WorkspaceKey | null): void {
  if (key) held.set(resolve(dir), key)
  else held.delete(resolve(dir))
}

/** Forgets `key` for `dir` when it is still the one held (another store of the same folder may have replaced it). */
export function releaseKey(dir: string, key: WorkspaceKey | null): void {
  if (key && held.get(resolve(dir)) === key) held.delete(resolve(dir))
}

/** `bytes` sealed under the key of the workspace open in `dir`, or as they are when it is plain. */
export function sealFor(dir: string, bytes: string | Uint8Array): Uint8Array | string {
  const key = held.get(resolve(dir))
  return key ? key.seal(bytes) : bytes
}

/** The plain bytes of a file of the workspace in `dir`: opened under its key when sealed (any altered byte fails), as they are otherwise. */
export function openFor(dir: string, bytes: Buffer): Buffer {
  if (!isSealed(bytes)) return bytes
  const key = held.get(resolve(dir))
  if (!key) throw new ServiceError('locked', `The workspace in ${resolve(dir)} is encrypted and not open with its passphrase.`)
  return key.open(bytes)
}
