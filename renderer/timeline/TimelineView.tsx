// The timeline view: toolbar, overview strip, the canvas timeline and the incident detail pane, wired to the app-wide filter and selection.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { FilterBar } from '../incidents/FilterBar'
import { IncidentDetail } from '../incidents/IncidentDetail'
import { useFilteredIncidents } from '../state/filteredIncidents'
import { selectIncidents, setFilter, toast } from '../state/actions'
import { getState, useApp } from '../state/store'
import { AnnotationList } from './AnnotationList'
import { useAnnotations } from './annotations'
import { exportTimelinePng } from './exportTimelinePng'
import { filterWindow } from '../../shared/timeline/interaction'
import { OverviewStrip } from './OverviewStrip'
import { MARKER_STYLES } from '../../shared/timeline/symbols'
import { markerColor, TIMELINE_PALETTES } from '../../shared/timeline/palette'
import { useTheme } from '../state/theme'
import { LOCALE } from '../locale'
import { TimelineCanvas } from './TimelineCanvas'
import type { TimelineController } from './timelineController'
import { buildModel, GROUP_BY_LABELS, type GroupBy, type TimelineModel } from '../../shared/timeline/timelineModel'
import { fitWindow, type Camera } from '../../shared/timeline/timeScale'
import { EmptyState } from '../components/EmptyState'

/** The time extent of the given incidents' spans and markers in the model, or null. */
function extentOf(model: TimelineModel, ids: ReadonlySet<string>): [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const e of [model.spans, model.marks]) {
    for (let i = 0; i < e.n; i++) {
      if (!ids.has(model.incidents[e.incident[i]].id)) continue
      lo = Math.min(lo, e.start[i])
      hi = Math.max(hi, e.end[i])
    }
  }
  return lo < hi ? [lo, hi] : null
}

