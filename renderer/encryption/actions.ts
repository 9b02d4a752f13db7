// What encrypting a workspace does in the window: unlocking it with its passphrase, and encrypting, changing the passphrase or decrypting from the dialog.
import type { EncryptionDialog } from '../../shared/channels'
import { client } from '../api'
import { errorMessage, loadWorkspace, toast } from '../state/actions'
import { getState, setState } from '../state/store'

/** Sends the passphrase once to the main side, which derives the key and opens the workspace; the error in words when it is wrong. */
export async function unlockWorkspace(passphrase: string): Promise<string | null> {
  try {
    await client.workspace.unlock({ passphrase })
  } catch (err) {
    return errorMessage(err)
  }
  await loadWorkspace()
  return null
}

export const openEncryption = (dialog: EncryptionDialog) => setState({ encryption: dialog, palette: false })

/** The File menu's request (its items are always there): the dialog, or why it does not apply to this workspace. */
export function requestEncryption(dialog: EncryptionDialog): void {
  const { info, status } = getState()
  if (status !== 'ready' || !info) return toast('error', 'Open the workspace first.')
  if (info.readOnly) return toast('error', `The workspace is read-only: ${info.readOnly}`)
  if (dialog === 'encrypt' && info.encrypted) return toast('error', 'This workspace is encrypted already; use File › Change passphrase… to change its passphrase.')
  if (dialog !== 'encrypt' && !info.encrypted) return toast('error', 'This workspace is not encrypted; File › Encrypt workspace… encrypts it.')
  openEncryption(dialog)
}
export const closeEncryption = () => setState({ encryption: null })

/** Runs the dialog's switch; returns the error in words, or null once done (the dialog closes and a toast says what happened). */
export async function applyEncryption(dialog: EncryptionDialog, fields: { current: string; next: string }): Promise<string | null> {
  try {
    const { left } =
      dialog === 'encrypt'
        ? await client.workspace.encrypt({ passphrase: fields.next })
        : dialog === 'change'
          ? await client.workspace.changePassphrase({ current: fields.current, next: fields.next })
          : await client.workspace.decrypt({ current: fields.current })
    setState({ encryption: null })
    await loadWorkspace()
    const done = {
      encrypt: 'The workspace is encrypted: workspace.json, its backups and the audit log. Opening it now asks for the passphrase.',
      change: 'The passphrase was changed; the workspace, its backups and the audit log are encrypted under the new one.',
      decrypt: 'The workspace was decrypted: its files are plain again.',
    }[dialog]
    toast('info', left.length ? `${done} Left as they were (they do not open under the old passphrase): ${left.join(', ')}.` : done)
    return null
  } catch (err) {
    return errorMessage(err)
  }
}
