// Briefing figures for hosts without a renderer (the CLI): the built renderer's figures page, served on 127.0.0.1 and opened in headless Chromium, draws them exactly as the Reports view does.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Actor, Incident, ReportDefinition } from '../../../../shared/domain'
import type { Figure } from '../../../../shared/report/blocks'
import type { FiguresPage } from '../../../../shared/report/figuresPage'
import { messageOf } from '../../../../shared/result'
import { startLoopbackServer } from '../../http/loopbackServer'
import type { FigureSectionId } from '../../../../shared/report/sectionIds'
import { CHROMIUM_ARGS, chromiumPath } from './ChromiumPdfRenderer'

/** WebGL without a GPU, for the map. */
const WEBGL_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']
/** Longest the figures may take to draw, in ms. */
const TIMEOUT_MS = 60_000

/**
 * Draws the figure sections in `wanted` for `incidents` (already in scope) with the renderer built in
 * `rendererDir`; a figure that cannot be drawn is in `problems` with the reason. Rejects with a
 * readable reason when the build, Chromium or the page is missing.
 */
export async function drawFiguresInChromium(
  rendererDir: string,
  wanted: readonly FigureSectionId[],
  incidents: Incident[],
  definition: ReportDefinition,
  actors: Actor[],
): Promise<{ figures: Partial<Record<FigureSectionId, Figure>>; problems: Partial<Record<FigureSectionId, string>> }> {
  const root = resolve(rendererDir)
  if (!existsSync(join(root, 'figures.html'))) throw new Error(`the built renderer is missing (${join(root, 'figures.html')}); run npm run build`)
  const { chromium } = await import('playwright-core')
  const server = await startLoopbackServer({ root })
  const { origin } = server
  let browser: import('playwright-core').Browser | null = null
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...WEBGL_ARGS] }).catch((err: Error) => {
      throw new Error(`Chromium could not start (${err.message.split('\n')[0]}); set CHROMIUM_PATH`)
    })
    const page = await browser.newPage()
    // Only the figures page and its own files: nothing leaves the machine.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin + '/') ? route.continue() : route.abort()))
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${origin}/figures.html`, { timeout: TIMEOUT_MS })
    await page.waitForFunction(() => 'watchfloorFigures' in globalThis, null, { timeout: TIMEOUT_MS }).catch(() => {
      throw new Error(`the figures page did not load${errors.length ? `: ${errors[0]}` : ''}`)
    })
    const figures: Partial<Record<FigureSectionId, Figure>> = {}
    // A figure that fails is left out with its reason; the others are still drawn.
    const problems: Partial<Record<FigureSectionId, string>> = {}
    for (const id of wanted) {
      try {
        if (id === 'map')
          figures.map = await page.evaluate(([list, def]) => (globalThis as unknown as { watchfloorFigures: FiguresPage }).watchfloorFigures.map(list, def), [incidents, definition] as const)
        else figures.timeline = await page.evaluate(([list, people]) => (globalThis as unknown as { watchfloorFigures: FiguresPage }).watchfloorFigures.timeline(list, people), [incidents, actors] as const)
      } catch (err) {
        problems[id] = messageOf(err).replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0]
      }
    }
    return { figures, problems }
  } finally {
    await browser?.close()
    await server.close()
  }
}
