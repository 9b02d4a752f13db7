// The screen an encrypted workspace opens on: one passphrase field; the passphrase goes to the main side once and is not kept here.
import { useRef, useState, type FormEvent } from 'react'
import { unlockWorkspace } from './actions'

export function PassphraseScreen() {
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!passphrase) return setError('Enter the passphrase.')
    setBusy(true)
    setError(null)
    const problem = await unlockWorkspace(passphrase)
    // On success this screen is gone; on failure the field is cleared for another try.
    if (problem) {
      setBusy(false)
      setError(problem)
      setPassphrase('')
      input.current?.focus()
    }
  }
  return (
    <main className="splash unlock">
      <h1>This workspace is encrypted</h1>
      <form className="unlock-form" aria-label="Unlock the workspace" onSubmit={(e) => void submit(e)}>
        <label className="field">
          Passphrase
          <input ref={input} type="password" autoFocus autoComplete="current-password" value={passphrase} disabled={busy} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
        <p className="field-hint">Its files stay encrypted on disk; the key is kept in memory only while it is open.</p>
      </form>
    </main>
  )
}
