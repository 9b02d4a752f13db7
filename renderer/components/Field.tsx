// A labelled form control with its validation message, wired for screen readers.
import { useId, type ReactElement, type ReactNode } from 'react'
import { cloneElement } from 'react'

interface Props {
  label: string
  error?: string
  hint?: ReactNode
  wide?: boolean
  children: ReactElement<Record<string, unknown>>
}

export function Field({ label, error, hint, wide, children }: Props) {
  const id = useId()
  const msgId = `${id}-msg`
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? msgId : undefined,
  })
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      {error ? (
        <div className="field-error" id={msgId} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint" id={msgId}>
          {hint}
        </div>
      ) : null}
    </div>
  )
}
