// The actors view: states, agencies, groups and personas with their aliases, and a form to edit them.
import { useMemo } from 'react'
import { countryName } from '../../shared/countries'
import { ACTOR_KIND_LABELS } from '../../shared/domain'
import { editedRecord } from '../components/editedRecord'
import { EmptyState } from '../components/EmptyState'
import { RecordList } from '../components/RecordList'
import { RecordListPane } from '../components/RecordListPane'
import { Backlinks } from '../notes/Backlinks'
import { useApp } from '../state/store'
import { editActor, newActor } from './actions'
import { ActorForm } from './ActorForm'

export function ActorsView() {
  const actors = useApp((s) => s.actors)
  const incidents = useApp((s) => s.incidents)
  const editing = useApp((s) => s.actor)
  const uses = useMemo(() => {
    const count = new Map<string, number>()
    for (const i of incidents) {
      const ids = new Set([...i.actorIds, ...i.attributions.flatMap((a) => (a.toActorId ? [a.toActorId] : []))])
      for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1)
    }
    return count
  }, [incidents])
  const sorted = useMemo(() => [...actors].sort((a, b) => a.name.localeCompare(b.name)), [actors])
  const { record: actor, formKey } = editedRecord(actors, editing)

  return (
    <div className="view actors-view">
      <div className="split">
        <RecordListPane
          noun="actor"
          label="Actor list"
          count={actors.length}
          onNew={newActor}
          tools={<span className="filter-count">{actors.length} actors</span>}
          empty={{ title: 'No actors yet', text: 'Add the states, agencies, groups and personas you track; incidents and attributions pick from this list.' }}
        >
          <RecordList label="Actors" className="actor-list" rowClassName="actor-row" records={sorted} openId={actor?.id ?? null} onOpen={(id) => editActor({ kind: 'existing', id })}>
            {(a) => (
              <>
                <span className="actor-name">{a.name}</span>
                <span className="muted">
                  {ACTOR_KIND_LABELS[a.kind]}
                  {a.country ? ` · ${countryName(a.country)}` : ''} · {uses.get(a.id) ?? 0} incidents
                </span>
                {a.aliases.length > 0 ? <span className="aliases">aka {a.aliases.join(', ')}</span> : null}
              </>
            )}
          </RecordList>
        </RecordListPane>
        <section className="detail-pane" aria-label="Actor details">
          {formKey === null ? <EmptyState title="No actor selected">Pick an actor on the left, or add a new one.</EmptyState> : <ActorForm key={formKey} actor={actor} />}
          {actor ? <Backlinks id={actor.id} /> : null}
        </section>
      </div>
    </div>
  )
}
