// A printed timeline carries a key of the symbols it uses, and draws no text or count under 10 px (7.5 pt at the briefing's 640 px over 170 mm).
import { describe, expect, it } from 'vitest'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { Ctx } from '../../../../shared/timeline/drawAxis'
import { paintTimeline, timelineKey } from '../../../../shared/timeline/paintTimeline'
import { TIMELINE_PALETTES } from '../../../../shared/timeline/palette'
import { keyItems } from '../../../../shared/timeline/timelineKey'
import { buildModel } from '../../../../shared/timeline/timelineModel'

/** A 2D context recording each text drawn with the font it was drawn in. */
function recording(): { ctx: Ctx; texts: { text: string; font: string; y: number }[] } {
  const texts: { text: string; font: string; y: number }[] = []
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif' }
  const ctx = new Proxy(state, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') return (t: string) => ({ width: t.length * 6 })
      if (prop === 'createLinearGradient') return () => ({ addColorStop: () => undefined })
      if (prop === 'fillText') return (text: string, _x: number, y: number) => void texts.push({ text, font: String(target.font), y })
      return () => undefined
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    },
  }) as unknown as Ctx
  return { ctx, texts }
}

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`)
const albania = sampleWorkspace().incidents.filter((i) => i.victims.some((v) => v.country === 'AL'))

describe('the printed timeline', () => {
  it('keys exactly the symbols the figure uses', () => {
    const model = buildModel(albania, 'victim')
    const labels = keyItems(model, TIMELINE_PALETTES.light).map((k) => k.label)
    expect(labels).toEqual(
      expect.arrayContaining(['State-linked incident', 'Attribution', 'Reduce or break diplomatic relations', 'Expel diplomats', 'Sanctions / embargo', 'Several events at that date (their number)']),
    )
    expect(labels).not.toContain('Reward offered')
    expect(labels.some((l) => /^Faded: date known only to the month/.test(l))).toBe(true)
  })

  it('draws the key under the lanes, and every word and count at 10 px or more', () => {
    const { ctx, texts } = recording()
    const width = 640
    const model = buildModel(albania, 'victim')
    const key = timelineKey(model, { key: true, palette: TIMELINE_PALETTES.light }, width, (t) => t.length * 6)
    expect(key.height).toBeGreaterThan(0)
    const height = 200 + key.height
    paintTimeline(ctx, { incidents: albania, window: { from: utc('2022-07-01'), to: utc('2022-10-25') }, width, height, palette: TIMELINE_PALETTES.light, key: true })
    const keyTexts = texts.filter((t) => t.y >= height - key.height)
    expect(keyTexts.map((t) => t.text)).toContain('Attribution')
    expect(keyTexts.map((t) => t.text)).toContain('Several events at that date (their number)')
    // A counted glyph was drawn among the lanes (the busy days of September 2022).
    expect(texts.some((t) => t.y < height - key.height && /^\d+$/.test(t.text) && Number(t.text) > 1)).toBe(true)
    for (const t of texts) expect(Number(/(\d+(?:\.\d+)?)px/.exec(t.font)![1]), `${t.text} in ${t.font}`).toBeGreaterThanOrEqual(10)
  })
})
