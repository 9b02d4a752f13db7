// Builds mapbox-gl glyph PBFs offline: @mapbox/tiny-sdf draws Noto Sans in headless Chromium, this file encodes the protobufs.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from '@playwright/test'

/** The font stack the map style names in `text-font`. */
export const FONT_STACK = 'Noto Sans Regular'
/** 256-code-point ranges holding every character of the country names (Latin, Latin-1, Latin Extended-A, punctuation). */
export const GLYPH_RANGES = [0, 256, 8192]
// mapbox-gl lays glyphs out on a 24 px em with a 3 px SDF border and puts the baseline 27 px below the top.
const FONT_SIZE = 24
const BUFFER = 3
const BASELINE = 27

/** What the page script touches of the browser (this file is type-checked without the DOM library). */
interface PageGlobals {
  FontFace: new (family: string, source: string) => { load(): Promise<unknown> }
  document: { fonts: { add(face: unknown): void; ready: Promise<unknown> } }
  TinySDF: new (options: object) => { draw(char: string): { data: Uint8ClampedArray; glyphWidth: number; glyphHeight: number; glyphTop: number; glyphLeft: number; glyphAdvance: number } }
}

export interface Glyph {
  id: number
  bitmap: Uint8Array
  width: number
  height: number
  left: number
  top: number
  advance: number
}

// --- protobuf writing (varints, zig-zag, length-delimited fields): the glyphs.proto of mapbox-gl ---
class Pbf {
  bytes: number[] = []
  varint(v: number): void {
    let n = v >>> 0
    while (n >= 0x80) {
      this.bytes.push((n & 0x7f) | 0x80)
      n >>>= 7
    }
    this.bytes.push(n)
  }
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire)
  }
  uint(field: number, v: number): void {
    this.tag(field, 0)
    this.varint(v)
  }
  sint(field: number, v: number): void {
    this.tag(field, 0)
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1)
  }
  raw(field: number, data: ArrayLike<number>): void {
    this.tag(field, 2)
    this.varint(data.length)
    for (let i = 0; i < data.length; i++) this.bytes.push(data[i])
  }
  text(field: number, s: string): void {
    this.raw(field, new TextEncoder().encode(s))
  }
}

/** Encodes one range file: glyphs { stacks { name, range, glyphs[] } }. */
export function encodeGlyphRange(fontStack: string, start: number, glyphs: Glyph[]): Uint8Array {
  const stack = new Pbf()
  stack.text(1, fontStack)
  stack.text(2, `${start}-${start + 255}`)
  for (const g of glyphs) {
    const glyph = new Pbf()
    glyph.uint(1, g.id)
    if (g.width > 0 && g.height > 0) glyph.raw(2, g.bitmap)
    glyph.uint(3, g.width)
    glyph.uint(4, g.height)
    glyph.sint(5, g.left)
    glyph.sint(6, g.top)
    glyph.uint(7, g.advance)
    stack.raw(3, glyph.bytes)
  }
  const root = new Pbf()
  root.raw(1, stack.bytes)
  return Uint8Array.from(root.bytes)
}

/** Draws every code point of `ranges` (256 each) as SDF glyphs with the OFL Noto Sans of @fontsource. */
export async function drawGlyphs(ranges: number[]): Promise<Map<number, Glyph[]>> {
  const require = createRequire(import.meta.url)
  const tinySdf = readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8').replace('export default class TinySDF', 'window.TinySDF = class TinySDF')
  const font = (subset: string) => readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-400-normal.woff2`)).toString('base64')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>glyphs</title>')
    await page.addScriptTag({ content: tinySdf })
    const drawn = await page.evaluate(
      async ({ fonts, ranges, size, buffer }) => {
        const page = globalThis as unknown as PageGlobals
        for (const data of fonts) {
          const face = new page.FontFace('Noto Sans', `url(data:font/woff2;base64,${data})`)
          page.document.fonts.add(await face.load())
        }
        await page.document.fonts.ready
        const sdf = new page.TinySDF({ fontSize: size, buffer, radius: 8, cutoff: 0.25, fontFamily: "'Noto Sans'" })
        const out: Record<number, { id: number; bitmap: number[]; width: number; height: number; left: number; top: number; advance: number }[]> = {}
        for (const start of ranges) {
          out[start] = []
          for (let id = start; id < start + 256; id++) {
            if (id < 32 || (id >= 127 && id < 160)) continue
            const g = sdf.draw(String.fromCharCode(id))
            out[start].push({ id, bitmap: Array.from(g.data), width: g.glyphWidth, height: g.glyphHeight, left: g.glyphLeft, top: g.glyphTop, advance: g.glyphAdvance })
          }
        }
        return out
      },
      { fonts: [font('latin'), font('latin-ext')], ranges, size: FONT_SIZE, buffer: BUFFER },
    )
    const result = new Map<number, Glyph[]>()
    for (const start of ranges) {
      result.set(
        start,
        drawn[start].map((g) => ({ ...g, bitmap: Uint8Array.from(g.bitmap), top: g.top - BASELINE, advance: Math.round(g.advance) })),
      )
    }
    return result
  } finally {
    await browser.close()
  }
}
