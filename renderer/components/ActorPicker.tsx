// A claim's actor (who attributes, who responds): a free-text label with a list of matching actors to link, and an inline form to create the actor when it is missing.
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { actorKey } from '../../shared/actorLinks'
import { countryName } from '../../shared/countries'
import { ACTOR_KINDS, ACTOR_KIND_LABELS, type Actor, type ActorKind } from '../../shared/domain'
import { createActorInline } from '../actors/actions'
import { errorMessage } from '../state/actions'
import { useApp } from '../state/store'
import { CountrySelect } from './CountrySelect'

/** Kinds that attribute and respond, offered first when creating. */
const CLAIMANT_KINDS: readonly ActorKind[] = ['state', 'state-agency', 'international-org', 'company']
const SHOWN = 8

export interface ActorChoice {
  label: string
  actorId?: string
}

interface Props extends ActorChoice {
  onChange(next: ActorChoice): void
  placeholder?: string
  /** What the actor does in the claim, for labels: "attributor", "responding actor". */
  role: string
  id?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

type Option = { kind: 'actor'; actor: Actor } | { kind: 'create'; name: string }

/** Actors whose name or an alias holds `query`: exact first, then by start, then anywhere; claimant kinds before groups at each step. */
function matching(actors: readonly Actor[], query: string): Actor[] {
  const q = actorKey(query)
  if (!q) return actors.filter((a) => CLAIMANT_KINDS.includes(a.kind)).slice(0, SHOWN)
  const rank = (a: Actor) => {
    const keys = [a.name, ...a.aliases].map(actorKey)
    const base = keys.includes(q) ? 0 : keys.some((k) => k.startsWith(q)) ? 1 : keys.some((k) => k.includes(q)) ? 2 : -1
    return base < 0 ? -1 : base * 2 + (CLAIMANT_KINDS.includes(a.kind) ? 0 : 1)
  }
  return actors
    .map((a) => ({ a, r: rank(a) }))
    .filter((x) => x.r >= 0)
    .sort((x, y) => x.r - y.r || x.a.name.localeCompare(y.a.name))
    .slice(0, SHOWN)
    .map((x) => x.a)
}

export function ActorPicker({ label, actorId, onChange, placeholder, role, id, ...aria }: Props) {
  const actors = useApp((s) => s.actors)
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [creating, setCreating] = useState<{ name: string; kind: ActorKind; country?: string; error?: string; busy?: boolean } | null>(null)
  const linked = actorId ? actors.find((a) => a.id === actorId) : undefined

  const options = useMemo<Option[]>(() => {
    const found = matching(actors, label)
    const exact = found.some((a) => [a.name, ...a.aliases].some((n) => actorKey(n) === actorKey(label)))
    return [...found.map((actor) => ({ kind: 'actor' as const, actor })), ...(label.trim() && !exact ? [{ kind: 'create' as const, name: label.trim() }] : [])]
  }, [actors, label])

  function pick(option: Option) {
    setOpen(false)
    if (option.kind === 'actor') onChange({ label: option.actor.name, actorId: option.actor.id })
    else setCreating({ name: option.name, kind: 'state' })
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) return (setOpen(true), setActive(0))
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((n) => (n + step + options.length) % Math.max(options.length, 1))
    } else if (e.key === 'Enter' && open && options[active]) {
      e.preventDefault()
      pick(options[active])
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      setOpen(false)
    }
  }

  async function create() {
    if (!creating || creating.busy) return
    setCreating({ ...creating, busy: true, error: undefined })
    try {
      const actor = await createActorInline({ name: creating.name, kind: creating.kind, country: creating.country, aliases: [] })
      setCreating(null)
      onChange({ label: label.trim() ? label : actor.name, actorId: actor.id })
    } catch (err) {
      setCreating({ ...creating, busy: false, error: errorMessage(err) })
    }
  }

  function onCreateKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault()
      setCreating(null)
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      // Enter here creates the actor; it must not submit the incident form around it.
      e.preventDefault()
      void create()
    }
  }

  const optionId = (n: number) => `${listId}-${n}`
  return (
    <div className="actor-picker">
      <input
        {...aria}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        value={label}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(e) => {
          onChange({ label: e.target.value, actorId })
          setOpen(true)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {open && options.length > 0 ? (
        <ul id={listId} role="listbox" className="actor-options" aria-label={`Actors matching “${label}”`}>
          {options.map((o, n) => (
            <li
              key={o.kind === 'actor' ? o.actor.id : 'create'}
              id={optionId(n)}
              role="option"
              aria-selected={n === active}
              className={n === active ? 'active' : ''}
              // Keep focus in the input so the list is not closed by its blur before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              {o.kind === 'actor' ? (
                <>
                  {o.actor.name} <span className="muted">{ACTOR_KIND_LABELS[o.actor.kind]}{o.actor.country ? ` · ${countryName(o.actor.country)}` : ''}</span>
                </>
              ) : (
                <>Create actor “{o.name}”…</>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actor-link">
        {linked ? (
          <>
            <span>
              Actor: <strong>{linked.name}</strong> <span className="muted">{ACTOR_KIND_LABELS[linked.kind]}</span>
            </span>
            <button type="button" className="link-button" aria-label={`Unlink ${role} from actor ${linked.name}`} onClick={() => onChange({ label, actorId: undefined })}>
              Unlink
            </button>
          </>
        ) : actorId ? (
          <span className="field-error">Linked to a missing actor ({actorId})</span>
        ) : (
          <span className="muted">Not linked to an actor: type to pick one or create it</span>
        )}
      </div>
      {creating ? (
        <div role="group" aria-label={`New actor for ${role}`} className="actor-create" onKeyDown={onCreateKey}>
          <label>
            Actor name
            <input value={creating.name} autoFocus onChange={(e) => setCreating({ ...creating, name: e.target.value })} />
          </label>
          <label>
            Actor kind
            <select value={creating.kind} onChange={(e) => setCreating({ ...creating, kind: e.target.value as ActorKind })}>
              {[...CLAIMANT_KINDS, ...ACTOR_KINDS.filter((k) => !CLAIMANT_KINDS.includes(k))].map((k) => (
                <option key={k} value={k}>
                  {ACTOR_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Actor country
            <CountrySelect value={creating.country} onChange={(country) => setCreating({ ...creating, country })} empty="—" />
          </label>
          <div className="item-buttons">
            <button type="button" className="primary" disabled={creating.busy} onClick={() => void create()}>
              {creating.busy ? 'Creating…' : 'Create actor'}
            </button>
            <button type="button" onClick={() => setCreating(null)}>
              Cancel
            </button>
          </div>
          {creating.error ? (
            <div className="field-error" role="alert">
              {creating.error}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
