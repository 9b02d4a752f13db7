// The interactive canvas: mounts the controller, overlays lane buttons and the tooltip, and keeps the accessible item list.
import { useEffect, useRef, useState } from 'react'
import { describeItem, type ItemWords } from '../../shared/timeline/describeItem'
import { GUTTER, type Frame, type Hit } from '../../shared/timeline/drawTimeline'
import { AXIS_H, LANE_HEAD_H, type LaneLayout } from '../../shared/timeline/layout'
import { formatDate, LOCALE } from '../locale'
import type { TimelinePalette } from '../../shared/timeline/palette'
import { TimelineController, type ControllerEvents } from './timelineController'
import type { TimelineModel } from '../../shared/timeline/timelineModel'
import { xOf, type Camera } from '../../shared/timeline/timeScale'

interface Props {
  model: TimelineModel
  palette: TimelinePalette
  /** Ids of the selected incidents. */
  selected: ReadonlySet<string>
  /** Called once with the live controller (and null on unmount). */
  onController(c: TimelineController | null): void
  onFrame(cam: Camera): void
  onSelect: ControllerEvents['onSelect']
  onBrush: ControllerEvents['onBrush']
}

interface Listed extends ItemWords {
  key: string
  x: number
  y: number
  itemKind: Hit['kind']
}

const LIST_MAX = 300

/** "September 2022", or "September 2022 to October 2022": a brushed window as the filter will hold it. */
function windowWords(w: { from: string; to: string }): string {
  const [a, b] = [formatDate(w.from, 'long'), formatDate(w.to, 'long')]
  return a === b ? a : `${a} to ${b}`
}

