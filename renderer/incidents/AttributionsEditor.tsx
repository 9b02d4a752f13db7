// Attributions of an incident: who attributes, when, to whom, on what basis and how sure (ICD 203).
import { countryName } from '../../shared/countries'
import {
  ATTRIBUTION_BASES,
  ATTRIBUTION_BASIS_LABELS,
  ATTRIBUTOR_KINDS,
  ATTRIBUTOR_KIND_LABELS,
  CONFIDENCE_LEVELS,
  LIKELIHOOD_TERMS,
  type Attribution,
} from '../../shared/domain'
import { ActorPicker } from '../components/ActorPicker'
import { CountrySelect } from '../components/CountrySelect'
import { Field } from '../components/Field'
import { PartialDateInput } from '../components/PartialDateInput'
import { useApp } from '../state/store'
import { newId, type Errors } from './draft'
import { ItemList } from './ItemList'
import { ClaimSources } from './ClaimSources'

interface Props {
  items: Attribution[]
  onChange(items: Attribution[]): void
  errors: Errors
}

export function AttributionsEditor({ items, onChange, errors }: Props) {
  const actors = useApp((s) => s.actors)
  const set = (n: number, patch: Partial<Attribution>) => onChange(items.map((a, i) => (i === n ? { ...a, ...patch } : a)))
  const e = (n: number, f: string) => errors[`attributions.${n}.${f}`]
  return (
    <ItemList
      title="Attributions"
      noun="attribution"
      items={items}
      empty="No attribution yet. Add who attributed the incident, to whom, and how confident they were."
      itemLabel={(a, n) => `attribution ${n + 1}${a.attributor ? ` by ${a.attributor}` : ''}`}
      onAdd={() =>
        onChange([...items, { id: newId('att'), attributor: '', attributorKind: 'government', basis: [], statement: '', sourceIds: [] }])
      }
      onRemove={(n) => onChange(items.filter((_, i) => i !== n))}
      render={(a, n) => (
        <>
          <Field label="Attributed by" error={e(n, 'attributor')}>
            <ActorPicker role="attributor" label={a.attributor} actorId={a.attributorActorId} onChange={(c) => set(n, { attributor: c.label, attributorActorId: c.actorId })} placeholder="e.g. Government of Albania" />
          </Field>
          <Field label="Kind" error={e(n, 'attributorKind')}>
            <select value={a.attributorKind} onChange={(ev) => set(n, { attributorKind: ev.target.value as Attribution['attributorKind'] })}>
              {ATTRIBUTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ATTRIBUTOR_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Attributor's country" error={e(n, 'attributorCountry')}>
            <CountrySelect value={a.attributorCountry} onChange={(c) => set(n, { attributorCountry: c })} empty="—" />
          </Field>
          <Field label="Date" error={e(n, 'date')}>
            <PartialDateInput value={a.date} onChange={(d) => set(n, { date: d })} />
          </Field>
          <Field label="Attributed to (state)" error={e(n, 'toCountry')}>
            <CountrySelect value={a.toCountry} onChange={(c) => set(n, { toCountry: c })} empty="—" />
          </Field>
          <Field label="Attributed to (actor)" error={e(n, 'toActorId')}>
            <select value={a.toActorId ?? ''} onChange={(ev) => set(n, { toActorId: ev.target.value || undefined })}>
              <option value="">—</option>
              {actors.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                  {x.country ? ` (${countryName(x.country)})` : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Confidence (ICD 203)" error={e(n, 'confidence')}>
            <select value={a.confidence ?? ''} onChange={(ev) => set(n, { confidence: (ev.target.value || undefined) as Attribution['confidence'] })}>
              <option value="">Not stated</option>
              {CONFIDENCE_LEVELS.map((c) => (
                <option key={c} value={c}>
                  {c} confidence
                </option>
              ))}
            </select>
          </Field>
          <Field label="Likelihood (ICD 203)" error={e(n, 'likelihood')}>
            <select value={a.likelihood ?? ''} onChange={(ev) => set(n, { likelihood: ev.target.value || undefined })}>
              <option value="">Not stated</option>
              {LIKELIHOOD_TERMS.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label} ({t.range[0]}–{t.range[1]}%)
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="field wide checks">
            <legend>Basis</legend>
            {ATTRIBUTION_BASES.map((b) => (
              <label key={b} className="check">
                <input
                  type="checkbox"
                  checked={a.basis.includes(b)}
                  onChange={(ev) => set(n, { basis: ev.target.checked ? [...a.basis, b] : a.basis.filter((x) => x !== b) })}
                />
                {ATTRIBUTION_BASIS_LABELS[b]}
              </label>
            ))}
          </fieldset>
          <Field label="Statement" error={e(n, 'statement')} wide>
            <textarea rows={2} value={a.statement} onChange={(ev) => set(n, { statement: ev.target.value })} />
          </Field>
          <ClaimSources ids={a.sourceIds} onChange={(sourceIds) => set(n, { sourceIds })} noun="attribution" />
        </>
      )}
    />
  )
}
