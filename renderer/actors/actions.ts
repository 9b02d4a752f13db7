// What the actors view does: open, save and delete actors.
import type { ActorInput } from '../../shared/domain'
import { client } from '../api'
import { firstField, focusWhenShown, viewStart } from '../shell/focus'
import { deleteWithUndo, guard, put } from '../state/actions'
import { setState, type Editing } from '../state/store'

export const editActor = (actor: Editing) => guard(() => setState({ actor }))

/** Opens an empty actor form, focused on its first field. */
export const newActor = () =>
  guard(() => {
    setState({ actor: { kind: 'new' } })
    focusWhenShown(() => firstField('form[data-actor="new"]'))
  })

/** Leaves the actor form (asking first when it has edits) and returns to the actor list. */
export const leaveActor = () =>
  guard(() => {
    setState({ actor: { kind: 'none' } })
    focusWhenShown(() => viewStart('actors'))
  })

export async function saveActor(id: string | null, input: ActorInput) {
  const saved = id ? await client.actors.update({ id, input }) : await client.actors.create(input)
  put('actors', saved)
  setState({ actor: { kind: 'existing', id: saved.id }, dirty: false })
  return saved
}

export const deleteActor = (id: string) =>
  deleteWithUndo({
    collection: 'actors',
    noun: 'actor',
    name: (r) => r.name,
    remove: () => client.actors.delete({ id }),
    restore: (r) => client.actors.restore(r),
    deleted: () => setState({ actor: { kind: 'none' }, dirty: false }),
  })


/** Creates an actor from a picker (a claim's attributor or responder) without opening the actors view; the caller links it. */
export async function createActorInline(input: ActorInput) {
  const saved = await client.actors.create(input)
  put('actors', saved)
  return saved
}
