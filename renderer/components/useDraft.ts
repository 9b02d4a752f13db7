// The edit buffer of a record form: a draft reset whenever the record changes, its dirty state told to the app's discard guard.
import { useEffect, useMemo, useState } from 'react'
import { setDirty } from '../state/actions'

export function useDraft<T extends object>(initial: T) {
  const [draft, setDraft] = useState<T>(initial)
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial])
  useEffect(() => setDraft(initial), [initial])
  useEffect(() => {
    setDirty(dirty)
  }, [dirty])
  useEffect(() => () => void setDirty(false), [])
  return {
    draft,
    setDraft,
    dirty,
    /** Merges `patch` into the draft. */
    set: (patch: Partial<T>) => setDraft((d) => ({ ...d, ...patch })),
    /** Drops every edit. */
    revert: () => setDraft(initial),
  }
}
