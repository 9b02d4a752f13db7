// Owns the live timeline outside React: camera, lanes, canvas frames on rAF, pointer / wheel / key input, and change events.

import type { Annotation } from '../../shared/timeline/drawAxis'
import { drawTimeline, GUTTER, type Frame, type Hit } from '../../shared/timeline/drawTimeline'
import { addUnits, brushToFilter, brushUnitFor, hitAt, moveCursor, stepBrush, unitStart, type BrushUnit, type Cursor } from '../../shared/timeline/interaction'
import { AXIS_H, clampScroll, layoutLanes, type LaneLayout } from '../../shared/timeline/layout'
import { markRowsAt } from '../../shared/timeline/markerLayout'
import { TIMELINE_PALETTES, type TimelinePalette } from '../../shared/timeline/palette'
import type { TimelineModel } from '../../shared/timeline/timelineModel'
import { DAY, fitWindow, fitWindowPx, panBy, timeAt, zoomAt, type Camera } from '../../shared/timeline/timeScale'
import { LOCALE } from '../locale'

export interface ControllerEvents {
  /** After every frame: the camera and what was drawn. */
  onFrame(cam: Camera, frame: Frame, layout: LaneLayout, scrollY: number): void
  /** A click or Enter on an incident's item; `add` with Ctrl/Cmd. */
  onSelect(incidentId: string, add: boolean): void
  /** A brushed window as app-filter dates, or null when the brush is cleared. */
  onBrush(window: { from: string; to: string } | null): void
  onHover(hit: Hit | null, x: number, y: number): void
  /** The keyboard brush (B) started or moved (its window as app-filter dates), was applied, or was cancelled. */
  onKeyBrush(window: { from: string; to: string }, phase: 'started' | 'moved' | 'applied' | 'cancelled'): void
}

const DRAG_PX = 4

export class TimelineController {
  cam: Camera = fitWindow(Date.UTC(2000, 0, 1), Date.UTC(2026, 0, 1))
  scrollY = 0
  model: TimelineModel | null = null
  layout: LaneLayout = { lanes: [], total: 0 }
  collapsed = new Set<number>()
  /** Marker rows per lane at the current zoom (markerLayout.ts). */
  private markRows: Int32Array<ArrayBufferLike> = new Int32Array(0)
  selected = new Uint8Array(0)
  brush: [number, number] | null = null
  annotations: readonly Annotation[] = []
  palette: TimelinePalette = TIMELINE_PALETTES.dark
  cursor: Cursor | null = null
  /** A brush being set from the keyboard: its step, and the brush before it (Escape puts that back). */
  private keyBrush: { unit: BrushUnit; before: [number, number] | null } | null = null
  private hover: Hit | null = null
  private frame: Frame | null = null
  private raf = 0
  private width = 0
  private height = 0
  private drag: { x: number; y: number; cam: Camera; scroll: number; mode: 'pan' | 'brush'; moved: boolean; t0: number } | null = null
  private off: (() => void)[] = []
  private ctx: CanvasRenderingContext2D

