// Responses to an incident: who did what (CAMEO-like type), when, against whom.
import { LEGAL_RESPONSE_TYPE_LABELS, LEGAL_RESPONSE_TYPES, RESPONSE_TYPES, type IncidentResponse, type LegalResponseType } from '../../shared/domain'
import { ActorPicker } from '../components/ActorPicker'
import { CountrySelect } from '../components/CountrySelect'
import { Field } from '../components/Field'
import { PartialDateInput } from '../components/PartialDateInput'
import { newId, type Errors } from './draft'
import { ItemList } from './ItemList'
import { ClaimSources } from './ClaimSources'

interface Props {
  items: IncidentResponse[]
  onChange(items: IncidentResponse[]): void
  errors: Errors
}

export function ResponsesEditor({ items, onChange, errors }: Props) {
  const set = (n: number, patch: Partial<IncidentResponse>) => onChange(items.map((r, i) => (i === n ? { ...r, ...patch } : r)))
  const e = (n: number, f: string) => errors[`responses.${n}.${f}`]
  return (
    <ItemList
      title="Responses"
      noun="response"
      items={items}
      empty="No response yet. Add statements, expulsions, sanctions or alliance statements that followed."
      itemLabel={(r, n) => `response ${n + 1}${r.actor ? ` by ${r.actor}` : ''}`}
      onAdd={() => onChange([...items, { id: newId('resp'), actor: '', type: 'statement', target: '', description: '', sourceIds: [] }])}
      onRemove={(n) => onChange(items.filter((_, i) => i !== n))}
      render={(r, n) => (
        <>
          <Field label="Responding actor" error={e(n, 'actor')}>
            <ActorPicker role="responding actor" label={r.actor} actorId={r.actorId} onChange={(c) => set(n, { actor: c.label, actorId: c.actorId })} placeholder="e.g. Government of Albania" />
          </Field>
          <Field label="Actor's country" error={e(n, 'actorCountry')}>
            <CountrySelect value={r.actorCountry} onChange={(c) => set(n, { actorCountry: c })} empty="—" />
          </Field>
          <Field label="Type" error={e(n, 'type')}>
            <select value={r.type} onChange={(ev) => set(n, { type: ev.target.value as IncidentResponse['type'] })}>
              {RESPONSE_TYPES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.cameo ? `${t.cameo} · ` : ''}
                  {t.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Legal response type" error={e(n, 'legalType')}>
            <select value={r.legalType ?? ''} onChange={(ev) => set(n, { legalType: (ev.target.value || undefined) as LegalResponseType | undefined })}>
              <option value="">Not a legal measure</option>
              {LEGAL_RESPONSE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {LEGAL_RESPONSE_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Date" error={e(n, 'date')}>
            <PartialDateInput value={r.date} onChange={(d) => set(n, { date: d })} />
          </Field>
          <Field label="Target" error={e(n, 'target')}>
            <input value={r.target} onChange={(ev) => set(n, { target: ev.target.value })} placeholder="e.g. Iran" />
          </Field>
          <Field label="Target country" error={e(n, 'targetCountry')}>
            <CountrySelect value={r.targetCountry} onChange={(c) => set(n, { targetCountry: c })} empty="—" />
          </Field>
          <Field label="Description" error={e(n, 'description')} wide>
            <textarea rows={2} value={r.description} onChange={(ev) => set(n, { description: ev.target.value })} />
          </Field>
          <ClaimSources ids={r.sourceIds} onChange={(sourceIds) => set(n, { sourceIds })} noun="response" />
        </>
      )}
    />
  )
}
