// The key of a printed timeline: the symbols and colours a figure uses, laid out in rows under the lanes.

import type { StateNexus } from '../domain'
import { FONT, type Ctx } from './drawAxis'
import { GROUP_R } from './drawTimeline'
import { TIMELINE_PALETTES, markerColor, type TimelinePalette } from './palette'
import { drawShape, markerStyle, type Shape } from './symbols'
import { PREC, type TimelineModel } from './timelineModel'

const NEXUS_WORDS: Record<StateNexus, string> = { 'state-linked': 'State-linked incident', criminal: 'Criminal incident', unknown: 'Incident, nexus unknown' }

/** One entry of the key: how it is drawn and what it means. */
export interface KeyItem {
  draw: { kind: 'bar'; color: string; soft?: boolean } | { kind: 'shape'; shape: Shape; color: string } | { kind: 'group' }
  label: string
}

/** Row height of the key and the room a symbol takes before its words, px. */
export const KEY_ROW_H = 20
const SYMBOL_W = 26
const ITEM_GAP = 18

/** The entries a figure of `model` needs: incident bars by nexus, faded ends when a date is partial, each marker kind drawn, and counted glyphs. */
export function keyItems(model: TimelineModel, colors: TimelinePalette = TIMELINE_PALETTES.light, counted = true): KeyItem[] {
  const items: KeyItem[] = []
  const nexus = new Set(model.incidents.filter((i) => i.start).map((i) => i.nexus))
  for (const n of ['state-linked', 'criminal', 'unknown'] as const) if (nexus.has(n)) items.push({ draw: { kind: 'bar', color: colors.nexus[n] }, label: NEXUS_WORDS[n] })
  let partial = false
  for (let i = 0; i < model.spans.n && !partial; i++) partial = model.spans.startPrec[i] !== PREC.day || model.spans.endPrec[i] !== PREC.day
  for (let i = 0; i < model.marks.n && !partial; i++) partial = model.marks.startPrec[i] !== PREC.day
  if (partial) items.push({ draw: { kind: 'bar', color: colors.nexus['state-linked'], soft: true }, label: 'Faded: date known only to the month or year' })
  const kinds = [...new Set(model.marks.kind)].sort((a, b) => a - b)
  for (const k of kinds) items.push({ draw: { kind: 'shape', shape: markerStyle(k).shape, color: markerColor(colors, k) }, label: markerStyle(k).label })
  if (counted && model.marks.n > 1) items.push({ draw: { kind: 'group' }, label: 'Several events at that date (their number)' })
  return items
}

export interface KeyLayout {
  items: { item: KeyItem; x: number; row: number }[]
  /** Height of the key, px (0 with no items). */
  height: number
}

/** Flows the items left to right in rows `width` px wide from x = `left`; `measure` gives a label's width in the key's font. */
export function layoutKey(items: KeyItem[], left: number, width: number, measure: (text: string) => number): KeyLayout {
  const out: KeyLayout['items'] = []
  let x = left
  let row = 0
  for (const item of items) {
    const w = SYMBOL_W + measure(item.label)
    if (x > left && x + w > left + width) {
      row++
      x = left
    }
    out.push({ item, x, row })
    x += w + ITEM_GAP
  }
  return { items: out, height: items.length ? (row + 1) * KEY_ROW_H + 8 : 0 }
}

/** Draws a laid-out key with its top at `top`. */
export function drawKey(ctx: Ctx, key: KeyLayout, top: number, colors: TimelinePalette): void {
  ctx.font = FONT
  ctx.textBaseline = 'middle'
  for (const { item, x, row } of key.items) {
    const y = top + 4 + row * KEY_ROW_H + KEY_ROW_H / 2
    const d = item.draw
    if (d.kind === 'bar') {
      if (d.soft) {
        const g = ctx.createLinearGradient(x, 0, x + 20, 0)
        g.addColorStop(0, 'rgba(0,0,0,0)')
        g.addColorStop(0.6, d.color)
        g.addColorStop(1, d.color)
        ctx.fillStyle = g
      } else ctx.fillStyle = d.color
      ctx.globalAlpha = 0.75
      ctx.fillRect(x, y - 5, 20, 10)
      ctx.globalAlpha = 1
    } else if (d.kind === 'shape') drawShape(ctx, d.shape, x + 10, y, 5, d.color)
    else {
      ctx.fillStyle = colors.bg
      ctx.strokeStyle = colors.text
      ctx.lineWidth = 1.5
      ctx.beginPath()
      ctx.arc(x + 10, y, GROUP_R, 0, Math.PI * 2)
      ctx.fill()
      ctx.stroke()
      ctx.fillStyle = colors.text
      ctx.font = 'bold 10px system-ui, sans-serif'
      ctx.fillText('6', x + 10 - ctx.measureText('6').width / 2, y + 0.5)
      ctx.font = FONT
    }
    ctx.fillStyle = colors.text
    ctx.fillText(item.label, x + SYMBOL_W, y)
  }
}
