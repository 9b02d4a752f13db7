// The credential file outside every workspace: readable by its user only (a file left readable by others is tightened), one secret per key, saves that never lose each other.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { FileSecretStore } from '../../../../electron/core/taxii/secretStore'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watchfloor-secrets-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

it('keeps secrets by key in a 0600 file, and tightens one that others could read', async () => {
  const file = join(dir, 'config', 'secrets.json')
  const store = new FileSecretStore(file)
  expect(await store.get('taxii a')).toBeNull()
  await Promise.all(Array.from({ length: 20 }, (_, n) => store.set(`taxii ${n}`, `secret-${n}`)))
  for (let n = 0; n < 20; n++) expect(await store.get(`taxii ${n}`)).toBe(`secret-${n}`)
  expect((await stat(file)).mode & 0o777).toBe(0o600)
  await store.delete('taxii 3')
  expect(await store.get('taxii 3')).toBeNull()

  await writeFile(join(dir, 'loose.json'), '{"k":"v"}', { mode: 0o644 })
  const loose = new FileSecretStore(join(dir, 'loose.json'))
  expect(await loose.get('k')).toBe('v')
  await loose.set('k2', 'v2')
  expect((await stat(join(dir, 'loose.json'))).mode & 0o777).toBe(0o600)
  expect(JSON.parse(await readFile(join(dir, 'loose.json'), 'utf8'))).toEqual({ k: 'v', k2: 'v2' })
})

it('seals values with the functions it is given (the desktop app passes the keychain’s)', async () => {
  const file = join(dir, 'sealed.json')
  const store = new FileSecretStore(file, 'test keychain', (v) => Buffer.from(v).toString('base64'), (v) => Buffer.from(v, 'base64').toString())
  await store.set('taxii x', 'hunter2-password')
  expect(await readFile(file, 'utf8')).not.toContain('hunter2-password')
  expect(await store.get('taxii x')).toBe('hunter2-password')
  expect(store.kind).toBe('test keychain')
})
