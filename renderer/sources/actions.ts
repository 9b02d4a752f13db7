// What the Sources view does: open, create, save and delete sources (delete with undo; refused while cited).
import type { SourceInput } from '../../shared/domain'
import { client } from '../api'
import { firstField, focusWhenShown, viewStart } from '../shell/focus'
import { deleteWithUndo, guard, put } from '../state/actions'
import { setState, type Editing } from '../state/store'

export const editSource = (source: Editing) => guard(() => setState({ source }))

/** Opens a source in the Sources view (from the palette, a note's link). */
export const showSource = (id: string) => guard(() => setState({ view: 'sources', source: { kind: 'existing', id }, palette: false }))

/** Opens an empty source form, focused on its first field. */
export const newSource = () =>
  guard(() => {
    setState({ view: 'sources', source: { kind: 'new' }, palette: false })
    focusWhenShown(() => firstField('form[data-source="new"]'))
  })

/** Leaves the source form (asking first when it has edits) and returns to the table. */
export const leaveSource = () =>
  guard(() => {
    setState({ source: { kind: 'none' } })
    focusWhenShown(() => viewStart('sources'))
  })

export async function saveSource(id: string | null, input: SourceInput) {
  const saved = id ? await client.sources.update({ id, input }) : await client.sources.create(input)
  put('sources', saved)
  setState({ source: { kind: 'existing', id: saved.id }, dirty: false })
  return saved
}

/** Deletes a source with Undo; the main side refuses while an incident, a claim or a note still cites it, naming them. */
export const deleteSource = (id: string) =>
  deleteWithUndo({
    collection: 'sources',
    noun: 'source',
    name: (r) => r.title,
    remove: () => client.sources.delete({ id }),
    restore: (r) => client.sources.restore(r),
    deleted: () => setState({ source: { kind: 'none' }, dirty: false }),
    restored: (back) => setState({ source: { kind: 'existing', id: back.id } }),
  })
