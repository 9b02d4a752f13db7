// The browser host: serves the built renderer on 127.0.0.1 and the handler table over a loopback bridge guarded by a session cookie that a one-time address sets.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail } from '../../../shared/result'
import { CONTENT_SECURITY_POLICY } from '../../core/csp'
import { sendBody, startLoopbackServer } from '../../core/http/loopbackServer'
import { createHandlers, dispatch } from '../../core/handlers'
import type { Session } from '../../core/session'

/** Largest request body accepted, in bytes; bigger calls are refused before parsing. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface BrowserHostOptions {
  session: Session
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
}

export interface BrowserHost {
  /** Origin the host listens on, e.g. http://127.0.0.1:5173 */
  origin: string
  /** The address to open, once: it sets the session cookie and sends the browser on to `/`; opened again it is refused. */
  url: string
  /** Name of the session cookie (per port: browsers share cookies across the ports of one host name). */
  cookieName: string
  close(): Promise<void>
}

/** Path prefix of the one-time address. */
export const BOOTSTRAP_PATH = '/session/'

/** Every answer of the host, API or file. */
const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

function sendResult(res: ServerResponse, status: number, result: unknown): void {
  sendBody(res, status, JSON.stringify(result), 'application/json; charset=utf-8')
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length > 200) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The value of cookie `name` in a Cookie header, or undefined (a malformed header holds no cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** True for exactly `application/json`, alone or with `charset=utf-8` (any case, optional spaces); nothing that merely starts so. */
export function isJsonMediaType(header: string | undefined): boolean {
  return header !== undefined && /^application\/json[ \t]*(;[ \t]*charset[ \t]*=[ \t]*"?utf-8"?[ \t]*)?$/i.test(header)
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Starts the host; resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  // Two secrets: the one-time key in the printed address (it ends up in browser history, so it is spent on first use)
  // and the session secret, only ever sent in an HttpOnly cookie.
  let bootstrapKey: string | null = randomBytes(32).toString('base64url')
  const sessionSecret = randomBytes(32).toString('base64url')
  const handlers = createHandlers(options.session)
  let origin = ''
  let cookieName = ''

  const hasSession = (req: IncomingMessage) => sameToken(cookieValue(req.headers.cookie, cookieName), sessionSecret)

  function bootstrap(req: IncomingMessage, res: ServerResponse, key: string): void {
    if (req.method !== 'GET') return sendBody(res, 405, 'Method not allowed', 'text/plain; charset=utf-8')
    if (bootstrapKey !== null && sameToken(key, bootstrapKey)) {
      bootstrapKey = null
      res.setHeader('Set-Cookie', `${cookieName}=${sessionSecret}; Path=/; HttpOnly; SameSite=Strict`)
    } else if (!hasSession(req)) {
      return sendBody(res, 403, 'This address works once and has been used, or is wrong. Restart the browser host for a new one.', 'text/plain; charset=utf-8')
    }
    // The browser that already holds the session (a reload from history) simply goes on to the app.
    res.writeHead(303, { ...res.getHeaders(), Location: '/', 'Cache-Control': 'no-store' })
    res.end()
  }

  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendResult(res, 405, fail('invalid-input', 'Use POST for API calls.'))
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return sendResult(res, 403, fail('invalid-input', 'Call refused: foreign origin.'))
    const site = req.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin') return sendResult(res, 403, fail('invalid-input', 'Call refused: not from the app\'s own page.'))
    if (!hasSession(req)) return sendResult(res, 403, fail('invalid-input', 'Call refused: this page has no session with the browser host. Open the address the host printed (it works once), or restart the host for a new one.'))
    if (!isJsonMediaType(req.headers['content-type'])) return sendResult(res, 415, fail('invalid-input', 'API calls must be sent as application/json.'))
    const body = await readBody(req)
    if (body === null) {
      // The unread rest of the body would poison a kept-alive connection: close it.
      res.setHeader('Connection', 'close')
      return sendResult(res, 413, fail('invalid-input', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB and was refused.`))
    }
    let call: { channel?: unknown; input?: unknown }
    try {
      call = JSON.parse(body.toString('utf8'))
    } catch {
      return sendResult(res, 400, fail('invalid-input', 'The request is not valid JSON.'))
    }
    if (typeof call !== 'object' || call === null) return sendResult(res, 400, fail('invalid-input', 'The request must be an object {channel, input}.'))
    sendResult(res, 200, await dispatch(handlers, call.channel, call.input))
  }

  const server = await startLoopbackServer({
    root: options.rendererDir,
    port: options.port,
    index: 'index.html',
    headers: HEADERS,
    route: async ({ req, res, path }) => {
      if (path.startsWith(BOOTSTRAP_PATH)) {
        bootstrap(req, res, path.slice(BOOTSTRAP_PATH.length))
        return true
      }
      if (!path.startsWith('/api/')) return false
      if (path === '/api/invoke') await api(req, res)
      else sendResult(res, 404, fail('not-found', 'No such API.'))
      return true
    },
    onError: (err) => console.error('[watchfloor] browser host error:', err),
  })
  origin = server.origin
  cookieName = `watchfloor-${server.port}`
  return {
    origin,
    url: `${origin}${BOOTSTRAP_PATH}${bootstrapKey}`,
    cookieName,
    close: () => server.close(),
  }
}
