// A set of removable chips plus a picker to add one more: sponsor countries, actors, linked sources.
interface Option {
  value: string
  label: string
}

interface Props {
  values: string[]
  options: Option[]
  onChange(values: string[]): void
  addLabel: string
  id?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

export function Chips({ values, options, onChange, addLabel, ...rest }: Props) {
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v
  const free = options.filter((o) => !values.includes(o.value))
  return (
    <div className="chips">
      {values.map((v) => (
        <span className="chip" key={v}>
          {label(v)}
          <button type="button" className="chip-x" aria-label={`Remove ${label(v)}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      <select {...rest} value="" aria-label={addLabel} onChange={(e) => e.target.value && onChange([...values, e.target.value])}>
        <option value="">{addLabel}</option>
        {free.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
