// The annotations layer's feed: a list of dated annotations any feature can publish (dated notes, once the notes view lands).

import { useSyncExternalStore } from 'react'
import type { Annotation } from '../../shared/timeline/drawAxis'

export type { Annotation }

const EMPTY: Annotation[] = []
let current: Annotation[] = EMPTY
const listeners = new Set<() => void>()

/** Replaces the annotations shown on the timeline (the notes view will publish its dated notes here). */
export function setTimelineAnnotations(list: Annotation[]): void {
  current = list.length === 0 ? EMPTY : list
  for (const l of listeners) l()
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The annotations to draw; empty until a feature publishes some. */
export function useAnnotations(): Annotation[] {
  return useSyncExternalStore(subscribe, () => current)
}
