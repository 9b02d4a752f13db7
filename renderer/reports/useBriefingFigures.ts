// The figures of the briefing being edited (situation map, timeline), drawn by the map's PNG export for the incidents in scope and shared by the preview and the exports.
import { useEffect, useMemo, useState } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import { scopedIncidents } from '../../shared/report/model'
import type { FigureSectionId } from '../../shared/report/sectionIds'
import { messageOf } from '../../shared/result'
import { useIncidentIndex } from '../state/filteredIncidents'
import { useApp } from '../state/store'
import { drawMapFigure, figureDate, mapTitle } from './mapFigure'
import { drawTimelineFigure } from './timelineFigure'

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

interface Drawn {
  key: string
  figure?: Figure
  error?: string
}

/** One figure: drawn (after a quiet time, one at a time) whenever `key` changes; no key, no figure. */
function useFigure(key: string, draw: () => Promise<Figure>): { drawing: boolean; figure?: Figure; error?: string } {
  const [state, setState] = useState<Drawn>({ key: '' })
  useEffect(() => {
    if (!key || state.key === key) return
    let stale = false
    const timer = setTimeout(() => {
      serial(() => (stale ? Promise.reject(new Error('stale')) : draw())).then(
        (figure) => !stale && setState({ key, figure }),
        (err: unknown) => !stale && setState({ key, error: messageOf(err) }),
      )
    }, REDRAW_DELAY_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
    // What `draw` captures changes only with `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  if (!key) return { drawing: false }
  if (state.key !== key) return { drawing: true }
  return { drawing: false, figure: state.figure, error: state.error }
}

/** Draws the figures `definition` turns on, again whenever its scope or the incidents in it change. */
export function useBriefingFigures(definition: ReportDefinition | null): BriefingFigures {
  const incidents = useApp((s) => s.incidents)
  const actorList = useApp((s) => s.actors)
  const { actors, textOf } = useIncidentIndex()
  const wants = (id: FigureSectionId) => !!definition?.sections.some((s) => s.id === id && s.enabled)
  const wantsMap = wants('map')
  const wantsTimeline = wants('timeline')
  const scoped = useMemo(
    () => (definition && (wantsMap || wantsTimeline) ? scopedIncidents({ incidents, actors: actorList }, definition, textOf) : []),
    [definition, wantsMap, wantsTimeline, incidents, actorList, textOf],
  )
  const title = definition ? mapTitle(definition) : ''
  // What each figure depends on; unrelated edits (title, key judgments) do not redraw it.
  const scopeKey = scoped.length > 0 ? scoped.map((i) => `${i.id}@${i.updatedAt}`).join(',') : ''
  const date = definition ? figureDate(definition) : null
  const map = useFigure(wantsMap && scopeKey ? `${title}|${date}|${scopeKey}` : '', () => drawMapFigure(scoped, title, date))
  const timeline = useFigure(wantsTimeline && scopeKey ? `timeline|${scopeKey}` : '', () => drawTimelineFigure(scoped, actors))

  return useMemo(() => {
    const out: BriefingFigures = { figures: {}, drawing: [], errors: {} }
    for (const [id, f] of [['map', map], ['timeline', timeline]] as const) {
      if (f.drawing) out.drawing.push(id)
      if (f.figure) out.figures[id] = f.figure
      if (f.error) out.errors[id] = f.error
    }
    return out
    // The figures' parts are the dependencies: `map` and `timeline` are new objects on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map.drawing, map.figure, map.error, timeline.drawing, timeline.figure, timeline.error])
}
