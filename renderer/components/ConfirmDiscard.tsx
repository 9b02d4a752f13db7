// The modal that guards unsaved edits when the user navigates away from a form.
import { useEffect, useRef } from 'react'
import { confirmDiscard } from '../state/actions'
import { useApp } from '../state/store'

export function ConfirmDiscard() {
  const pending = useApp((s) => s.pending)
  const keep = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (pending) keep.current?.focus()
  }, [pending])
  if (!pending) return null
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && confirmDiscard(false)}>
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="discard-title" aria-describedby="discard-text">
        <h2 id="discard-title">Discard unsaved changes?</h2>
        <p id="discard-text">The record you are editing has changes that are not saved. They will be lost.</p>
        <div className="modal-buttons">
          <button type="button" ref={keep} onClick={() => confirmDiscard(false)}>
            Keep editing
          </button>
          <button type="button" className="danger" onClick={() => confirmDiscard(true)}>
            Discard changes
          </button>
        </div>
      </div>
    </div>
  )
}
