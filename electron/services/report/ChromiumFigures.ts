// Briefing figures for hosts without a renderer (the CLI): the built renderer's figures page, served on 127.0.0.1 and opened in headless Chromium, draws them exactly as the Reports view does.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Actor, Incident, ReportDefinition } from '../../../shared/domain'
import type { Figure } from '../../../shared/report/blocks'
import type { FigureSectionId } from '../../../shared/report/sectionIds'
import { CHROMIUM_ARGS, chromiumPath } from './ChromiumPdfRenderer'

/** WebGL without a GPU, for the map. */
const WEBGL_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.pbf': 'application/x-protobuf' }
/** What renderer/figures.ts puts on the page (declared here: the main-process build does not see renderer files). */
interface FiguresPage {
  map(incidents: Incident[], definition: ReportDefinition): Promise<Figure>
  timeline(incidents: Incident[], actors: Actor[]): Promise<Figure>
}
/** Longest the figures may take to draw, in ms. */
const TIMEOUT_MS = 60_000

/** Serves `root` read-only on a free loopback port. */
async function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const target = normalize(join(root, path))
    if (req.method !== 'GET' || (target !== root && !target.startsWith(root + sep))) return void res.writeHead(404).end()
    readFile(target).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((done, failed) => {
    server.once('error', failed)
    server.listen(0, '127.0.0.1', () => done())
  })
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

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
  const { server, origin } = await serve(root)
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
        problems[id] = (err instanceof Error ? err.message : String(err)).replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0]
      }
    }
    return { figures, problems }
  } finally {
    await browser?.close()
    await new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
  }
}
