// Hostile requests to both loopback servers (the browser host, and the CLI's figures server while it draws): each gets a 4xx, the server stays up, nothing changes.
import { test as base, expect } from '@playwright/test'
import { spawn } from 'node:child_process'
import { readFile, readdir, readlink, stat } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'
import { startHost, tempWorkspace } from './support/host'

const CLI = join(import.meta.dirname, '../../out/main/cli.js')

/** Sends `head` (request line and headers, CRLF-separated, without the blank line) and `body` as raw bytes; resolves with the status code. */
function raw(port: number, head: string, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (d) => {
      answer += d.toString('latin1')
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer)
      if (m) {
        socket.destroy()
        resolve(Number(m[1]))
      }
    })
    socket.on('error', reject)
    socket.on('close', () => reject(new Error(`no status line for ${JSON.stringify(head.split('\r\n')[0])}: ${JSON.stringify(answer.slice(0, 80))}`)))
    socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.from(body)]))
  })
}

function expectAll4xx(statuses: Record<string, number>): void {
  for (const [name, status] of Object.entries(statuses)) expect.soft(Math.floor(status / 100), `${name}: ${status}`).toBe(4)
}

interface Hostile {
  name: string
  head: (port: number, cookie: string) => string
  body?: string
}

const DELETE = JSON.stringify({ channel: 'incidents:delete', input: { id: 'inc-albania-2022-07' } })
const post = (port: number, extra: string[], host = `127.0.0.1:${port}`) =>
  ['POST /api/invoke HTTP/1.1', `Host: ${host}`, `Content-Length: ${Buffer.byteLength(DELETE)}`, ...extra].join('\r\n')
const get = (target: string, port: number, extra: string[] = [], host = `127.0.0.1:${port}`) => [`GET ${target} HTTP/1.1`, `Host: ${host}`, ...extra].join('\r\n')

/** Requests any loopback server must refuse, static files or API. */
const EVERY_SERVER: Hostile[] = [
  { name: 'foreign Host on our port (DNS rebinding)', head: (p) => get('/', p, [], `evil.example:${p}`) },
  { name: 'Host without port', head: (p) => get('/', p, [], '127.0.0.1') },
  { name: 'Host with another port', head: (p) => get('/', p, [], 'localhost:1') },
  { name: 'Host with a suffix', head: (p) => get('/', p, [], `127.0.0.1:${p}.evil.example`) },
  { name: 'IPv6 Host', head: (p) => get('/', p, [], `[::1]:${p}`) },
  { name: 'no Host at all', head: () => 'GET / HTTP/1.0' },
  { name: 'two Host headers', head: (p) => get('/', p, [`Host: evil.example:${p}`]) },
  { name: 'GET /%', head: (p) => get('/%', p) },
  { name: 'GET /%E0%A4%A', head: (p) => get('/%E0%A4%A', p) },
  { name: 'NUL in the path', head: (p) => get('/index.html%00.png', p) },
  { name: 'absolute-form target', head: (p) => get('http://evil.example/index.html', p) },
  { name: 'asterisk target', head: (p) => `OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:${p}` },
  { name: 'protocol-relative target', head: (p) => get('//evil.example/x', p) },
  { name: 'encoded traversal', head: (p) => get('/..%2f..%2f..%2fetc%2fpasswd', p) },
  { name: 'backslash traversal', head: (p) => get('/..\\..\\etc\\passwd', p) },
  { name: 'header line without a colon', head: (p) => get('/', p, ['NoColonHere']) },
  { name: 'control byte in a header', head: (p) => get('/', p, ['X-A: a\u0001b']) },
  { name: 'header over 64 KB', head: (p) => get('/', p, [`X-Big: ${'a'.repeat(70_000)}`]) },
  { name: 'bad Content-Length', head: (p) => ['POST / HTTP/1.1', `Host: 127.0.0.1:${p}`, 'Content-Length: abc'].join('\r\n') },
  { name: 'Content-Length and chunked together', head: (p) => ['POST / HTTP/1.1', `Host: 127.0.0.1:${p}`, 'Content-Length: 3', 'Transfer-Encoding: chunked'].join('\r\n'), body: '0\r\n\r\n' },
  { name: 'unknown method on a file', head: (p) => `DELETE /index.html HTTP/1.1\r\nHost: 127.0.0.1:${p}` },
]

/** Requests aimed at the browser host's API and session; `cookie` is a valid session cookie, to show it does not open these doors. */
const BROWSER_HOST: Hostile[] = [
  { name: 'API call, valid cookie, foreign Host', head: (p, c) => post(p, ['Content-Type: application/json', `Cookie: ${c}`], `evil.example:${p}`), body: DELETE },
  { name: 'API call without the cookie', head: (p) => post(p, ['Content-Type: application/json']), body: DELETE },
  { name: 'API call with a malformed Cookie header', head: (p) => post(p, ['Content-Type: application/json', 'Cookie: =;;=;a']), body: DELETE },
  { name: 'API call, foreign Origin', head: (p, c) => post(p, ['Content-Type: application/json', `Cookie: ${c}`, 'Origin: http://evil.example']), body: DELETE },
  { name: 'API call, Origin of another local port', head: (p, c) => post(p, ['Content-Type: application/json', `Cookie: ${c}`, 'Origin: http://127.0.0.1:1']), body: DELETE },
  { name: 'API call, cross-site fetch', head: (p, c) => post(p, ['Content-Type: application/json', `Cookie: ${c}`, 'Sec-Fetch-Site: cross-site']), body: DELETE },
  { name: 'API call, application/jsonfoo', head: (p, c) => post(p, ['Content-Type: application/jsonfoo', `Cookie: ${c}`]), body: DELETE },
  { name: 'API call, text/plain', head: (p, c) => post(p, ['Content-Type: text/plain', `Cookie: ${c}`]), body: DELETE },
  { name: 'API call, no media type', head: (p, c) => post(p, [`Cookie: ${c}`]), body: DELETE },
  { name: 'API call, JSON with another charset', head: (p, c) => post(p, ['Content-Type: application/json; charset=utf-16', `Cookie: ${c}`]), body: DELETE },
  { name: 'API call by GET', head: (p, c) => get('/api/invoke', p, [`Cookie: ${c}`]) },
  { name: 'unknown API path', head: (p, c) => get('/api/%ZZ', p, [`Cookie: ${c}`]) },
  { name: 'bootstrap with a wrong key', head: (p) => get('/session/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', p) },
  { name: 'bootstrap by POST', head: (p) => `POST /session/x HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nContent-Length: 0` },
]

