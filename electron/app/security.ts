// Hardening of every webContents, one function per concern: navigation, new windows, webviews, permissions and the CSP header.
import { app, shell, type Session, type WebContents } from 'electron'
import { isAppUrl, isWebUrl, type RendererEntry } from './pages'
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../core/csp'

const SUBFRAME_URLS: ReadonlySet<string> = new Set(['about:srcdoc', 'about:blank'])

/** Keeps the window on the app's own page; anything else could run with our preload. */
export function guardNavigation(contents: WebContents, entry: RendererEntry): void {
  const refuse = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, entry)) event.preventDefault()
  }
  contents.on('will-navigate', refuse)
  contents.on('will-redirect', refuse)
  // Every frame's navigations too: the main frame only to our page, a subframe (the report preview's srcdoc frame) only to its own document.
  contents.on('will-frame-navigate', (event) => {
    const allowed = event.isMainFrame ? isAppUrl(event.url, entry) : SUBFRAME_URLS.has(event.url)
    if (!allowed) event.preventDefault()
  })
}

// Link clicks arrive as tabs; script-made popups with features arrive as 'new-window'.
const CLICK_DISPOSITIONS: ReadonlySet<string> = new Set(['foreground-tab', 'background-tab'])

/** No window is ever opened by the page; a clicked (or middle-clicked) http(s) link goes to the OS browser instead. */
export function denyNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url, disposition }) => {
    if (isWebUrl(url) && CLICK_DISPOSITIONS.has(disposition)) {
      // Reviewed: only http(s) URLs (isWebUrl) from a user's click reach the OS browser; file:, custom schemes and script-made popups never do.
      shell.openExternal(url).catch((err: unknown) => console.warn('[watchfloor] could not open link:', err)) // eng-disable OPEN_EXTERNAL_JS_CHECK
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
    // electronegativity cannot parse a policy held in a variable (low finding); it is core/csp.ts's, which it parses in the built pages.
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
