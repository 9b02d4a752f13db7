// The app's own page: where the window loads it from, which URLs are ours, and the window's title.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export function windowTitle(workspaceName?: string | null): string {
  return workspaceName ? `Watchfloor — ${workspaceName}` : 'Watchfloor'
}

/** Where the renderer is loaded from: the built index.html, or the dev server electron-vite started. */
export type RendererEntry = { kind: 'file'; path: string } | { kind: 'url'; url: string }

/** `mainDir` is the folder of the built main script (out/main); `devUrl` is ignored in packaged builds by the caller. */
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
