// The browser host: serves the built renderer on 127.0.0.1 and the handler table over a token-guarded loopback bridge.
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
  token: string
  /** The address to open: the origin with the token in the fragment (never sent to the server or logs). */
  url: string
  close(): Promise<void>
}

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
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
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
  const token = randomBytes(24).toString('base64url')
  const handlers = createHandlers(options.session)
  let origin = ''

  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendResult(res, 405, fail('invalid-input', 'Use POST for API calls.'))
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return sendResult(res, 403, fail('invalid-input', 'Call refused: foreign origin.'))
    if (!sameToken(req.headers['x-watchfloor-token'] as string | undefined, token)) return sendResult(res, 403, fail('invalid-input', 'Call refused: missing or wrong token.'))
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendResult(res, 415, fail('invalid-input', 'API calls must be JSON.'))
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
      if (!path.startsWith('/api/')) return false
      await api(req, res)
      return true
    },
    onError: (err) => console.error('[watchfloor] browser host error:', err),
  })
  origin = server.origin
  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () => server.close(),
  }
}
