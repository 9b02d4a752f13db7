// Decodes a PNG in the page (screenshots, exported figures) to read a pixel and count its colours.
import type { Page } from '@playwright/test'

export type Rgb = [number, number, number]

// What the page-side code touches of the browser (the tests are type-checked without the DOM library).
type PageContext2D = { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
declare const document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): PageContext2D | null } }
declare const Image: new () => { src: string; width: number; height: number; decode(): Promise<void> }

/** Size, the colour at `at`, the number of distinct colours (sampled every `stride` pixels), and the mean relative luminance (0 black – 1 white). */
export async function decodePng(page: Page, png: Buffer, at = { x: 0, y: 0 }, stride = 97): Promise<{ width: number; height: number; rgb: Rgb; colours: number; luminance: number }> {
  return page.evaluate(
    async ({ b64, x, y, step }) => {
      const img = new Image()
      img.src = `data:image/png;base64,${b64}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const all = ctx.getImageData(0, 0, c.width, c.height).data
      const seen = new Set<number>()
      for (let i = 0; i < all.length; i += 4 * step) seen.add((all[i] << 16) | (all[i + 1] << 8) | all[i + 2])
      let sum = 0
      for (let i = 0; i < all.length; i += 4) sum += (0.2126 * all[i] + 0.7152 * all[i + 1] + 0.0722 * all[i + 2]) / 255
      const px = ctx.getImageData(x, y, 1, 1).data
      return { width: img.width, height: img.height, rgb: [px[0], px[1], px[2]] as Rgb, colours: seen.size, luminance: sum / (all.length / 4) }
    },
    { b64: png.toString('base64'), ...at, step: stride },
  )
}

/** Distinct colours in a PNG (sampled every 7th pixel): a blank image has one or two. */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return (await decodePng(page, png, { x: 0, y: 0 }, 7)).colours
}
