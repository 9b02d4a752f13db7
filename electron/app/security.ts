// Hardening of every webContents, one function per concern: navigation, new windows, webviews, permissions and the CSP header.
import { app, shell, type Session, type WebContents } from 'electron'
import { isAppUrl, isWebUrl, type RendererEntry } from './pages'
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../core/csp'

/** Keeps the window on the app's own page; anything else could run with our preload. */
export function guardNavigation(contents: WebContents, entry: RendererEntry): void {
  const refuse = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, entry)) event.preventDefault()
  }
  contents.on('will-navigate', refuse)
  contents.on('will-redirect', refuse)
}

// Link clicks arrive as tabs; script-made popups with features arrive as 'new-window'.
const CLICK_DISPOSITIONS: ReadonlySet<string> = new Set(['foreground-tab', 'background-tab'])

/** No window is ever opened by the page; a clicked http(s) link goes to the OS browser instead. */
export function denyNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url, disposition }) => {
    if (isWebUrl(url) && CLICK_DISPOSITIONS.has(disposition)) {
      shell.openExternal(url).catch((err: unknown) => console.warn('[watchfloor] could not open link:', err))
    }
    return { action: 'deny' }
  })
}

export function denyWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

// Deny by default. Copying a citation to the clipboard is the one thing the page may ask for.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function denyPermissions(ses: Session, entry: RendererEntry): void {
  const allowed = (contents: WebContents | null, permission: string) =>
    ALLOWED_PERMISSIONS.has(permission) && contents !== null && isAppUrl(contents.getURL(), entry)
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(contents, permission)))
  ses.setPermissionCheckHandler((contents, permission) => allowed(contents, permission))
}

/** The file:// page carries the same policy in a meta tag; the header covers the dev server and anything else loaded. */
export function sendContentSecurityPolicy(ses: Session, entry: RendererEntry): void {
  const policy = entry.kind === 'url' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}

/** Applies every guard to each webContents as it is created, and to each session once. Call before the app is ready. */
export function hardenApp(entry: RendererEntry): void {
  app.enableSandbox()
  const hardened = new WeakSet<Session>()
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, entry)
    denyNewWindows(contents)
    denyWebviews(contents)
    if (!hardened.has(contents.session)) {
      hardened.add(contents.session)
      denyPermissions(contents.session, entry)
      sendContentSecurityPolicy(contents.session, entry)
    }
  })
}
