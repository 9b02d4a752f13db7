// The Content-Security-Policy every host sends with the renderer; Node-free so the browser host and tests share it.

/**
 * Only the app's own origin may supply code, styles, fonts and connections. Inline styles are
 * allowed because React and mapbox-gl set style attributes; `blob:` workers are mapbox-gl's
 * worker; `data:`/`blob:` images are map sprites and exported charts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The dev server's page (`npm run dev` only) needs React Refresh's inline preamble and Vite's
 * websocket; packaged and preview builds never get this policy.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
)

/** The policy as a meta tag carries it (frame-ancestors is header-only and would only warn). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ')
