// The one loopback server: our Host names only, a 400 (never an exception) for malformed requests, files only from its folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLoopbackServer, type LoopbackServer } from '../../../../electron/core/http/loopbackServer'

let dir: string
let server: LoopbackServer
const errors: unknown[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watchfloor-loopback-'))
  await mkdir(join(dir, 'www'))
  await writeFile(join(dir, 'www', 'index.html'), '<title>ok</title>')
  await writeFile(join(dir, 'secret.txt'), 'not served')
  server = await startLoopbackServer({ root: join(dir, 'www'), index: 'index.html', onError: (e) => errors.push(e) })
})

afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

/** A raw GET with the path and Host exactly as given (fetch would normalise both). */
function get(path: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('loopback server', () => {
  it('serves its files under 127.0.0.1 and localhost', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<title>ok</title>' })
    expect((await get('/index.html', `localhost:${server.port}`)).status).toBe(200)
  })

  it.each(['evil.example', 'evil.example:8080', '127.0.0.1', '127.0.0.1:1', `[::1]:1`])('refuses Host %j', async (host) => {
    expect((await get('/', host)).status).toBe(421)
  })

  it('refuses the right port under another name (DNS rebinding)', async () => {
    expect((await get('/', `evil.example:${server.port}`)).status).toBe(421)
  })

  it.each(['/%', '/%E0%A4%A', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/a%00b', '//evil.example/x', '/..\\secret.txt'])('answers %s with 400 or 404, never an error', async (path) => {
    const { status, body } = await get(path)
    expect([400, 404]).toContain(status)
    expect(body).not.toContain('not served')
  })

  it('logged no handler error for any of these', () => {
    expect(errors).toEqual([])
  })
})
