// A date box that takes a year, a month or a day as an analyst would type it, and keeps the precision.
import { useEffect, useState } from 'react'
import { parsePartialDate } from '../../shared/partialDate'
import { formatDate } from '../locale'

interface Props {
  value: string | undefined
  /** Canonical date, the raw text when unreadable (so validation reports it), or undefined when empty. */
  onChange(value: string | undefined): void
  id?: string
  placeholder?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

export function PartialDateInput({ value, onChange, placeholder = 'e.g. 2022, Jul 2022, 2022-07-15', ...aria }: Props) {
  const [text, setText] = useState(value ?? '')
  useEffect(() => {
    // Follow the value when it changes from outside (another record loaded), not while typing it.
    setText((current) => (parsePartialDate(current) === (value ?? null) || (current === '' && !value) ? current : (value ?? '')))
  }, [value])
  const parsed = parsePartialDate(text)
  return (
    <span className="date-input">
      <input
        {...aria}
        type="text"
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value)
          const t = e.target.value.trim()
          onChange(t === '' ? undefined : (parsePartialDate(t) ?? t))
        }}
        onBlur={() => parsed && setText(parsed)}
      />
      {parsed && formatDate(parsed, 'long') !== text.trim() ? <span className="date-reading">{formatDate(parsed, 'long')}</span> : null}
    </span>
  )
}
