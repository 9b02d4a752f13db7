// Marker symbols and colours: one shape per response type and one for attributions, shared by canvas, legend and export.

import { RESPONSE_TYPES, type ResponseType } from '../domain'
import type { Ctx } from './drawAxis'
import { ATTRIBUTION_KIND } from './timelineModel'

export type Shape = 'triangle-down' | 'circle' | 'cross' | 'square' | 'triangle-right' | 'diamond' | 'star' | 'triangle-up' | 'hexagon' | 'plus' | 'ring' | 'square-outline'

/** A marker kind's shape and words; its colour comes from the theme's palette (palette.ts, same order). */
export interface MarkerStyle {
  shape: Shape
  label: string
  /** The same symbol as text, for the legend and the accessible list. */
  glyph: string
}

const BY_RESPONSE: Record<ResponseType, Omit<MarkerStyle, 'label'>> = {
  statement: { shape: 'circle', glyph: '●' },
  'break-relations': { shape: 'cross', glyph: '✕' },
  sanctions: { shape: 'square', glyph: '■' },
  'expel-diplomats': { shape: 'triangle-right', glyph: '▶' },
  indictment: { shape: 'diamond', glyph: '◆' },
  reward: { shape: 'star', glyph: '★' },
  'military-cyber-action': { shape: 'triangle-up', glyph: '▲' },
  'state-of-emergency': { shape: 'hexagon', glyph: '⬢' },
  'technical-assistance': { shape: 'plus', glyph: '✚' },
  'alliance-statement': { shape: 'ring', glyph: '◎' },
  seizure: { shape: 'square-outline', glyph: '□' },
}

const ATTRIBUTION: MarkerStyle = { shape: 'triangle-down', glyph: '▼', label: 'Attribution' }

/** Styles indexed by marker kind (0 attribution, 1 + i the i-th response type). */
export const MARKER_STYLES: MarkerStyle[] = [ATTRIBUTION, ...RESPONSE_TYPES.map((t) => ({ ...BY_RESPONSE[t.id], label: t.label }))]

export function markerStyle(kind: number): MarkerStyle {
  return MARKER_STYLES[kind] ?? MARKER_STYLES[ATTRIBUTION_KIND]
}

/** Traces a marker of radius r centred on (x, y) and fills or strokes it. */
export function drawShape(ctx: Ctx, shape: Shape, x: number, y: number, r: number, color: string): void {
  ctx.fillStyle = color
  ctx.strokeStyle = color
  ctx.lineWidth = 2
  ctx.beginPath()
  const poly = (pts: number[][]) => {
    ctx.moveTo(x + pts[0][0] * r, y + pts[0][1] * r)
    for (let i = 1; i < pts.length; i++) ctx.lineTo(x + pts[i][0] * r, y + pts[i][1] * r)
    ctx.closePath()
  }
  switch (shape) {
    case 'circle':
      ctx.arc(x, y, r * 0.85, 0, Math.PI * 2)
      return void ctx.fill()
    case 'ring':
      ctx.lineWidth = 1.5
      ctx.arc(x, y, r * 0.9, 0, Math.PI * 2)
      ctx.moveTo(x + r * 0.4, y)
      ctx.arc(x, y, r * 0.4, 0, Math.PI * 2)
      return void ctx.stroke()
    case 'cross':
      ctx.lineWidth = 2.5
      ctx.moveTo(x - r, y - r)
      ctx.lineTo(x + r, y + r)
      ctx.moveTo(x + r, y - r)
      ctx.lineTo(x - r, y + r)
      return void ctx.stroke()
    case 'plus':
      ctx.lineWidth = 2.5
      ctx.moveTo(x - r, y)
      ctx.lineTo(x + r, y)
      ctx.moveTo(x, y - r)
      ctx.lineTo(x, y + r)
      return void ctx.stroke()
    case 'square':
      ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6)
      return void ctx.fill()
    case 'square-outline':
      ctx.lineWidth = 1.5
      ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6)
      return void ctx.stroke()
    case 'diamond':
      poly([[0, -1], [1, 0], [0, 1], [-1, 0]])
      return void ctx.fill()
    case 'triangle-up':
      poly([[0, -1], [1, 0.8], [-1, 0.8]])
      return void ctx.fill()
    case 'triangle-down':
      poly([[-1, -0.8], [1, -0.8], [0, 1]])
      return void ctx.fill()
    case 'triangle-right':
      poly([[-0.8, -1], [1, 0], [-0.8, 1]])
      return void ctx.fill()
    case 'hexagon':
      poly([0, 1, 2, 3, 4, 5].map((k) => [Math.cos((k * Math.PI) / 3), Math.sin((k * Math.PI) / 3)]))
      return void ctx.fill()
    case 'star': {
      const pts: number[][] = []
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5
        const rr = k % 2 === 0 ? 1 : 0.45
        pts.push([Math.cos(a) * rr, Math.sin(a) * rr])
      }
      poly(pts)
      return void ctx.fill()
    }
  }
}
