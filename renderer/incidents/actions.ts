// What the incidents view does: open, create, save and delete incidents, with the new sources the form staged.
import { IncidentInputSchema, type IncidentInput, type Source } from '../../shared/domain'
import { citedSourceIds } from '../../shared/references'
import { client } from '../api'
import { firstField, focusWhenShown, viewStart } from '../shell/focus'
import { deleteWithUndo, guard, put } from '../state/actions'
import { getState, setState, type Editing } from '../state/store'
import type { StagedSource } from './draftSources'

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

/**
 * Creates (id null) or replaces an incident; throws WorkbenchError with field issues on invalid input.
 * `staged` are sources added in the form: those the incident still cites are created first and their
 * temporary ids replaced; when the incident then cannot be saved they are deleted again, so none is left behind.
 */
export async function saveIncident(id: string | null, input: IncidentInput, staged: readonly StagedSource[] = []) {
  const cited = new Set(citedSourceIds(IncidentInputSchema.parse(input)))
  const created: Source[] = []
  const realId = new Map<string, string>()
  try {
    for (const { id: temp, ...fields } of staged.filter((s) => cited.has(s.id))) {
      const source = await client.sources.create(fields)
      created.push(source)
      realId.set(temp, source.id)
    }
    const swap = (ids: string[] | undefined) => ids?.map((x) => realId.get(x) ?? x)
    const final: IncidentInput = {
      ...input,
      sourceIds: swap(input.sourceIds),
      attributions: input.attributions?.map((a) => ({ ...a, sourceIds: swap(a.sourceIds) })),
      responses: input.responses?.map((r) => ({ ...r, sourceIds: swap(r.sourceIds) })),
    }
    const saved = id ? await client.incidents.update({ id, input: final }) : await client.incidents.create(final)
    for (const s of created) put('sources', s)
    put('incidents', saved)
    setState((s) => ({ incident: { kind: 'existing', id: saved.id }, incidentForm: saved.id, selection: s.selection.includes(saved.id) ? s.selection : [saved.id], dirty: false }))
    return saved
  } catch (err) {
    await Promise.allSettled(created.map((s) => client.sources.delete({ id: s.id })))
    throw err
  }
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

