// The actor form: name, aliases, kind, country and description, with validation and delete with undo.
import { useMemo, useState, type FormEvent } from 'react'
import { ACTOR_KINDS, ACTOR_KIND_LABELS, ActorInputSchema, type Actor } from '../../shared/domain'
import { toFieldIssues } from '../../shared/issues'
import { WorkbenchError } from '../../shared/result'
import { CountrySelect } from '../components/CountrySelect'
import { Field } from '../components/Field'
import { ListInput } from '../components/ListInput'
import { useDraft } from '../components/useDraft'
import { errorMessage, toast } from '../state/actions'
import { deleteActor, leaveActor, saveActor } from './actions'
import { useApp } from '../state/store'
import { errorsOf, type Errors } from '../incidents/draft'

type ActorDraft = Omit<Actor, 'id' | 'createdAt' | 'updatedAt'>

function draftOf(actor: Actor | null): ActorDraft {
  if (!actor) return { name: '', aliases: [], kind: 'state-sponsored-group', description: '' }
  const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = actor
  return fields
}

export function ActorForm({ actor }: { actor: Actor | null }) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const initial = useMemo(() => draftOf(actor), [actor])
  const { draft, dirty, set, revert } = useDraft<ActorDraft>(initial)
  const [errors, setErrors] = useState<Errors>({})

  async function save(e: FormEvent) {
    e.preventDefault()
    const parsed = ActorInputSchema.safeParse(draft)
    if (!parsed.success) return setErrors(errorsOf(toFieldIssues(parsed.error)))
    try {
      const saved = await saveActor(actor?.id ?? null, parsed.data)
      setErrors({})
      toast('info', `Saved “${saved.name}”.`)
    } catch (err) {
      if (err instanceof WorkbenchError) setErrors(errorsOf(err.issues))
      toast('error', errorMessage(err))
    }
  }

  return (
    <form
      className="record-form"
      data-actor={actor ? actor.id : 'new'}
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          leaveActor()
        }
      }}
      aria-label={actor ? `Edit actor ${actor.name}` : 'New actor'}
      noValidate
    >
      <header className="form-head">
        <h2>{actor ? actor.name : 'New actor'}</h2>
        {actor?.sample ? <span className="badge sample">Sample data</span> : null}
        <span className={`save-state${dirty ? ' dirty' : ''}`}>{dirty ? 'Unsaved changes' : actor ? 'Saved' : ''}</span>
      </header>
      {actor?.provenance ? (
        <p className="form-note provenance">
          Created by an import of {actor.provenance.dataset}
          {actor.provenance.version ? ` ${actor.provenance.version}` : ''}
          {actor.provenance.row ? ` (row ${actor.provenance.row})` : ''}.
        </p>
      ) : null}
      <fieldset disabled={!!readOnly} className="form-body">
        <div className="grid">
          <Field label="Name" error={errors.name} wide>
            <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label="Kind" error={errors.kind}>
            <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as ActorDraft['kind'] })}>
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
        </div>
      </fieldset>
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={!!readOnly}>
          {actor ? 'Save changes' : 'Create actor'}
        </button>
        <button type="button" disabled={!dirty} onClick={revert}>
          Revert
        </button>
        {actor ? (
          <button type="button" className="danger" disabled={!!readOnly} onClick={() => void deleteActor(actor.id)}>
            Delete actor
          </button>
        ) : null}
      </footer>
    </form>
  )
}
