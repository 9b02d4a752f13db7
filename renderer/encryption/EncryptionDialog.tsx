// The dialog of File › Encrypt workspace…, Change passphrase… and Decrypt workspace…: the passphrases it needs, what the switch covers, and its progress.
import { useRef, useState, type FormEvent } from 'react'
import { MIN_PASSPHRASE } from '../../shared/contract'
import type { EncryptionDialog as Dialog } from '../../shared/channels'
import { useFocusTrap } from '../components/useFocusTrap'
import { useApp } from '../state/store'
import { applyEncryption, closeEncryption } from './actions'

const TITLES: Record<Dialog, string> = { encrypt: 'Encrypt workspace', change: 'Change passphrase', decrypt: 'Decrypt workspace' }
const BUSY: Record<Dialog, string> = { encrypt: 'Encrypting…', change: 'Changing…', decrypt: 'Decrypting…' }

export function EncryptionDialog() {
  const dialog = useApp((s) => s.encryption)
  return dialog ? <EncryptionForm key={dialog} dialog={dialog} /> : null
}

function EncryptionForm({ dialog }: { dialog: Dialog }) {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  useFocusTrap(form, () => (busy ? undefined : closeEncryption()))
  const needsCurrent = dialog !== 'encrypt'
  const needsNext = dialog !== 'decrypt'

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (needsCurrent && !current) return setError('Enter the current passphrase.')
    if (needsNext && next.length < MIN_PASSPHRASE) return setError(`Choose a passphrase of at least ${MIN_PASSPHRASE} characters; a longer one of several words is stronger.`)
    if (needsNext && next !== again) return setError('The two new passphrases differ.')
    setBusy(true)
    setError(null)
    const problem = await applyEncryption(dialog, { current, next })
    if (problem) {
      setBusy(false)
      setError(problem)
    }
  }

  return (
    <div className="modal-backdrop">
      <form ref={form} className="modal" role="dialog" aria-modal="true" aria-labelledby="encryption-title" onSubmit={(e) => void submit(e)}>
        <h2 id="encryption-title">{TITLES[dialog]}</h2>
        {dialog === 'decrypt' ? (
          <p>workspace.json, its backups and the audit log are written back as plain files anyone with the folder can read.</p>
        ) : (
          <p>
            workspace.json, its backups and the audit log are encrypted on disk (AES-256-GCM); opening the workspace asks for the passphrase. Without it the data cannot be
            recovered. Exports stay plain files.
          </p>
        )}
        {needsCurrent ? (
          <label className="field">
            Current passphrase
            <input type="password" autoComplete="current-password" value={current} disabled={busy} onChange={(e) => setCurrent(e.target.value)} />
          </label>
        ) : null}
        {needsNext ? (
          <>
            <label className="field">
              New passphrase
              <input type="password" autoComplete="new-password" value={next} disabled={busy} onChange={(e) => setNext(e.target.value)} />
            </label>
            <label className="field">
              New passphrase again
              <input type="password" autoComplete="new-password" value={again} disabled={busy} onChange={(e) => setAgain(e.target.value)} />
            </label>
          </>
        ) : null}
        <p className="field-hint">A backup is taken first; then every file is rewritten, all or nothing.</p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-buttons">
          <button type="button" onClick={closeEncryption} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? BUSY[dialog] : TITLES[dialog]}
          </button>
        </div>
      </form>
    </div>
  )
}
