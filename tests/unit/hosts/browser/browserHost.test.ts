// The browser host: a one-time address sets the session cookie; calls without it, from a foreign origin or not exactly JSON are refused; only the renderer folder is served.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../../../electron/hosts/browser/browserHost'
import { Session } from '../../../../electron/core/session'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'

let dir: string
let host: BrowserHost
let cookie: string
const session = new Session()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watchfloor-host-'))
  const renderer = join(dir, 'renderer')
  await mkdir(renderer)
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Watchfloor</title>')
  await writeFile(join(dir, 'secret.txt'), 'not for the browser')
  await session.open(join(dir, 'ws'), { create: { data: sampleWorkspace() } })
  host = await startBrowserHost({ session, rendererDir: renderer })
  const first = await fetch(host.url, { redirect: 'manual' })
  cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]
})

afterAll(async () => {
  await host.close()
  await session.close()
  await rm(dir, { recursive: true, force: true })
})

interface Answer {
  ok: boolean
  value?: unknown
  error: { code: string; message: string; issues: { path: string }[] }
}

const answer = async (res: Response) => (await res.json()) as Answer

function call(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only; its one-time address set an HttpOnly, SameSite=Strict session cookie for this port', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(host.url).toMatch(new RegExp(`^${host.origin}/session/[\\w-]{43}$`))
    expect(cookie).toMatch(new RegExp(`^${host.cookieName}=[\\w-]{43}$`))
    expect(host.cookieName).toBe(`watchfloor-${host.origin.split(':')[2]}`)
    const again = await fetch(host.url, { redirect: 'manual' })
    expect(again.status).toBe(403)
    expect(again.headers.get('set-cookie')).toBeNull()
    // The browser that holds the session and reopens the address from its history just goes on to the app.
    const reload = await fetch(host.url, { redirect: 'manual', headers: { Cookie: cookie } })
    expect(reload.status).toBe(303)
    expect(reload.headers.get('location')).toBe('/')
  })

  it('answers a call that carries the token', async () => {
    const res = await call({ channel: 'workspace:info' })
    expect(res.status).toBe(200)
    const body = await answer(res)
    expect(body).toMatchObject({ ok: true, value: { sample: true, counts: { incidents: 14 } } })
  })

  it('refuses a missing or wrong session cookie, and a foreign origin', async () => {
    const before = await readFile(join(dir, 'ws', 'workspace.json'))
    const noCookie = await call({ channel: 'incidents:delete', input: { id: 'inc-albania-2022-07' } }, { Cookie: '' })
    expect(noCookie.status).toBe(403)
    expect((await answer(noCookie)).error.message).toMatch(/no session/)
    const wrong = await call({ channel: 'incidents:delete', input: { id: 'inc-albania-2022-07' } }, { Cookie: `${host.cookieName}=${'x'.repeat(43)}` })
    expect(wrong.status).toBe(403)
    const foreign = await call({ channel: 'incidents:delete', input: { id: 'inc-albania-2022-07' } }, { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await answer(foreign)).error.message).toMatch(/foreign origin/)
    expect((await readFile(join(dir, 'ws', 'workspace.json'))).equals(before)).toBe(true)
  })

  it('refuses bodies that are not JSON, not an object, or too large', async () => {
    expect((await call('{"channel": "workspace:info"')).status).toBe(400)
    expect((await call('42')).status).toBe(400)
    const huge = await call({ channel: 'incidents:create', input: { title: 'x'.repeat(33 * 1024 * 1024) } })
    expect(huge.status).toBe(413)
    for (const type of ['text/plain', 'application/jsonfoo', 'application/json; charset=latin1', 'application/json, text/plain']) {
      expect((await call({ channel: 'workspace:info' }, { 'Content-Type': type })).status).toBe(415)
    }
    for (const type of ['application/json;charset=utf-8', 'Application/JSON; charset="UTF-8"']) {
      expect((await call({ channel: 'workspace:info' }, { 'Content-Type': type })).status).toBe(200)
    }
  })

  it('answers invalid input with the field issues and saves nothing', async () => {
    const res = await call({ channel: 'incidents:create', input: { title: 42 } })
    const body = await answer(res)
    expect(body.ok).toBe(false)
    expect(body.error.code).toBe('invalid-input')
    expect(body.error.issues[0]).toMatchObject({ path: 'title' })
    expect(session.info().counts.incidents).toBe(14)
  })

  it('serves the renderer with a CSP and never a file outside its folder', async () => {
    const page = await fetch(`${host.origin}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(page.headers.get('content-security-policy')).not.toMatch(/https?:/)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`${host.origin}${path}`)
      expect(res.status).toBe(404)
    }
  })
})
