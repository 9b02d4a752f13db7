// The annotations layer's feed: dated notes of the workspace, plus any list another feature publishes.

import { useMemo, useSyncExternalStore } from 'react'
import type { Annotation } from '../../shared/timeline/drawAxis'
import { datedNoteAnnotations } from '../../shared/wikiLinks'
import { useApp } from '../state/store'

export type { Annotation }

const EMPTY: Annotation[] = []
let published: Annotation[] = EMPTY
const listeners = new Set<() => void>()

/** Adds annotations of another kind to the timeline (dated notes are drawn without publishing). */
export function setTimelineAnnotations(list: Annotation[]): void {
  published = list.length === 0 ? EMPTY : list
  for (const l of listeners) l()
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The annotations to draw: every dated note, then whatever was published. */
export function useAnnotations(): Annotation[] {
  const notes = useApp((s) => s.notes)
  const extra = useSyncExternalStore(subscribe, () => published)
  return useMemo(() => [...datedNoteAnnotations(notes), ...extra], [notes, extra])
}
