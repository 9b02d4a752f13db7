// Sources an incident form has added but not saved yet: staged in the form's draft and created only when the incident is saved, so Revert leaves none behind.
import { createContext, useCallback, useContext } from 'react'
import type { Credibility, Reliability } from '../../shared/domain'
import type { SourceFieldValues } from '../sources/SourceFields'
import { useApp } from '../state/store'

/** A new source waiting for its incident to be saved, under a temporary id. */
export interface StagedSource extends SourceFieldValues {
  id: string
}

/** What a source picker shows of a source, saved or staged. */
export interface SourceView {
  id: string
  title: string
  publisher: string
  published?: string
  captured?: string
  reliability: Reliability
  credibility: Credibility
  /** Created with the incident when it is saved. */
  staged?: boolean
  /** Referenced but not in the workspace. */
  missing?: boolean
}

export const STAGED_PREFIX = 'staged-src-'

export const isStaged = (id: string) => id.startsWith(STAGED_PREFIX)

export interface DraftSources {
  staged: StagedSource[]
  /** The incident's own sources as the draft has them. */
  incidentIds: string[]
  /** Adds a new source to the draft and answers its temporary id. */
  stage(source: SourceFieldValues): string
}

export const DraftSourcesContext = createContext<DraftSources>({
  staged: [],
  incidentIds: [],
  stage: () => {
    throw new Error('A new source can only be added inside an incident form.')
  },
})

export const useDraftSources = () => useContext(DraftSourcesContext)

/** Looks a source up by id among the workspace's sources and the form's staged ones. */
export function useSourceLookup(): (id: string) => SourceView {
  const sources = useApp((s) => s.sources)
  const { staged } = useDraftSources()
  return useCallback(
    (id: string): SourceView => {
      const saved = sources.find((s) => s.id === id)
      if (saved) return saved
      const pending = staged.find((s) => s.id === id)
      if (pending) return { ...pending, staged: true }
      return { id, title: `Missing source ${id}`, publisher: '', reliability: 'F', credibility: '6', missing: true }
    },
    [sources, staged],
  )
}
