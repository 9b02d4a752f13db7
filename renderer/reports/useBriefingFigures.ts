// The figures of the briefing being edited (the situation map), drawn by the map's PNG export for the incidents in scope and shared by the preview and the exports.
import { useEffect, useMemo, useState } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import { scopedIncidents } from '../../shared/report/model'
import type { FigureSectionId } from '../../shared/report/sectionIds'
import { useApp } from '../state/store'
import { drawMapFigure, mapTitle } from './mapFigure'

/** Quiet time after the scope changes before the map is drawn again, in ms. */
const REDRAW_DELAY_MS = 400

export interface BriefingFigures {
  /** Figures drawn for the current scope, keyed by section id; only sections turned on get one. */
  figures: Partial<Record<FigureSectionId, Figure>>
  /** Figure sections being drawn now; an export waits for them. */
  drawing: FigureSectionId[]
  /** Why a figure could not be drawn, by section. */
  errors: Partial<Record<FigureSectionId, string>>
}

// One map at a time: each draw holds a WebGL context, and the machine may be small.
let queue: Promise<unknown> = Promise.resolve()
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job)
  queue = run.catch(() => undefined)
  return run
}

/** Draws the figures `definition` turns on, again whenever its scope or the incidents in it change. */
export function useBriefingFigures(definition: ReportDefinition | null): BriefingFigures {
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const wantsMap = !!definition?.sections.some((s) => s.id === 'map' && s.enabled)
  const scoped = useMemo(() => (definition && wantsMap ? scopedIncidents({ name: '', incidents, actors, sources: [] }, definition) : []), [definition, wantsMap, incidents, actors])
  const title = definition ? mapTitle(definition) : ''
  // What the map depends on; unrelated edits (title, key judgments) do not redraw it.
  const key = wantsMap && scoped.length > 0 ? JSON.stringify([title, scoped.map((i) => `${i.id}@${i.updatedAt}`)]) : ''
  const [state, setState] = useState<{ key: string; figure?: Figure; error?: string }>({ key: '' })

  useEffect(() => {
    if (!key || state.key === key) return
    let stale = false
    const timer = setTimeout(() => {
      serial(() => (stale ? Promise.reject(new Error('stale')) : drawMapFigure(scoped, title))).then(
        (figure) => !stale && setState({ key, figure }),
        (err: unknown) => !stale && setState({ key, error: err instanceof Error ? err.message : String(err) }),
      )
    }, REDRAW_DELAY_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
    // `scoped` and `title` are captured with `key`, which changes whenever they do.
  }, [key])

  return useMemo(() => {
    if (!key) return { figures: {}, drawing: [], errors: {} }
    if (state.key !== key) return { figures: {}, drawing: ['map'], errors: {} }
    return { figures: state.figure ? { map: state.figure } : {}, drawing: [], errors: state.error ? { map: state.error } : {} }
  }, [key, state])
}
