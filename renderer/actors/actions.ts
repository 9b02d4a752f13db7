// What the actors view does: open, save and delete actors.
import type { Actor, ActorInput } from '../../shared/domain'
import { client } from '../api'
import { put } from '../state/actions'
import { recordActions } from '../state/recordActions'

/** Open, new (focused on its first field), leave (asking first when the form has edits), save, and delete with Undo. */
export const { edit: editActor, create: newActor, leave: leaveActor, save: saveActor, remove: deleteActor } = recordActions<Actor, ActorInput>('actor', client.actors, (r) => r.name)

/** Creates an actor from a picker (a claim's attributor or responder) without opening the actors view; the caller links it. */
export async function createActorInline(input: ActorInput) {
  const saved = await client.actors.create(input)
  put('actors', saved)
  return saved
}
