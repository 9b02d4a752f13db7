// What the Sources view does: open, create, save and delete sources (delete with undo; refused while cited).
import type { Source, SourceInput } from '../../shared/domain'
import { client } from '../api'
import { guard } from '../state/actions'
import { recordActions } from '../state/recordActions'
import { setState } from '../state/store'

/** Open, new (focused on its first field), leave (asking first when the form has edits), save, and delete with Undo. */
export const { edit: editSource, create: newSource, leave: leaveSource, save: saveSource, remove: deleteSource } = recordActions<Source, SourceInput>('source', client.sources, (r) => r.title)

/** Opens a source in the Sources view (from the palette, a note's link). */
export const showSource = (id: string) => guard(() => setState({ view: 'sources', source: { kind: 'existing', id }, palette: false }))
