// Victims of an incident: country, sector and organisation per row.
import type { Victim } from '../../shared/domain'
import { CountrySelect } from '../components/CountrySelect'
import { Field } from '../components/Field'
import type { Errors } from './draft'
import { ItemList } from './ItemList'
import { countryName } from '../../shared/countries'

interface Props {
  items: Victim[]
  onChange(items: Victim[]): void
  errors: Errors
}

export function VictimsEditor({ items, onChange, errors }: Props) {
  const set = (n: number, patch: Partial<Victim>) => onChange(items.map((v, i) => (i === n ? { ...v, ...patch } : v)))
  return (
    <ItemList
      title="Victims"
      noun="victim"
      items={items}
      empty="No victim yet. Add the country (and sector or organisation) that was hit."
      itemLabel={(v, n) => `victim ${n + 1}${v.country ? ` (${countryName(v.country)})` : ''}`}
      onAdd={() => onChange([...items, { country: '', sector: '', organisation: '' }])}
      onRemove={(n) => onChange(items.filter((_, i) => i !== n))}
      render={(v, n) => (
        <>
          <Field label="Country" error={errors[`victims.${n}.country`]}>
            <CountrySelect value={v.country || undefined} onChange={(country) => set(n, { country: country ?? '' })} />
          </Field>
          <Field label="Sector" error={errors[`victims.${n}.sector`]}>
            <input value={v.sector} onChange={(e) => set(n, { sector: e.target.value })} placeholder="government, energy…" />
          </Field>
          <Field label="Organisation" error={errors[`victims.${n}.organisation`]}>
            <input value={v.organisation} onChange={(e) => set(n, { organisation: e.target.value })} />
          </Field>
          <Field label="Category" error={errors[`victims.${n}.category`]}>
            <input value={v.category ?? ''} onChange={(e) => set(n, { category: e.target.value || undefined })} placeholder="critical infrastructure, state institutions…" />
          </Field>
        </>
      )}
    />
  )
}
