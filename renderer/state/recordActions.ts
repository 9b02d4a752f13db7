// The actions every side-record view (actors, sources, reports) has: open a record, start a new one, leave the form, save, and delete with undo.
import { firstField, focusWhenShown, viewStart } from '../shell/focus'
import { deleteWithUndo, guard, put } from './actions'
import { getState, setState, type Editing } from './store'

/** The record kinds made this way; each one's store list, view and client namespace are its plural. */
type Noun = 'actor' | 'source' | 'report'

/** The client namespace of a record kind (`client.actors`, …). */
interface RecordApi<R, I> {
  create(input: I): Promise<R>
  update(change: { id: string; input: I }): Promise<R>
  delete(which: { id: string }): Promise<R>
  restore(record: R): Promise<R>
}

const editing = (noun: Noun, e: Editing) => ({ [noun]: e }) as { [N in Noun]?: Editing }

/** The actions of the `noun` view over `api`; `name` says a record in the delete and undo toasts. */
export function recordActions<R extends { id: string }, I>(noun: Noun, api: RecordApi<R, I>, name: (record: R) => string) {
  const plural = `${noun}s` as const
  return {
    /** Opens a record, or none (asking first when the form has edits). */
    edit: (e: Editing) => guard(() => setState(editing(noun, e))),
    /** Opens an empty form in the record's view, focused on its first field. */
    create: () =>
      guard(() => {
        setState({ view: plural, ...editing(noun, { kind: 'new' }), palette: false })
        focusWhenShown(() => firstField(`form[data-${noun}="new"]`))
      }),
    /** Leaves the form (asking first when it has edits) and returns to the view's list. */
    leave: () =>
      guard(() => {
        setState(editing(noun, { kind: 'none' }))
        focusWhenShown(() => viewStart(plural))
      }),
    /** Creates (id null) or replaces a record and opens it; throws WorkbenchError with field issues on invalid input. */
    save: async (id: string | null, input: I): Promise<R> => {
      const saved = id ? await api.update({ id, input }) : await api.create(input)
      put(plural, saved)
      setState({ ...editing(noun, { kind: 'existing', id: saved.id }), dirty: false })
      return saved
    },
    /** Deletes a record with Undo; Undo opens it again unless another form has been opened since. */
    remove: (id: string) =>
      deleteWithUndo<R>({
        collection: plural,
        noun,
        name,
        remove: () => api.delete({ id }),
        restore: (r) => api.restore(r),
        deleted: () => setState({ ...editing(noun, { kind: 'none' }), dirty: false }),
        restored: (back) => {
          if (getState()[noun].kind === 'none') setState(editing(noun, { kind: 'existing', id: back.id }))
        },
      }),
  }
}
