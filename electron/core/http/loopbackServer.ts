// The one loopback HTTP server: 127.0.0.1 only, our own Host names only, read-only static files that cannot leave their folder, and a hook for an API.
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
}

export interface LoopbackRequest {
  req: IncomingMessage
  res: ServerResponse
  /** The request's path, already decoded and checked. */
  path: string
  url: URL
}

export interface LoopbackServerOptions {
  /** Folder served read-only for GET and HEAD. */
  root: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** Headers sent with every response (a CSP, say). */
  headers?: Record<string, string>
  /** The file served for `/`; none when undefined. */
  index?: string
  /** Answers a request itself and returns true, or returns false to let static files answer. */
  route?(request: LoopbackRequest): Promise<boolean> | boolean
  /** Told of a handler that threw; the client gets a 500 without details. */
  onError?(err: unknown): void
}

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:5173 */
  origin: string
  port: number
  close(): Promise<void>
}

/** Sends a whole response with the server's headers plus `type`. */
export function sendBody(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...res.getHeaders(), 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
  res.end(body)
}

/** The decoded path of a request target, or null when it is not a plain path (absolute URLs, bad escapes, NUL, backslashes). */
export function requestPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null
  let path: string
  try {
    path = decodeURIComponent(new URL(target, 'http://loopback').pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  return path
}

function hostHeaderCount(rawHeaders: string[]): number {
  let n = 0
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === 'host') n++
  return n
}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const root = resolve(options.root)
  let port = 0
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  async function staticFile({ req, res, path }: LoopbackRequest): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendBody(res, 405, 'Method not allowed', 'text/plain')
    const name = path === '/' ? options.index : path
    if (!name) return sendBody(res, 404, 'Not found', 'text/plain')
    const target = normalize(join(root, name))
    if (!target.startsWith(root + sep)) return sendBody(res, 404, 'Not found', 'text/plain')
    let body: Buffer
    try {
      body = await readFile(target)
    } catch {
      return sendBody(res, 404, 'Not found', 'text/plain')
    }
    sendBody(res, 200, body, TYPES[extname(target)] ?? 'application/octet-stream')
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v)
    // A page on another name (DNS rebinding) is refused before anything else is looked at; so is a second Host, which Node would drop silently.
    if (hostHeaderCount(req.rawHeaders) !== 1) return sendBody(res, 400, 'Bad request: one Host header is required', 'text/plain')
    if (!allowedHosts().has(req.headers.host ?? '')) return sendBody(res, 421, 'Unknown host', 'text/plain')
    const path = requestPath(req.url)
    if (path === null) return sendBody(res, 400, 'Bad request', 'text/plain')
    const request: LoopbackRequest = { req, res, path, url: new URL(req.url ?? '/', `http://127.0.0.1:${port}`) }
    if (options.route && (await options.route(request))) return
    await staticFile(request)
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      options.onError?.(err)
      if (!res.headersSent) sendBody(res, 500, 'The server failed to answer.', 'text/plain')
      else res.end()
    })
  })
  // Malformed requests (bad header bytes, oversized headers) get a 400 from Node; they must never throw.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  await new Promise<void>((done, failed) => {
    server.once('error', failed)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  port = (server.address() as AddressInfo).port
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
