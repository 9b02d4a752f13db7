// Autosave of the open note: edits are debounced, one save is in flight at a time, and pending text is flushed on blur, hide and close.
import type { NoteInput } from '../../shared/domain'
import { client } from '../api'
import { errorMessage, put, setNoteSave } from '../state/actions'

/** Quiet time after the last keystroke before a save, in ms. */
export const SAVE_DELAY_MS = 600

let draft: { id: string; input: NoteInput } | null = null
let unsaved = false
let timer: ReturnType<typeof setTimeout> | undefined
let inFlight: Promise<void> | null = null

/** Records the newest content of note `id` and saves it after SAVE_DELAY_MS of quiet. */
export function noteEdited(id: string, input: NoteInput): void {
  if (draft && draft.id !== id && unsaved) void flushNote()
  draft = { id, input }
  unsaved = true
  setNoteSave({ kind: 'pending' })
  clearTimeout(timer)
  timer = setTimeout(() => void flushNote(), SAVE_DELAY_MS)
}

/** True while typed content has not reached the workspace yet. */
export function hasUnsavedNote(): boolean {
  return unsaved || inFlight !== null
}

/**
 * Saves what is pending now. The request leaves synchronously (the browser host's transport uses
 * `keepalive`), so calling this from `pagehide` or `beforeunload` still delivers it.
 */
export function flushNote(): Promise<void> {
  clearTimeout(timer)
  if (!unsaved || !draft) return inFlight ?? Promise.resolve()
  if (inFlight) return inFlight.then(() => flushNote())
  const { id, input } = draft
  unsaved = false
  setNoteSave({ kind: 'saving' })
  const call = client.notes.update({ id, input }).then(
    (saved) => {
      put('notes', saved)
      if (!unsaved) setNoteSave({ kind: 'saved' })
    },
    (err: unknown) => {
      // The text stays in the editor; the next edit tries again.
      setNoteSave({ kind: 'error', message: errorMessage(err) })
    },
  )
  inFlight = call.finally(() => {
    inFlight = null
  })
  return inFlight
}

/** Forgets the draft of a note that was deleted, so no save resurrects it. */
export function dropDraft(id: string): void {
  if (draft?.id !== id) return
  clearTimeout(timer)
  draft = null
  unsaved = false
  setNoteSave({ kind: 'saved' })
}

/** Flushes whenever the page may be going away: hidden, closed, or the window losing focus. */
export function installFlushOnLeave(): () => void {
  const flush = () => void flushNote()
  const onVisibility = () => document.visibilityState === 'hidden' && flush()
  window.addEventListener('pagehide', flush)
  window.addEventListener('beforeunload', flush)
  window.addEventListener('blur', flush)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    window.removeEventListener('pagehide', flush)
    window.removeEventListener('beforeunload', flush)
    window.removeEventListener('blur', flush)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}
