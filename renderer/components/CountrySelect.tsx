// A select of every country by English name, storing the ISO code.
import { COUNTRIES } from '../../shared/countries'

interface Props {
  value: string | undefined
  onChange(code: string | undefined): void
  /** Text of the empty choice; omit to make a country required. */
  empty?: string
  id?: string
  'aria-label'?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  only?: ReadonlySet<string>
}

export function CountrySelect({ value, onChange, empty, only, ...rest }: Props) {
  const options = only ? COUNTRIES.filter((c) => only.has(c.code)) : COUNTRIES
  return (
    <select {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{empty ?? 'Choose a country…'}</option>
      {options.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  )
}