export function TimelineCanvas({ model, palette, selected, onController, onFrame, onSelect, onBrush }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const ctl = useRef<TimelineController | null>(null)
  const props = useRef({ onFrame, onSelect, onBrush, model, palette })
  props.current = { onFrame, onSelect, onBrush, model, palette }
  const [lanes, setLanes] = useState<{ layout: LaneLayout; scrollY: number }>({ layout: { lanes: [], total: 0 }, scrollY: 0 })
  // `frame`: the number of the drawn frame the list describes; the canvas carries the latest in data-frame.
  const [items, setItems] = useState<{ list: Listed[]; total: number; frame: number }>({ list: [], total: 0, frame: 0 })
  const [tip, setTip] = useState<{ x: number; y: number; words: ItemWords } | null>(null)
  const [live, setLive] = useState('')

  useEffect(() => {
    const canvas = canvasRef.current!
    let listTimer = 0
    let lastFrame: Frame | null = null
    let frameNo = 0
    let lastCursor = -1
    const c = new TimelineController(canvas, {
      onFrame(cam, frame, layout, scrollY) {
        lastFrame = frame
        frameNo += 1
        // What was drawn, for tests and tools: the frame's number, its unit and window, and its axis.
        canvas.dataset.frame = String(frameNo)
        canvas.dataset.unit = frame.ticks.unit
        canvas.dataset.from = new Date(cam.from).toISOString()
        canvas.dataset.to = new Date(cam.to).toISOString()
        // Each minor tick's label, time and x (canvas px).
        const plotW = c.plotWidth
        canvas.dataset.ticks = JSON.stringify(frame.ticks.minor.map((t) => ({ label: t.label, t: new Date(t.t).toISOString(), x: GUTTER + xOf(cam, plotW, t.t) })))
        setLanes((prev) => (prev.layout === layout && prev.scrollY === scrollY ? prev : { layout, scrollY }))
        props.current.onFrame(cam)
        const cur = c.cursor
        if (cur && cur.i !== lastCursor) {
          const w = describeItem(props.current.model, { kind: 'span', i: cur.i }, props.current.palette, LOCALE)
          setLive(`${w.title}, ${w.when}, ${w.lane}. Enter selects.`)
        }
        lastCursor = cur?.i ?? -1
        // The accessible list follows the view, a moment after it settles.
        window.clearTimeout(listTimer)
        listTimer = window.setTimeout(() => {
          const m = props.current.model
          const hits = [...(lastFrame?.hits ?? [])].sort((a, b) => a.x0 - b.x0)
          setItems({
            frame: frameNo,
            total: hits.length,
            list: hits.slice(0, LIST_MAX).map((h) => ({ ...describeItem(m, h, props.current.palette, LOCALE), key: `${h.kind}${h.i}`, x: Math.round((h.x0 + h.x1) * 5) / 10, y: Math.round((h.y0 + h.y1) / 2), itemKind: h.kind })),
          })
        }, 120)
      },
      onSelect: (id, add) => props.current.onSelect(id, add),
      onBrush: (w) => props.current.onBrush(w),
      onKeyBrush(w, phase) {
        const words = windowWords(w)
        setLive(
          phase === 'started'
            ? `Brush: ${words}. Left and right arrows move it, Shift with them moves its end, Enter filters to it, Escape cancels.`
            : phase === 'moved'
              ? `Brush: ${words}.`
              : phase === 'applied'
                ? `Filtered to ${words}.`
                : 'Brush cancelled.',
        )
      },
      onHover(hit, x, y) {
        setTip(hit ? { x, y, words: describeItem(props.current.model, hit, props.current.palette, LOCALE) } : null)
        canvas.style.cursor = hit ? 'pointer' : ''
      },
    })
    ctl.current = c
    onController(c)
    return () => {
      window.clearTimeout(listTimer)
      c.destroy()
      ctl.current = null
      onController(null)
    }
    // The controller lives as long as the canvas; later props reach it through refs and effects.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <div className="timeline-canvas-wrap">
      <canvas
        ref={canvasRef}
        className="timeline-canvas"
        tabIndex={0}
        data-view-start=""
        role="application"
        aria-roledescription="timeline"
        aria-label="Timeline of incidents, attributions and responses. Every mark is at its date; a ring with a number stands for that many events at one place, click it to zoom in. Arrow keys move between incidents, Enter selects, Shift+arrows pan, + and - zoom, 0 shows everything. B brushes a time window from the keyboard (arrows move it, Shift+arrows its end, Enter filters to it); Shift+drag brushes with the mouse; a plain drag pans."
      />
      <div className="timeline-lane-heads" style={{ width: GUTTER }}>
        {lanes.layout.lanes.map((b, l) => {
          const top = AXIS_H + b.top - lanes.scrollY
          if (top + b.height < AXIS_H || l >= model.lanes.length) return null
          const count = model.spans.offset[l + 1] - model.spans.offset[l]
          return (
            <button
              key={model.lanes[l].key}
              type="button"
              className="timeline-lane-head"
              style={{ top, height: b.collapsed ? b.height : LANE_HEAD_H }}
              aria-expanded={!b.collapsed}
              title={b.collapsed ? 'Expand lane' : 'Collapse lane'}
              onClick={() => ctl.current?.setCollapsed(l, !b.collapsed)}
            >
              <span aria-hidden="true">{b.collapsed ? '▸' : '▾'}</span> {model.lanes[l].label} <span className="muted">{count}</span>
            </button>
          )
        })}
      </div>
      {tip ? (
        <div className="timeline-tooltip" role="tooltip" style={{ left: Math.min(tip.x + 14, (canvasRef.current?.clientWidth ?? 800) - 280), top: tip.y + 16 }}>
          <div className="timeline-tooltip-kind">
            {tip.words.glyph ? <span style={{ color: tip.words.color }}>{tip.words.glyph} </span> : null}
            {tip.words.kind}
          </div>
          {tip.words.members ? (
            <>
              <div>{tip.words.when}</div>
              <ul className="timeline-tooltip-members">
                {tip.words.members.slice(0, 8).map((w, k) => (
                  <li key={k}>
                    <span style={{ color: w.color }}>{w.glyph} </span>
                    {w.kind}: {w.title}, {w.when}
                  </li>
                ))}
              </ul>
              <div className="muted">{tip.words.members.length > 8 ? `and ${tip.words.members.length - 8} more; ` : ''}click to zoom in and see each</div>
            </>
          ) : (
            <>
              <strong>{tip.words.title}</strong>
              <div>{tip.words.when}</div>
              {tip.words.kind !== 'Incident' ? <div className="muted">on {tip.words.incident}</div> : null}
            </>
          )}
        </div>
      ) : null}
      <div className="timeline-live" aria-live="polite">
        {live}
      </div>
      <ol className="timeline-items" data-frame={items.frame} aria-label={`Items in view: ${items.total}${items.total > LIST_MAX ? `, the first ${LIST_MAX} listed` : ''}`}>
        {items.list.map((it) => (
          <li key={it.key} data-selected={selected.has(it.incidentId)} data-kind={it.itemKind} data-x={it.x} data-y={it.y} data-incident={it.incidentId} data-lane={it.lane} data-when={it.when}>
            {it.glyph ? `${it.glyph} ` : ''}
            {it.kind}: {it.title}, {it.when}, {it.lane}
            {it.kind !== 'Incident' ? ` (on ${it.incident})` : ''}
            {selected.has(it.incidentId) ? ', selected' : ''}
          </li>
        ))}
      </ol>
    </div>
  )
}
