// A comma-separated text box edited as a list of strings (tags, aliases, ATT&CK ids).
import { useEffect, useState } from 'react'

interface Props {
  value: string[]
  onChange(value: string[]): void
  placeholder?: string
  id?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

const split = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

export function ListInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(value.join(', '))
  useEffect(() => {
    setText((current) => (split(current).join('\u0000') === value.join('\u0000') ? current : value.join(', ')))
  }, [value])
  return (
    <input
      {...rest}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        onChange(split(e.target.value))
      }}
    />
  )
}
