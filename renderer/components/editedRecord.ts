// The record a view's form has open, resolved from the store's editing slot against the records the view lists.
import type { Editing } from '../state/store'

/**
 * The open record (null for a new one or none) and the key its form mounts under: `'new'`, the record's id,
 * or null when no form is open (nothing picked, or the picked record is gone).
 */
export function editedRecord<R extends { id: string }>(records: readonly R[], editing: Editing): { record: R | null; formKey: string | null } {
  const record = editing.kind === 'existing' ? (records.find((r) => r.id === editing.id) ?? null) : null
  return { record, formKey: editing.kind === 'new' ? 'new' : record ? record.id : null }
}

/** The `data-view-start` mark of a list's row: the open record's row, or the first row when none is open. */
export const viewStartMark = (openId: string | null, id: string, index: number): '' | undefined => ((openId === null ? index === 0 : openId === id) ? '' : undefined)