  constructor(
    readonly canvas: HTMLCanvasElement,
    private events: ControllerEvents,
  ) {
    this.ctx = canvas.getContext('2d')!
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      canvas.addEventListener(type, fn as EventListener, opts)
      this.off.push(() => canvas.removeEventListener(type, fn as EventListener, opts))
    }
    on('wheel', (e) => this.onWheel(e), { passive: false })
    on('pointerdown', (e) => this.onDown(e))
    on('pointermove', (e) => this.onMove(e))
    on('pointerup', (e) => this.onUp(e))
    on('pointerleave', () => this.setHover(null, 0, 0))
    on('keydown', (e) => this.onKey(e))
    // A keyboard brush not applied when focus leaves is dropped, as Escape would.
    on('blur', () => {
      if (!this.keyBrush) return
      this.brush = this.keyBrush.before
      this.keyBrush = null
      this.request()
    })
    const ro = new ResizeObserver(() => this.resize())
    ro.observe(canvas)
    this.off.push(() => ro.disconnect())
    this.resize()
  }

  destroy(): void {
    cancelAnimationFrame(this.raf)
    for (const f of this.off) f()
  }

  get plotWidth(): number {
    return Math.max(1, this.width - GUTTER)
  }

  setModel(model: TimelineModel, fit: boolean): void {
    const sameLanes = this.model && this.model.groupBy === model.groupBy && this.model.lanes.length === model.lanes.length
    this.model = model
    if (!sameLanes) this.collapsed.clear()
    this.cursor = null
    this.relayout()
    if (fit) this.fitAll()
    this.request()
  }

  setCollapsed(lane: number, collapsed: boolean): void {
    if (collapsed) this.collapsed.add(lane)
    else this.collapsed.delete(lane)
    this.relayout()
    this.request()
  }

  setCamera(cam: Camera): void {
    this.cam = cam
    this.request()
  }

  fitAll(): void {
    const e = this.model?.extent
    if (e) this.cam = fitWindowPx(e[0], e[1], this.plotWidth, 32)
    this.request()
  }

  /** Redraws on the next animation frame (coalesced). */
  request(): void {
    if (this.raf) return
    this.raf = requestAnimationFrame(() => {
      this.raf = 0
      this.draw()
    })
  }

  private relayout(): void {
    this.layout = layoutLanes(this.model?.laneRows ?? [], this.collapsed, this.markRows)
    this.scrollY = clampScroll(this.scrollY, this.layout, this.height - AXIS_H)
  }

  private resize(): void {
    const r = this.canvas.getBoundingClientRect()
    const dpr = window.devicePixelRatio || 1
    this.width = r.width
    this.height = r.height
    this.canvas.width = Math.round(r.width * dpr)
    this.canvas.height = Math.round(r.height * dpr)
    this.relayout()
    this.draw()
  }

  draw(): void {
    if (!this.model || this.width === 0) return
    // Marker rows follow the zoom: a lane grows where the camera separates a pile into a stack.
    const rows = markRowsAt(this.model, this.cam, this.plotWidth)
    if (rows.length !== this.markRows.length || rows.some((r, l) => r !== this.markRows[l])) {
      this.markRows = rows
      this.relayout()
    }
    const dpr = window.devicePixelRatio || 1
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const hoverIncident = this.hover ? (this.hover.kind === 'span' ? this.model.spans.incident[this.hover.i] : this.model.marks.incident[this.hover.i]) : -1
    this.frame = drawTimeline(this.ctx, {
      model: this.model,
      cam: this.cam,
      width: this.width,
      height: this.height,
      layout: this.layout,
      scrollY: this.scrollY,
      selected: this.selected,
      hoverIncident,
      focusSpan: this.cursor?.i ?? -1,
      brush: this.brush,
      annotations: this.annotations,
      palette: this.palette,
      locale: LOCALE,
    })
    this.events.onFrame(this.cam, this.frame, this.layout, this.scrollY)
  }

  private local(e: MouseEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect()
    return [e.clientX - r.left, e.clientY - r.top]
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault()
    const [x] = this.local(e)
    const anchor = timeAt(this.cam, this.plotWidth, Math.max(0, x - GUTTER))
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.height : 1
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      const d = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit
      this.cam = panBy(this.cam, (d / this.plotWidth) * (this.cam.to - this.cam.from))
    } else {
      // Trackpad pinch arrives as a wheel event with ctrlKey and small deltas.
      const k = e.ctrlKey ? 0.01 : 0.0015
      this.cam = zoomAt(this.cam, Math.exp(-e.deltaY * unit * k), anchor)
    }
    // What was under the pointer has moved: the tooltip goes until the pointer moves again.
    if (this.hover) this.setHover(null, 0, 0)
    this.request()
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0) return
    this.keyBrush = null
    const [x, y] = this.local(e)
    this.canvas.focus()
    this.canvas.setPointerCapture(e.pointerId)
    // Shift+drag brushes a window; a plain drag pans, on the axis row as anywhere else.
    const mode = e.shiftKey ? 'brush' : 'pan'
    this.drag = { x, y, cam: this.cam, scroll: this.scrollY, mode, moved: false, t0: timeAt(this.cam, this.plotWidth, x - GUTTER) }
  }

  private onMove(e: PointerEvent): void {
    const [x, y] = this.local(e)
    const d = this.drag
    if (!d) {
      this.setHover(this.frame ? hitAt(this.frame.hits, x, y) : null, x, y)
      return
    }
    if (!d.moved && Math.hypot(x - d.x, y - d.y) < DRAG_PX) return
    d.moved = true
    if (d.mode === 'pan') {
      const dt = ((d.x - x) / this.plotWidth) * (d.cam.to - d.cam.from)
      this.cam = panBy(d.cam, dt)
      this.scrollY = clampScroll(d.scroll + (d.y - y), this.layout, this.height - AXIS_H)
    } else {
      const t1 = timeAt(this.cam, this.plotWidth, Math.max(0, Math.min(this.plotWidth, x - GUTTER)))
      this.brush = [Math.min(d.t0, t1), Math.max(d.t0, t1)]
    }
    this.request()
  }

  private onUp(e: PointerEvent): void {
    const d = this.drag
    this.drag = null
    if (!d) return
    const [x, y] = this.local(e)
    if (d.mode === 'brush') {
      if (d.moved && this.brush) this.events.onBrush(brushToFilter(this.brush[0], this.brush[1]) as { from: string; to: string })
      else this.clearBrush()
      return
    }
    if (d.moved) return
    const hit = this.frame ? hitAt(this.frame.hits, x, y) : null
    if (hit?.kind === 'group' && this.model) {
      this.openGroup(hit.members ?? [hit.i])
      return
    }
    if (hit && this.model) {
      const inc = hit.kind === 'span' ? this.model.spans.incident[hit.i] : this.model.marks.incident[hit.i]
      if (hit.kind === 'span') this.cursor = { lane: this.model.spans.lane[hit.i], i: hit.i }
      this.events.onSelect(this.model.incidents[inc].id, e.ctrlKey || e.metaKey)
    }
  }

  /** Zooms so a counted group's markers have room to stand apart (at least three days are shown). */
  private openGroup(members: number[]): void {
    const m = this.model
    if (!m) return
    const from = Math.min(...members.map((i) => m.marks.start[i]))
    const to = Math.max(...members.map((i) => m.marks.end[i]))
    const mid = (from + to) / 2
    const half = Math.max(1.5 * DAY, (to - from) * 0.75)
    this.cam = fitWindow(mid - half, mid + half, 0)
    this.setHover(null, 0, 0)
    this.request()
  }

  clearBrush(): void {
    this.keyBrush = null
    this.brush = null
    this.events.onBrush(null)
    this.request()
  }

  private setHover(hit: Hit | null, x: number, y: number): void {
    const same = hit?.kind === this.hover?.kind && hit?.i === this.hover?.i
    this.hover = hit
    this.events.onHover(hit, x, y)
    if (!same) this.request()
  }

  /** Keys of the keyboard brush: B starts it, arrows move it (Shift: its end), Enter applies it, Escape cancels it. */
  private onBrushKey(e: KeyboardEvent): boolean {
    const kb = this.keyBrush
    if (!kb) {
      if (e.key.toLowerCase() !== 'b' || e.ctrlKey || e.metaKey || e.altKey || !this.model) return false
      const unit = brushUnitFor(this.frame?.ticks.unit ?? 'month')
      const m = this.model
      const anchor = this.cursor ? m.spans.start[this.cursor.i] : (this.cam.from + this.cam.to) / 2
      const start = unitStart(anchor, unit)
      this.keyBrush = { unit, before: this.brush }
      this.brush = [start, addUnits(start, unit, 1)]
      this.revealWindow(this.brush)
      this.events.onKeyBrush(brushToFilter(this.brush[0], this.brush[1]) as { from: string; to: string }, 'started')
      return true
    }
    const now = this.brush ?? kb.before ?? [this.cam.from, this.cam.to]
    const window = brushToFilter(now[0], now[1]) as { from: string; to: string }
    if (e.key === 'Enter') {
      this.keyBrush = null
      this.events.onBrush(window)
      this.events.onKeyBrush(window, 'applied')
      return true
    }
    if (e.key === 'Escape') {
      this.keyBrush = null
      this.brush = kb.before
      this.events.onKeyBrush(window, 'cancelled')
      return true
    }
    const next = stepBrush(now, kb.unit, e.key, e.shiftKey)
    if (!next) return false
    this.brush = next
    this.revealWindow(next)
    this.events.onKeyBrush(brushToFilter(next[0], next[1]) as { from: string; to: string }, 'moved')
    return true
  }

  /** Pans (or zooms out) so the window [from, to) is in view. */
  private revealWindow([from, to]: [number, number]): void {
    const span = this.cam.to - this.cam.from
    if (to - from > span * 0.9) this.cam = fitWindow(from, to)
    else if (from < this.cam.from || to > this.cam.to) this.cam = panBy(this.cam, (from + to) / 2 - (this.cam.from + this.cam.to) / 2)
  }

  private onKey(e: KeyboardEvent): void {
    const m = this.model
    if (!m) return
    if (this.onBrushKey(e)) {
      e.preventDefault()
      this.request()
      return
    }
    const span = this.cam.to - this.cam.from
    const mid = (this.cam.from + this.cam.to) / 2
    let handled = true
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      this.cam = panBy(this.cam, (e.key === 'ArrowLeft' ? -0.2 : 0.2) * span)
    } else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) {
      this.cursor = moveCursor(m, this.cursor, e.key, this.cursor ? mid : this.cam.from)
      this.reveal()
    } else if (e.key === '+' || e.key === '=') {
      this.cam = zoomAt(this.cam, 2, this.cursor ? (m.spans.start[this.cursor.i] + m.spans.end[this.cursor.i]) / 2 : mid)
    } else if (e.key === '-' || e.key === '_') {
      this.cam = zoomAt(this.cam, 0.5, mid)
    } else if (e.key === '0') {
      this.fitAll()
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      this.scrollY = clampScroll(this.scrollY + (e.key === 'PageDown' ? 1 : -1) * (this.height - AXIS_H) * 0.8, this.layout, this.height - AXIS_H)
    } else if (e.key === 'Enter' && this.cursor) {
      this.events.onSelect(m.incidents[m.spans.incident[this.cursor.i]].id, e.ctrlKey || e.metaKey)
    } else if (e.key === 'Escape' && this.brush) {
      this.clearBrush()
    } else handled = false
    if (handled) {
      e.preventDefault()
      // The camera may have moved under a tooltip: it no longer points at what it describes.
      if (this.hover) this.setHover(null, 0, 0)
      this.request()
    }
  }

  /** Pans (and scrolls lanes) so the cursor's span is in view, expanding a collapsed lane. */
  private reveal(): void {
    const m = this.model
    const c = this.cursor
    if (!m || !c) return
    if (this.collapsed.has(c.lane)) this.setCollapsed(c.lane, false)
    const s = m.spans.start[c.i]
    const e = m.spans.end[c.i]
    const span = this.cam.to - this.cam.from
    if (e - s > span * 0.9) this.cam = fitWindow(s, e)
    else if (s < this.cam.from || e > this.cam.to) this.cam = panBy(this.cam, (s + e) / 2 - (this.cam.from + this.cam.to) / 2)
    const box = this.layout.lanes[c.lane]
    const view = this.height - AXIS_H
    if (box.top < this.scrollY || box.top + box.height > this.scrollY + view) this.scrollY = clampScroll(box.top - 8, this.layout, view)
  }
}
