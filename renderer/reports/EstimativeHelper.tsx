// The estimative-language helper under the key judgments: inserts ICD 203 likelihood terms and confidence levels, and flags sentences that mix them.
import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react'
import { checkEstimative, ESTIMATIVE_PHRASES } from '../../shared/report/estimative'

interface Props {
  value: string
  onChange(value: string): void
  /** The textarea to insert at (its caret or selection). */
  target: RefObject<HTMLTextAreaElement | null>
  disabled?: boolean
}

export function EstimativeHelper({ value, onChange, target, disabled }: Props) {
  const checks = useMemo(() => checkEstimative(value), [value])
  // Where the caret goes once the inserted text is rendered; placed in the same commit so typing right after cannot race it.
  const caret = useRef<number | null>(null)
  useLayoutEffect(() => {
    const el = target.current
    if (caret.current === null || !el) return
    el.focus()
    el.setSelectionRange(caret.current, caret.current)
    caret.current = null
  }, [value, target])
  const warnings = checks.filter((c) => c.warning)
  const terms = checks.reduce((n, c) => n + c.likelihood.length, 0)
  const levels = checks.reduce((n, c) => n + c.confidence.length, 0)

  function insert(text: string) {
    const el = target.current
    const start = el?.selectionStart ?? value.length
    const end = el?.selectionEnd ?? value.length
    const before = value.slice(0, start)
    const pad = before && !/\s$/.test(before) ? ' ' : ''
    const next = `${before}${pad}${text}${value.slice(end)}`
    caret.current = start + pad.length + text.length
    onChange(next)
  }

  return (
    <div className="report-estimative" aria-label="Estimative language">
      <div className="report-phrases" role="group" aria-label="Insert a likelihood term">
        <span className="report-phrases-label">Likelihood</span>
        {ESTIMATIVE_PHRASES.likelihood.map((p) => (
          <button key={p.id} type="button" disabled={disabled} title={`${p.text}: ${p.hint}`} onClick={() => insert(p.text)}>
            {p.text}
          </button>
        ))}
      </div>
      <div className="report-phrases" role="group" aria-label="Insert a confidence level">
        <span className="report-phrases-label">Confidence</span>
        {ESTIMATIVE_PHRASES.confidence.map((p) => (
          <button key={p.id} type="button" disabled={disabled} title={p.hint} onClick={() => insert(p.text)}>
            {p.text}
          </button>
        ))}
      </div>
      <p className="report-estimative-count muted">
        {terms} likelihood term{terms === 1 ? '' : 's'}, {levels} confidence statement{levels === 1 ? '' : 's'}
        {warnings.length === 0 ? ' · no sentence mixes them' : ''}
      </p>
      {warnings.length > 0 ? (
        <ul className="report-warnings" role="alert">
          {warnings.map((w) => (
            <li key={w.start}>
              <strong>Sentence {checks.indexOf(w) + 1}:</strong> {w.warning}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
