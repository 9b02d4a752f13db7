// What the incidents view does: open, create, save and delete incidents, and create sources from the form.
import type { IncidentInput, SourceInput } from '../../shared/domain'
import { client } from '../api'
import { firstField, focusWhenShown, viewStart } from '../shell/focus'
import { deleteWithUndo, guard, put } from '../state/actions'
import { getState, setState, type Editing } from '../state/store'

export const editIncident = (incident: Editing) => guard(() => setState({ incident, incidentForm: null, selection: incident.kind === 'existing' ? [incident.id] : [] }))

/** Switches an incident's read view to its form, focused on its first field. */
export const openIncidentForm = (id: string) => {
  setState({ incidentForm: id })
  focusWhenShown(() => firstField('#incident-form'))
}

/** Back from the form to the incident's read view (asking first when the form has edits). */
export const readIncident = () =>
  guard(() => {
    setState({ incidentForm: null, dirty: false })
    focusWhenShown(() => document.querySelector<HTMLElement>('.incident-read .read-edit'))
  })

/** Opens an empty incident form in the incidents view, focused on its first field. */
export const newIncident = () =>
  guard(() => {
    setState({ view: 'incidents', incident: { kind: 'new' }, selection: [], palette: false })
    focusWhenShown(() => firstField('#incident-form[data-record="new"]'))
  })

/** Leaves the incident form (asking first when it has edits) and returns to the view's list, table, map or timeline. */
export const leaveIncident = () =>
  guard(() => {
    setState({ incident: { kind: 'none' }, selection: [] })
    focusWhenShown(() => viewStart(getState().view))
  })

/** Creates (id null) or replaces an incident; throws WorkbenchError with field issues on invalid input. */
export async function saveIncident(id: string | null, input: IncidentInput) {
  const saved = id ? await client.incidents.update({ id, input }) : await client.incidents.create(input)
  put('incidents', saved)
  setState((s) => ({ incident: { kind: 'existing', id: saved.id }, incidentForm: saved.id, selection: s.selection.includes(saved.id) ? s.selection : [saved.id], dirty: false }))
  return saved
}

export const deleteIncident = (id: string) =>
  deleteWithUndo({
    collection: 'incidents',
    noun: 'incident',
    name: (r) => r.title,
    remove: () => client.incidents.delete({ id }),
    restore: (r) => client.incidents.restore(r),
    deleted: () => setState((s) => ({ incident: { kind: 'none' }, selection: s.selection.filter((x) => x !== id), dirty: false })),
    restored: (back) => setState({ incident: { kind: 'existing', id: back.id }, selection: [back.id] }),
  })

/** Creates a source (from the incident form's "new source"); the caller links it. */
export async function createSource(input: SourceInput) {
  const saved = await client.sources.create(input)
  put('sources', saved)
  return saved
}
