// The overview strip: density of the whole range, the current window on it, click or drag to move the window there.
import { useEffect, useMemo, useRef } from 'react'
import { densityBins } from '../../shared/timeline/aggregate'
import { GUTTER } from '../../shared/timeline/drawTimeline'
import type { TimelinePalette } from '../../shared/timeline/palette'
import { chooseTicks } from '../../shared/timeline/ticks'
import { LOCALE } from '../locale'
import type { TimelineModel } from '../../shared/timeline/timelineModel'
import { xOf, type Camera } from '../../shared/timeline/timeScale'

interface Props {
  model: TimelineModel
  palette: TimelinePalette
  /** Registers a listener for camera changes; returns the unsubscribe. */
  subscribe(fn: (cam: Camera) => void): () => void
  /** Moves the window's centre to time t. */
  onJump(t: number): void
}

const H = 36

export function OverviewStrip({ model, palette, subscribe, onJump }: Props) {
  const ref = useRef<HTMLCanvasElement>(null)
  const full = useMemo<Camera | null>(() => {
    const e = model.extent
    if (!e) return null
    const pad = (e[1] - e[0]) * 0.03 + 86_400_000
    return { from: e[0] - pad, to: e[1] + pad }
  }, [model])

  useEffect(() => {
    const canvas = ref.current!
    const ctx = canvas.getContext('2d')!
    let bins: Float32Array | null = null
    let last: Camera | null = null
    const draw = (cam: Camera | null) => {
      last = cam
      const w = canvas.clientWidth
      const dpr = window.devicePixelRatio || 1
      if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr)
      canvas.height = Math.round(H * dpr)
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      ctx.fillStyle = palette.overviewBg
      ctx.fillRect(0, 0, w, H)
      const plotW = Math.max(1, w - GUTTER)
      ctx.fillStyle = palette.muted
      ctx.font = '11px system-ui, sans-serif'
      ctx.textBaseline = 'middle'
      ctx.fillText('Whole range', 8, H / 2)
      if (!full) return
      if (!bins || bins.length !== Math.floor(plotW)) bins = densityBins(model.spans.start, full.from, full.to, Math.floor(plotW))
      let max = 0
      for (const v of bins) max = Math.max(max, v)
      ctx.fillStyle = palette.spanDensity
      for (let c = 0; c < bins.length; c++) {
        if (bins[c] === 0) continue
        const bh = Math.max(2, ((H - 14) * Math.log1p(bins[c])) / Math.log1p(max))
        ctx.fillRect(GUTTER + c, H - 2 - bh, 1, bh)
      }
      ctx.fillStyle = palette.muted
      for (const t of chooseTicks(full, plotW, 90, LOCALE).minor) {
        const x = xOf(full, plotW, t.t)
        if (x >= 0) ctx.fillText(t.label, GUTTER + x + 2, 7)
      }
      if (cam) {
        const x0 = Math.max(GUTTER, GUTTER + xOf(full, plotW, cam.from))
        const x1 = Math.min(w, Math.max(x0 + 3, GUTTER + xOf(full, plotW, cam.to)))
        ctx.fillStyle = palette.brushFill
        ctx.fillRect(x0, 0, x1 - x0, H)
        ctx.strokeStyle = palette.overviewWindow
        ctx.lineWidth = 1
        ctx.strokeRect(x0 + 0.5, 0.5, x1 - x0 - 1, H - 1)
      }
    }
    draw(last)
    const off = subscribe(draw)
    const ro = new ResizeObserver(() => {
      bins = null
      draw(last)
    })
    ro.observe(canvas)
    return () => {
      off()
      ro.disconnect()
    }
  }, [model, full, subscribe, palette])

  const jump = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!full || e.buttons !== 1) return
    const r = e.currentTarget.getBoundingClientRect()
    const plotW = Math.max(1, r.width - GUTTER)
    const x = e.clientX - r.left - GUTTER
    if (x < 0) return
    onJump(full.from + (x / plotW) * (full.to - full.from))
  }

  return <canvas ref={ref} className="timeline-overview" style={{ height: H }} aria-hidden="true" onPointerDown={jump} onPointerMove={jump} />
}
