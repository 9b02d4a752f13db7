// The app's own page: where the window loads it from, which URLs are ours, and the window's title.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export function windowTitle(workspaceName?: string | null): string {
  return workspaceName ? `Watchfloor — ${workspaceName}` : 'Watchfloor'
}

/** Where the renderer is loaded from: the built index.html, or the dev server electron-vite started. */
export type RendererEntry = { kind: 'file'; path: string } | { kind: 'url'; url: string }

/** The switch only `npm run dev` passes to Electron (`electron-vite dev -- --watchfloor-dev`). */
export const DEV_FLAG = '--watchfloor-dev'

/**
 * The dev server's address, honoured only for an unpackaged app started with `DEV_FLAG`, and only
 * when it is http on the loopback interface. `npm start`, a packaged app, or anything that merely
 * sets `ELECTRON_RENDERER_URL` in the environment loads the built page with the strict policy.
 */
export function developmentRendererUrl(isPackaged: boolean, argv: readonly string[], envUrl: string | undefined): string | undefined {
  if (isPackaged || !argv.includes(DEV_FLAG) || !envUrl) return undefined
  let u: URL
  try {
    u = new URL(envUrl)
  } catch {
    return undefined
  }
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) ? u.href : undefined
}

/** `mainDir` is the folder of the built main script (out/main); `devUrl` comes from `developmentRendererUrl`. */
export function rendererEntry(mainDir: string, devUrl?: string): RendererEntry {
  if (devUrl) return { kind: 'url', url: devUrl }
  return { kind: 'file', path: resolve(mainDir, '../renderer/index.html') }
}

/** True when `url` is the renderer's own page: the exact index.html file, or the dev server's origin. */
export function isAppUrl(url: string, entry: RendererEntry): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (entry.kind === 'url') return u.origin === new URL(entry.url).origin
  if (u.protocol !== 'file:' || u.host !== '') return false
  return decodeURIComponent(u.pathname) === decodeURIComponent(pathToFileURL(entry.path).pathname)
}

/** True for http(s) links, the only kind handed to the OS browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}
