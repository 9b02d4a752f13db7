// The modal that guards unsaved edits when the user navigates away from a form.
import { useRef } from 'react'
import { confirmDiscard } from '../state/actions'
import { useApp } from '../state/store'
import { useFocusTrap } from './useFocusTrap'

export function ConfirmDiscard() {
  const pending = useApp((s) => s.pending)
  return pending ? <DiscardDialog /> : null
}

/** Keeping the edits is the safe default: it has focus, and Escape chooses it. */
function DiscardDialog() {
  const keep = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  useFocusTrap(dialog, () => confirmDiscard(false), keep)
  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal" role="alertdialog" aria-modal="true" aria-labelledby="discard-title" aria-describedby="discard-text">
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
