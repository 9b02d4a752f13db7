// The app's one search index, kept outside React: built in the background once a workspace is loaded, then following every change to the records.
import { useSyncExternalStore } from 'react'
import { SearchIndex, syncIndex } from '../../shared/searchIndex'
import type { Records } from '../../shared/wikiLinks'
import { getState, useApp, type AppState } from '../state/store'

let index: SearchIndex | null = null
let building: Promise<void> | null = null
let generation = 0
const listeners = new Set<() => void>()

const records = (s: AppState): Records => ({ incidents: s.incidents, actors: s.actors, sources: s.sources, notes: s.notes })
const notify = () => listeners.forEach((l) => l())

type PostTask = (task: () => void, options: { priority: 'background' }) => Promise<void>

/** Resolves when the page has nothing more urgent to do (a background-priority task where the browser has them, else a timer). */
function backgroundTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler
  return scheduler?.postTask ? scheduler.postTask(() => undefined, { priority: 'background' }) : new Promise((done) => setTimeout(done, 0))
}

/** Builds the index from the current records without blocking the page; the newest call wins. */
function rebuild(): void {
  const mine = ++generation
  const from = records(getState())
  index = null
  notify()
  building = SearchIndex.buildAsync(from, backgroundTask).then((built) => {
    if (mine !== generation) return
    // Records edited while the index was built are brought in now.
    syncIndex(built, from, records(getState()))
    index = built
    building = null
    notify()
  })
}

let subscribed = false

/** Starts the index (once) and keeps it in step with the store: a new snapshot rebuilds, an edit replaces one record. */
export function startSearchIndex(): void {
  if (subscribed) return
  subscribed = true
  rebuild()
  useApp.subscribe((now, before) => {
    if (now.info !== before.info) return rebuild()
    if (index) syncIndex(index, records(before), records(now))
  })
}

/** The index, or null while it is being built. */
export function searchIndex(): SearchIndex | null {
  return index
}

/** Re-renders when the index becomes ready (or is rebuilt); answers whether it is ready. */
export function useSearchReady(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => index !== null,
  )
}

/** Resolves once the index in progress is ready (tests and benchmarks). */
export function searchIndexReady(): Promise<void> {
  return building ?? Promise.resolve()
}
