// What every view shares: loading the workspace, the filter, selection, toasts and undo, the discard guard, and putting saved records into the store.
import { describeIssues } from '../../shared/issues'
import { WorkbenchError } from '../../shared/result'
import type { IncidentFilter, Sort } from '../../shared/filter'
import { EMPTY_FILTER } from '../../shared/filter'
import { client } from '../api'
import { focusWhenShown, viewStart } from '../shell/focus'
import { getState, setState, type NoteSave, type Toast, type View } from './store'

let nextToast = 1
const TOAST_MS = 10_000

/** Shows a toast; info toasts (and their undo) stay 10 s, errors until dismissed. */
export function toast(kind: Toast['kind'], message: string, action?: Toast['action']): void {
  const id = nextToast++
  setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message, action }] }))
  if (kind === 'info') setTimeout(() => dismissToast(id), TOAST_MS)
}

export function dismissToast(id: number): void {
  setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
}

/** Runs the newest toast's action (Ctrl+Z undoes the last delete). */
export function undoLast(): boolean {
  const t = [...getState().toasts].reverse().find((x) => x.action)
  if (!t) return false
  dismissToast(t.id)
  t.action!.run()
  return true
}

/** Message for an error from the client: the handler's words, with field issues summarised. */
export function errorMessage(err: unknown): string {
  if (err instanceof WorkbenchError) return err.issues.length > 0 && !err.message.includes(':') ? `${err.message}: ${describeIssues(err.issues)}` : err.message
  return (err as Error)?.message ?? String(err)
}

export async function loadWorkspace(): Promise<void> {
  try {
    const snap = await client.workspace.snapshot()
    setState((s) => ({
      status: 'ready',
      loadError: null,
      info: snap.info,
      incidents: snap.incidents,
      actors: snap.actors,
      sources: snap.sources,
      notes: snap.notes,
      reports: snap.reports,
      incident: s.incident.kind === 'existing' && !snap.incidents.some((i) => i.id === (s.incident as { id: string }).id) ? { kind: 'none' } : s.incident,
      note: s.note.kind === 'existing' && !snap.notes.some((n) => n.id === (s.note as { id: string }).id) ? { kind: 'none' } : s.note,
    }))
  } catch (err) {
    // An encrypted workspace waiting for its passphrase: the passphrase screen, not an error.
    if (err instanceof WorkbenchError && err.code === 'locked') setState({ status: 'locked', loadError: null, info: null })
    else setState({ status: 'error', loadError: errorMessage(err) })
  }
}

export async function repairWorkspace(): Promise<void> {
  try {
    const { fixes } = await client.workspace.repair()
    await loadWorkspace()
    toast('info', `Repaired after a backup: ${fixes.length === 1 ? fixes[0] : `${fixes.length} fixes (${fixes.slice(0, 3).join('; ')}${fixes.length > 3 ? '; …' : ''})`}. The details are in audit.jsonl.`)
  } catch (err) {
    toast('error', errorMessage(err))
  }
}

export async function restoreBackup(): Promise<void> {
  try {
    await client.workspace.restoreBackup()
    await loadWorkspace()
    toast('info', 'The newest valid backup was restored; the damaged file was kept beside it.')
  } catch (err) {
    toast('error', errorMessage(err))
  }
}

/** Runs `go` now, or after the user agrees to discard unsaved edits. */
export function guard(go: () => void): void {
  if (getState().dirty) setState({ pending: go })
  else go()
}

export function confirmDiscard(discard: boolean): void {
  const go = getState().pending
  setState({ pending: null, dirty: discard ? false : getState().dirty })
  if (discard) go?.()
}

export const setDirty = (dirty: boolean) => getState().dirty !== dirty && setState({ dirty })
/** Switches view (the palette, if open, closes: it belongs to the view it was opened over). */
export const setView = (view: View) => guard(() => setState({ view, palette: false }))
/** Switches view from the keyboard or the palette, and moves focus into it (its list, table, map or timeline). */
export const showView = (view: View) =>
  guard(() => {
    setState({ view, palette: false })
    focusWhenShown(() => viewStart(view))
  })
export const setPalette = (palette: boolean) => setState({ palette })
export const togglePalette = () => setState((s) => ({ palette: !s.palette }))
export const setNoteSave = (noteSave: NoteSave) => setState({ noteSave })
export const setFilter = (patch: Partial<IncidentFilter>) => setState((s) => ({ filter: { ...s.filter, ...patch } }))
export const clearFilter = () => setState({ filter: EMPTY_FILTER })
export const setSort = (sort: Sort) => setState({ sort })


/** Selects incidents app-wide (map arcs and timeline brushes can select several) and opens the first. */
export const selectIncidents = (ids: string[]) =>
  guard(() => setState({ selection: ids, incident: ids.length > 0 ? { kind: 'existing', id: ids[0] } : { kind: 'none' } }))

/** Opens one incident of the current selection in the detail pane, keeping the selection. */
export const focusSelected = (id: string) => guard(() => setState({ incident: { kind: 'existing', id } }))


type Collection = 'incidents' | 'actors' | 'sources' | 'notes' | 'reports'

function replaceIn<T extends { id: string }>(list: T[], record: T): T[] {
  const at = list.findIndex((r) => r.id === record.id)
  return at < 0 ? [...list, record] : list.map((r, n) => (n === at ? record : r))
}

export function put(collection: Collection, record: { id: string }): void {
  setState((s) => ({ [collection]: replaceIn(s[collection] as { id: string }[], record) }))
}

export function drop(collection: Collection, id: string): void {
  setState((s) => ({ [collection]: (s[collection] as { id: string }[]).filter((r) => r.id !== id) }))
}

/**
 * Deletes a record, drops it from the store and offers Undo (the toast, or Ctrl+Z), which puts it
 * back with its id through `restore`. `deleted` and `restored` update the UI after each step.
 */
export async function deleteWithUndo<T extends { id: string }>(o: {
  collection: Collection
  noun: string
  name(record: T): string
  remove(): Promise<T>
  restore(record: T): Promise<T>
  deleted?(record: T): void
  restored?(record: T): void
}): Promise<void> {
  try {
    const removed = await o.remove()
    drop(o.collection, removed.id)
    o.deleted?.(removed)
    toast('info', `Deleted ${o.noun} “${o.name(removed)}”.`, {
      label: 'Undo',
      run: () =>
        void o.restore(removed).then(
          (back) => {
            put(o.collection, back)
            o.restored?.(back)
            toast('info', `Restored “${o.name(back)}”.`)
          },
          (err) => toast('error', errorMessage(err)),
        ),
    })
  } catch (err) {
    toast('error', errorMessage(err))
  }
}