base('the browser host answers every hostile request with a 4xx, stays up and changes nothing', async () => {
  const ws = await tempWorkspace()
  const host = await startHost(ws.dir)
  try {
    const port = Number(new URL(host.origin).port)
    const first = await fetch(host.url, { redirect: 'manual' })
    expect(first.status).toBe(303)
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]
    const before = await readFile(join(ws.dir, 'workspace.json'))
    const statuses: Record<string, number> = {}
    for (const h of [...EVERY_SERVER, ...BROWSER_HOST]) statuses[h.name] = await raw(port, h.head(port, cookie), h.body)
    // The printed address, replayed (from the history of this browser or a stolen copy), and the old token header.
    const bootstrapPath = new URL(host.url).pathname
    statuses['replayed bootstrap address'] = await raw(port, get(bootstrapPath, port))
    statuses['bootstrap key as a token header'] = await raw(port, post(port, ['Content-Type: application/json', `X-Watchfloor-Token: ${bootstrapPath.split('/').pop()}`]), DELETE)
    statuses['bootstrap key as the cookie'] = await raw(port, post(port, ['Content-Type: application/json', `Cookie: watchfloor-${port}=${bootstrapPath.split('/').pop()}`]), DELETE)
    expectAll4xx(statuses)
    expect((await readFile(join(ws.dir, 'workspace.json'))).equals(before)).toBe(true)
    // Still up, and the session still works.
    const info = await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify({ channel: 'workspace:info' }) })
    expect(await info.json()).toMatchObject({ ok: true, value: { counts: { incidents: 14 } } })
  } finally {
    await host.stop()
    await ws.remove()
  }
})

base('a stolen copy of the printed address opens nothing in another browser', async ({ browser }) => {
  const ws = await tempWorkspace()
  const host = await startHost(ws.dir)
  try {
    const analyst = await browser.newContext()
    const page = await analyst.newPage()
    await page.goto(host.url)
    await expect(page.locator('.app-head .brand')).toHaveText('Watchfloor')
    // Nothing secret is left in the address bar, the page's storage, or cookies readable by script.
    expect(page.url()).toBe(`${host.origin}/`)
    expect(await page.evaluate(() => [document.cookie, JSON.stringify(sessionStorage), JSON.stringify(localStorage)])).toEqual(['', '{}', '{}'])
    const [sessionCookie] = await analyst.cookies()
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })

    const thief = await browser.newContext()
    const stolen = await thief.newPage()
    const res = await stolen.goto(host.url)
    expect(res?.status()).toBe(403)
    await stolen.goto(`${host.origin}/`)
    await expect(stolen.getByText(/no session with the browser host/).first()).toBeVisible()
    expect(await thief.cookies()).toEqual([])
    await thief.close()
    await analyst.close()
  } finally {
    await host.stop()
    await ws.remove()
  }
})

/** The port a process listens on, read from /proc once it has one (Linux). */
async function listeningPort(pid: number, exited: () => boolean): Promise<number> {
  for (;;) {
    if (exited()) throw new Error('the CLI exited before its figures server listened')
    const inodes = new Set<string>()
    for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [])) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      const m = /^socket:\[(\d+)\]$/.exec(link)
      if (m) inodes.add(m[1])
    }
    const table = await readFile('/proc/net/tcp', 'utf8')
    for (const line of table.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      // 0100007F is 127.0.0.1; state 0A is LISTEN.
      if (cols[3] === '0A' && cols[1]?.startsWith('0100007F:') && inodes.has(cols[9])) return parseInt(cols[1].split(':')[1], 16)
    }
    await new Promise((r) => setImmediate(r))
  }
}

base('the CLI figures server refuses every hostile request and the report is still written', async () => {
  base.skip(process.platform !== 'linux', 'finds the port through /proc')
  const ws = await tempWorkspace()
  try {
    const out = join(ws.dir, 'hostile.md')
    const child = spawn(process.execPath, [CLI, 'report', ws.dir, '--format', 'md', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    // The CLI says when it starts drawing; its figures server comes up right after.
    const drawing = new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        stderr += d
        if (/Drawing the /.test(stderr)) resolve()
      }),
    )
    const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)))
    await Promise.race([drawing, done])
    const port = await listeningPort(child.pid!, () => child.exitCode !== null)
    const statuses: Record<string, number> = {}
    for (const h of EVERY_SERVER) statuses[h.name] = await raw(port, h.head(port, ''), h.body)
    expectAll4xx(statuses)
    expect(await done, stderr).toBe(0)
    expect(stdout).toMatch(/Drew the situation map/)
    expect((await stat(out)).size).toBeGreaterThan(0)
    expect(stderr).not.toMatch(/URIError|Error:/)
  } finally {
    await ws.remove()
  }
})
