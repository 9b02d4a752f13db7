// Places of an incident as points (label, latitude, longitude) for the map.
import type { GeoPoint } from '../../shared/domain'
import { Field } from '../components/Field'
import type { Errors } from './draft'
import { ItemList } from './ItemList'

interface Props {
  items: GeoPoint[]
  onChange(items: GeoPoint[]): void
  errors: Errors
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

export function LocationsEditor({ items, onChange, errors }: Props) {
  const set = (n: number, patch: Partial<GeoPoint>) => onChange(items.map((p, i) => (i === n ? { ...p, ...patch } : p)))
  return (
    <ItemList
      title="Locations"
      noun="location"
      items={items}
      empty="No location. Optional: add a point (e.g. the victim's capital) to place the incident on the map."
      itemLabel={(p, n) => `location ${n + 1}${p.label ? ` (${p.label})` : ''}`}
      onAdd={() => onChange([...items, { label: '', lat: Number.NaN, lon: Number.NaN }])}
      onRemove={(n) => onChange(items.filter((_, i) => i !== n))}
      render={(p, n) => (
        <>
          <Field label="Place" error={errors[`locations.${n}.label`]}>
            <input value={p.label} onChange={(e) => set(n, { label: e.target.value })} placeholder="e.g. Tirana" />
          </Field>
          <Field label="Latitude" error={errors[`locations.${n}.lat`]}>
            <input type="number" step="any" value={Number.isNaN(p.lat) ? '' : p.lat} onChange={(e) => set(n, { lat: num(e.target.value) })} />
          </Field>
          <Field label="Longitude" error={errors[`locations.${n}.lon`]}>
            <input type="number" step="any" value={Number.isNaN(p.lon) ? '' : p.lon} onChange={(e) => set(n, { lon: num(e.target.value) })} />
          </Field>
        </>
      )}
    />
  )
}
