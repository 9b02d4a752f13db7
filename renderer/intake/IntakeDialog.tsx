// The article intake screen: paste an article or open a file, then review the drafted incident beside the article before anything is written.
import { useRef } from 'react'
import { useFocusTrap } from '../components/useFocusTrap'
import { useApp } from '../state/store'
import { chooseArticleFile, closeIntake, draftFromPasted, setPasted } from './actions'
import { IntakeReview } from './IntakeReview'

export function IntakeDialog() {
  const open = useApp((s) => s.intake !== null)
  return open ? <IntakePanel /> : null
}

function IntakePanel() {
  const intake = useApp((s) => s.intake)!
  const dialog = useRef<HTMLDivElement>(null)
  const paste = useRef<HTMLTextAreaElement>(null)
  useFocusTrap(dialog, closeIntake, paste)
  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal intake-dialog" role="dialog" aria-modal="true" aria-labelledby="intake-title">
        <h2 id="intake-title">{intake.draft ? `Review the draft from ${intake.fileName}` : 'New incident from an article'}</h2>
        {intake.stage ? (
          <p className="intake-stage" role="status">
            {intake.stage}
          </p>
        ) : null}
        {intake.error ? (
          <p className="intake-error" role="alert">
            {intake.error}
          </p>
        ) : null}
        {intake.draft ? (
          <IntakeReview />
        ) : (
          <>
            <p className="muted">Paste a news article’s text, or open a saved article (.txt, .md, .html, .pdf). Watchfloor drafts the incident offline and shows the sentence behind every proposal; nothing is written until you confirm.</p>
            <label className="intake-paste">
              Article text
              <textarea ref={paste} value={intake.pasted} onChange={(e) => setPasted(e.target.value)} rows={14} placeholder="Paste the article here" disabled={!!intake.stage} />
            </label>
            <div className="modal-buttons">
              <button type="button" onClick={closeIntake}>
                Cancel
              </button>
              <button type="button" onClick={chooseArticleFile} disabled={!!intake.stage}>
                Open a file…
              </button>
              <button type="button" className="primary" onClick={() => void draftFromPasted()} disabled={!!intake.stage}>
                Draft incident
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  )
}
