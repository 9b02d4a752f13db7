// The figures of the briefing being edited (the situation map), drawn by the map's PNG export for the incidents in scope and shared by the preview and the exports.
import { useEffect, useMemo, useState } from 'react'
import { countryName } from '../../shared/countries'
import type { Incident, ReportDefinition } from '../../shared/domain'
import type { Figure } from '../../shared/report/blocks'
import { scopedIncidents } from '../../shared/report/model'
import type { FigureSectionId } from '../../shared/report/sectionIds'
import { exportMapPng, exportTitle } from '../map/exportMapPng'
import { useApp } from '../state/store'

/** Size of the map image in CSS pixels, and its pixel density: printed 178 mm wide (about 200 dpi at 1.5×), its 12 px legend stays legible (about 6 pt). Not 2×: the map itself is drawn at 1×, so 2× only made the PNG (about 1 MB) and the PDF slower. */
const MAP_WIDTH = 960
const MAP_HEIGHT = 620
const MAP_SCALE = 1.5
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

/** The PNG's bytes as base64 (no data: prefix). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'))
    reader.readAsDataURL(blob)
  })
}

function mapTitle(def: ReportDefinition): string {
  return def.scope.kind === 'filter' ? exportTitle(def.scope.filter.victim, def.scope.filter.sponsor) : 'Incidents picked for this briefing'
}

/** Draws the situation map of `incidents` as a briefing figure. */
export async function drawMapFigure(incidents: readonly Incident[], title: string): Promise<Figure> {
  const png = await exportMapPng({ incidents, title, role: 'victim', theme: 'light', width: MAP_WIDTH, height: MAP_HEIGHT, scale: MAP_SCALE })
  const victims = [...new Set(incidents.flatMap((i) => i.victims.map((v) => v.country)))].map(countryName)
  const n = incidents.length
  return {
    png: await blobToBase64(png.blob),
    width: Math.round(png.width / MAP_SCALE),
    height: Math.round(png.height / MAP_SCALE),
    alt: `World map of the ${n} incident${n === 1 ? '' : 's'} in scope, countries shaded by the number of incidents against them${victims.length ? ` (${victims.slice(0, 12).join(', ')}${victims.length > 12 ? ', …' : ''})` : ''}, with arcs from sponsor to victim.`,
    caption: `Situation map: the ${n} incident${n === 1 ? '' : 's'} in scope by victim country; arcs run from sponsor to victim. Marked TLP:${png.tlp}. Boundaries: Natural Earth.`,
  }
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
