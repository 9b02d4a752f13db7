// IPC: one handler per contract channel, answering only the app's own main frame and parsing input first.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../../shared/channels'
import type { WorkspaceInfo } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { WorkspaceSchema } from '../../../shared/workspace'
import { fake, handler, SAMPLE_NAME, trustedEvent, useSmokeApp, win } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))

const app = useSmokeApp()

describe('IPC', () => {
  it('registers a handler for every channel of the contract', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('answers the trusted main frame', async () => {
    const result = (await handler('workspace:info')(trustedEvent(), undefined)) as Result<WorkspaceInfo>
    expect(result.ok && result.value.name).toBe(SAMPLE_NAME)
  })

  it('keeps a sharing password sealed by the keychain in the app’s data folder, never in the workspace nor the answer', async () => {
    const saved = (await handler('sharing:save')(trustedEvent(), { name: 'Team', server: 'https://cti.example.org/taxii2/', auth: 'basic', user: 'analyst', secret: 'keychain-pass-42' })) as Result<{ savedCredentials: boolean }>
    expect(saved.ok && saved.value.savedCredentials).toBe(true)
    expect(JSON.stringify(saved)).not.toContain('keychain-pass-42')
    const sealed = await readFile(join(app.userData, 'secrets.keychain.json'), 'utf8')
    expect(sealed).not.toContain('keychain-pass-42')
    expect(Buffer.from(Object.values(JSON.parse(sealed) as Record<string, string>)[0], 'base64').toString()).toBe('sealed:24-ssap-niahcyek')
    const list = (await handler('sharing:list')(trustedEvent(), undefined)) as Result<{ secretStore: string }>
    expect(list.ok && list.value.secretStore).toMatch(/keychain/)
    expect(await readFile(join(app.running.session.info().path, 'sharing.json'), 'utf8')).not.toContain('keychain-pass-42')
  })

  it('refuses foreign senders and leaves the store file untouched', async () => {
    const before = await readFile(app.sampleFile(), 'utf8')
    const id = WorkspaceSchema.parse(JSON.parse(before)).incidents[0].id
    const mainFrame = win().webContents.mainFrame
    const foreign = [
      { sender: win().webContents, senderFrame: new fake.FakeFrame('https://evil.example/') },
      { sender: win().webContents, senderFrame: new fake.FakeFrame(mainFrame.url, mainFrame) },
      { sender: win().webContents, senderFrame: null },
      { sender: {}, senderFrame: new fake.FakeFrame(mainFrame.url) },
    ]
    for (const event of foreign) {
      const result = await handler('incidents:delete')(event, { id })
      expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Call refused: unknown sender' } })
    }
    await app.running.session.services.store.flush()
    expect(await readFile(app.sampleFile(), 'utf8')).toBe(before)

    const trusted = (await handler('incidents:delete')(trustedEvent(), { id })) as Result<{ id: string }>
    expect(trusted.ok && trusted.value.id).toBe(id)
    await app.running.session.services.store.flush()
    const after = WorkspaceSchema.parse(JSON.parse(await readFile(app.sampleFile(), 'utf8')))
    expect(after.incidents.some((i) => i.id === id)).toBe(false)
  })

  it('parses input before any handler runs', async () => {
    const result = await handler('incidents:delete')(trustedEvent(), { id: 42 })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('invalid-input')
  })
})
