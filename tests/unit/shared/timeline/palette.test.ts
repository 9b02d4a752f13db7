// The timeline's two palettes: every marker kind has a colour in each, and what is drawn on the lanes stands out from them.
import { describe, expect, it } from 'vitest'
import { RESPONSE_TYPES } from '../../../../shared/domain'
import { TIMELINE_PALETTES, markerColor } from '../../../../shared/timeline/palette'
import { MARKER_STYLES } from '../../../../shared/timeline/symbols'

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('timeline palettes', () => {
  for (const [theme, p] of Object.entries(TIMELINE_PALETTES)) {
    it(`${theme}: one colour per marker kind, markers and spans at 3:1 on both lane shades, text at 4.5:1`, () => {
      expect(p.markers).toHaveLength(MARKER_STYLES.length)
      expect(MARKER_STYLES).toHaveLength(RESPONSE_TYPES.length + 1)
      for (const lane of [p.bg, p.laneAlt]) {
        for (let kind = 0; kind < MARKER_STYLES.length; kind++) expect(contrast(markerColor(p, kind), lane), `${MARKER_STYLES[kind].label} on ${lane}`).toBeGreaterThanOrEqual(3)
        for (const [nexus, colour] of Object.entries(p.nexus)) expect(contrast(colour, lane), `${nexus} on ${lane}`).toBeGreaterThanOrEqual(3)
        expect(contrast(p.text, lane)).toBeGreaterThanOrEqual(4.5)
        expect(contrast(p.muted, lane)).toBeGreaterThanOrEqual(4.5)
      }
    })
  }
  it('draws an unknown marker kind as an attribution', () => {
    expect(markerColor(TIMELINE_PALETTES.light, 99)).toBe(TIMELINE_PALETTES.light.markers[0])
  })
})
