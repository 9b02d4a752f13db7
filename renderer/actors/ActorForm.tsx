// The actor form: name, aliases, kind, country and description, with validation and delete with undo.
import { ACTOR_KINDS, ACTOR_KIND_LABELS, ActorInputSchema, type Actor } from '../../shared/domain'
import { CountrySelect } from '../components/CountrySelect'
import { Field } from '../components/Field'
import { ListInput } from '../components/ListInput'
import { RecordFormFrame, useRecordForm } from '../components/RecordForm'
import { deleteActor, leaveActor, saveActor } from './actions'

const blankActor = () => ({ name: '', aliases: [], kind: 'state-sponsored-group' as const, description: '' })

export function ActorForm({ actor }: { actor: Actor | null }) {
  const form = useRecordForm(actor, blankActor, ActorInputSchema, saveActor, (saved) => `Saved “${saved.name}”.`)
  const { draft, set, errors } = form
  const note = actor?.provenance ? (
    <p className="form-note provenance">
      Created by an import of {actor.provenance.dataset}
      {actor.provenance.version ? ` ${actor.provenance.version}` : ''}
      {actor.provenance.row ? ` (row ${actor.provenance.row})` : ''}.
    </p>
  ) : null
  return (
    <RecordFormFrame noun="actor" record={actor} name={actor?.name ?? ''} heading={actor ? actor.name : 'New actor'} form={form} onLeave={leaveActor} onDelete={(id) => void deleteActor(id)} note={note}>
      <Field label="Name" error={errors.name} wide>
        <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as Actor['kind'] })}>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {ACTOR_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Country" error={errors.country}>
        <CountrySelect value={draft.country} onChange={(country) => set({ country })} empty="—" />
      </Field>
      <Field label="Aliases" error={errors.aliases ?? Object.entries(errors).find(([k]) => k.startsWith('aliases.'))?.[1]} hint="Comma-separated: vendor names, MITRE ids" wide>
        <ListInput value={draft.aliases} onChange={(aliases) => set({ aliases })} />
      </Field>
      <Field label="Description" error={errors.description} wide>
        <textarea rows={6} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
      </Field>
    </RecordFormFrame>
  )
}