export function TimelineView() {
  const shown = useFilteredIncidents().incidents.length
  const { incidents, actors, total } = useFilteredIncidents({ withDates: false })
  const [groupBy, setGroupBy] = useState<GroupBy>('victim')
  const model = useMemo(() => buildModel(incidents, groupBy, actors), [incidents, groupBy, actors])
  const from = useApp((s) => s.filter.from)
  const to = useApp((s) => s.filter.to)
  const selection = useApp((s) => s.selection)
  const annotations = useAnnotations()
  const selectedSet = useMemo(() => new Set(selection), [selection])
  const [ctl, setCtl] = useState<TimelineController | null>(null)
  const fitted = useRef<TimelineController | null>(null)
  const camListeners = useRef(new Set<(cam: Camera) => void>())
  const [unit, setUnit] = useState('')
  const palette = TIMELINE_PALETTES[useTheme()]

  useEffect(() => {
    if (!ctl) return
    // A new canvas starts showing everything; later data changes keep the user's window.
    ctl.setModel(model, fitted.current !== ctl)
    fitted.current = ctl
  }, [ctl, model])
  useEffect(() => {
    if (!ctl) return
    const ids = new Set(selection)
    ctl.selected = new Uint8Array(model.incidents.length)
    model.incidents.forEach((inc, n) => (ctl.selected[n] = ids.has(inc.id) ? 1 : 0))
    ctl.request()
  }, [ctl, model, selection])
  useEffect(() => {
    if (!ctl) return
    ctl.brush = filterWindow({ from, to }, model.extent)
    ctl.request()
  }, [ctl, model, from, to])
  useEffect(() => {
    if (!ctl) return
    ctl.annotations = annotations
    ctl.request()
  }, [ctl, annotations])
  useEffect(() => {
    if (!ctl) return
    ctl.palette = palette
    ctl.request()
  }, [ctl, palette])

  const subscribe = useCallback((fn: (cam: Camera) => void) => {
    camListeners.current.add(fn)
    if (ctl) fn(ctl.cam)
    return () => void camListeners.current.delete(fn)
  }, [ctl])
  const onFrame = useCallback((cam: Camera) => {
    for (const fn of camListeners.current) fn(cam)
    const u = ctl?.canvas.dataset.unit ?? ''
    setUnit((prev) => (prev === u ? prev : u))
  }, [ctl])
  const onSelect = useCallback((id: string, add: boolean) => {
    const sel = getState().selection
    selectIncidents(add ? (sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id]) : [id])
  }, [])
  const onBrush = useCallback((w: { from: string; to: string } | null) => setFilter(w ?? { from: null, to: null }), [])

  const zoomToFilter = () => {
    const w = filterWindow({ from, to }, model.extent) ?? model.extent
    if (w && ctl) ctl.setCamera(fitWindow(w[0], w[1]))
  }
  const zoomToSelection = () => {
    const w = extentOf(model, new Set(selection))
    if (w && ctl) ctl.setCamera(fitWindow(w[0], w[1], 0.15))
  }
  const exportPng = async () => {
    if (!ctl) return
    try {
      const blob = await exportTimelinePng({ incidents, window: ctl.cam, groupBy, actors, width: ctl.canvas.clientWidth, selectedIds: selection, annotations, brush: ctl.brush, palette, locale: LOCALE })
      const a = document.createElement('a')
      a.href = URL.createObjectURL(blob)
      a.download = `timeline-${new Date().toISOString().slice(0, 10)}.png`
      a.click()
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
    } catch (err) {
      toast('error', `The timeline could not be exported: ${(err as Error).message}`)
    }
  }

  const empty = model.spans.n === 0
  return (
    <div className="view timeline-view">
      <FilterBar shown={shown} total={total} />
      <div className="timeline-split">
        <section className="timeline-main" aria-label="Timeline">
          <div className="toolbar timeline-toolbar">
            <label>
              Lanes by{' '}
              <select aria-label="Lanes by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
                {(Object.keys(GROUP_BY_LABELS) as GroupBy[]).map((g) => (
                  <option key={g} value={g}>
                    {GROUP_BY_LABELS[g]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => ctl?.fitAll()} disabled={empty} title="Show everything (0)">
              Fit all
            </button>
            <button type="button" onClick={zoomToFilter} disabled={empty}>
              Zoom to filter
            </button>
            <button type="button" onClick={zoomToSelection} disabled={empty || selection.length === 0}>
              Zoom to selection
            </button>
            <button type="button" onClick={() => ctl?.clearBrush()} disabled={!from && !to}>
              Clear brush
            </button>
            <button type="button" onClick={() => void exportPng()} disabled={empty}>
              Export PNG
            </button>
            <span className="timeline-unit muted" aria-live="polite">
              {unit ? `Axis: ${unit}s` : ''}
            </span>
          </div>
          <details className="timeline-legend">
            <summary>Legend</summary>
            <ul>
              <li>
                <span className="timeline-swatch" /> Incident (soft edges: month or year precision)
              </li>
              {MARKER_STYLES.map((s, kind) => (
                <li key={s.label}>
                  <span style={{ color: markerColor(palette, kind) }} aria-hidden="true">
                    {s.glyph}
                  </span>{' '}
                  {s.label}
                </li>
              ))}
              <li>
                <span className="timeline-count-glyph" aria-hidden="true">
                  6
                </span>{' '}
                Several events at one place, each at its date (hover lists them, click zooms in)
              </li>
            </ul>
          </details>
          {empty ? (
            <EmptyState title="Nothing to draw yet" className="timeline-empty">
              {total === 0
                ? 'Add an incident with a start date in the Incidents view (Alt+1), or open the sample workspace from the File menu.'
                : 'No incident with a start date matches the filter. Clear the filter, or give incidents a start date in the Incidents view (Alt+1).'}
            </EmptyState>
          ) : (
            <>
              <OverviewStrip model={model} palette={palette} subscribe={subscribe} onJump={(t) => ctl && ctl.setCamera({ from: t - (ctl.cam.to - ctl.cam.from) / 2, to: t + (ctl.cam.to - ctl.cam.from) / 2 })} />
              <TimelineCanvas model={model} palette={palette} selected={selectedSet} onController={setCtl} onFrame={onFrame} onSelect={onSelect} onBrush={onBrush} />
            </>
          )}
          <AnnotationList annotations={annotations} onZoom={(from, to) => ctl?.setCamera({ from, to })} />
          {model.undated > 0 ? <p className="timeline-note muted">{model.undated} incidents without a start date are not drawn.</p> : null}
        </section>
        <IncidentDetail />
      </div>
    </div>
  )
}
