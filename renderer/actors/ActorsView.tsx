// The actors view: states, agencies, groups and personas with their aliases, and a form to edit them.
import { useMemo } from 'react'
import { countryName } from '../../shared/countries'
import { ACTOR_KIND_LABELS } from '../../shared/domain'
import { editActor, newActor } from './actions'
import { Backlinks } from '../notes/Backlinks'
import { useApp } from '../state/store'
import { ActorForm } from './ActorForm'

export function ActorsView() {
  const actors = useApp((s) => s.actors)
  const incidents = useApp((s) => s.incidents)
  const editing = useApp((s) => s.actor)
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const uses = useMemo(() => {
    const count = new Map<string, number>()
    for (const i of incidents) {
      const ids = new Set([...i.actorIds, ...i.attributions.flatMap((a) => (a.toActorId ? [a.toActorId] : []))])
      for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1)
    }
    return count
  }, [incidents])
  const sorted = useMemo(() => [...actors].sort((a, b) => a.name.localeCompare(b.name)), [actors])
  const actor = editing.kind === 'existing' ? (actors.find((a) => a.id === editing.id) ?? null) : null

  return (
    <div className="view actors-view">
      <div className="split">
        <section className="list-pane" aria-label="Actor list">
          <div className="toolbar">
            <button type="button" className="primary" disabled={!!readOnly} onClick={newActor} data-view-start={actors.length === 0 ? '' : undefined}>
              + New actor
            </button>
            <span className="filter-count">{actors.length} actors</span>
          </div>
          {actors.length === 0 ? (
            <div className="empty-state">
              <h2>No actors yet</h2>
              <p>Add the states, agencies, groups and personas you track; incidents and attributions pick from this list.</p>
            </div>
          ) : (
            <ul className="actor-list" aria-label="Actors">
              {sorted.map((a, n) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className={`actor-row${actor?.id === a.id ? ' selected' : ''}`}
                    aria-current={actor?.id === a.id}
                    data-view-start={actor ? (actor.id === a.id ? '' : undefined) : n === 0 ? '' : undefined}
                    onClick={() => editActor({ kind: 'existing', id: a.id })}
                  >
                    <span className="actor-name">{a.name}</span>
                    <span className="muted">
                      {ACTOR_KIND_LABELS[a.kind]}
                      {a.country ? ` · ${countryName(a.country)}` : ''} · {uses.get(a.id) ?? 0} incidents
                    </span>
                    {a.aliases.length > 0 ? <span className="aliases">aka {a.aliases.join(', ')}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="detail-pane" aria-label="Actor details">
          {editing.kind === 'none' || (editing.kind === 'existing' && !actor) ? (
            <div className="empty-state">
              <h2>No actor selected</h2>
              <p>Pick an actor on the left, or add a new one.</p>
            </div>
          ) : (
            <ActorForm key={editing.kind === 'new' ? 'new' : editing.id} actor={actor} />
          )}
          {actor ? <Backlinks id={actor.id} /> : null}
        </section>
      </div>
    </div>
  )
}
