// The File menu: new, open, open recent, sample, save a copy and encryption, each driven by clicking its item.
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { WorkspaceInfo } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { WorkspaceSchema } from '../../../shared/workspace'
import { chooseFolderNext, fake, fileMenu, handler, item, menu, SAMPLE_NAME, trustedEvent, useSmokeApp, win } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))

const app = useSmokeApp()

/** Where "New workspace…" creates "Ops 2026"; the steps after it work on that workspace. */
const ops = () => join(app.userData, 'Ops 2026')

/** Makes a workspace named "Ops 2026" the open one through the File menu, creating one beside `ops()` if no earlier test did. */
async function givenOpsOpen(): Promise<void> {
  if (app.running.session.isOpen && app.running.session.info().name === 'Ops 2026') return
  const existing = [ops(), join(app.userData, 'given', 'Ops 2026')].find((dir) => existsSync(join(dir, 'workspace.json')))
  const dir = existing ?? join(app.userData, 'given', 'Ops 2026')
  chooseFolderNext(dir)
  item(fileMenu(), existing ? 'Open workspace…' : 'New workspace…').click!()
  await vi.waitFor(() => expect(app.running.session.isOpen && app.running.session.info().path).toBe(dir))
}

describe('menu', () => {
  it('offers the workspace actions under File', () => {
    const labels = fileMenu().map((i) => i.label ?? i.role)
    expect(labels).toEqual(expect.arrayContaining(['New workspace…', 'Open workspace…', 'Open recent', 'Open sample workspace', 'Save a copy as…', 'quit']))
    expect(menu().map((m) => m.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']))
    const view = item(menu(), 'View').submenu!.map((i) => i.role)
    expect(view).toContain('toggleDevTools')
  })

  it('New from article… asks the page to open its intake screen', () => {
    item(fileMenu(), 'New from article…').click!()
    expect(win().webContents.sent.at(-1)).toBe('menu:newFromArticle')
  })

  it('New workspace… creates one in the chosen folder, remembers it, retitles the window and tells the page', async () => {
    const dir = ops()
    const sent = win().webContents.sent.length
    chooseFolderNext(dir)
    item(fileMenu(), 'New workspace…').click!()
    await vi.waitFor(() => expect(win().webContents.sent.slice(sent)).toContain('workspace:changed'))
    expect(app.running.session.info().name).toBe(basename(dir))
    expect(win().title).toBe('Watchfloor — Ops 2026')
    expect(app.running.settings().recent[0]).toBe(dir)
    expect(JSON.parse(await readFile(join(app.userData, 'settings.json'), 'utf8')).recent[0]).toBe(dir)
    expect(item(fileMenu(), 'Open recent').submenu!.map((i) => i.label)).toContain(dir)
    // The previous workspace was closed, so its lock is gone.
    expect(existsSync(join(app.userData, 'Sample workspace', '.watchfloor.lock'))).toBe(false)
  })

  it('New workspace… refuses a folder that already holds a workspace', async () => {
    await givenOpsOpen()
    fake.electron.dialog.showErrorBox.mockClear()
    chooseFolderNext(join(app.userData, 'Sample workspace'))
    item(fileMenu(), 'New workspace…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.electron.dialog.showErrorBox.mock.calls.at(-1)![1]).toMatch(/already holds a workspace/)
    expect(app.running.session.info().name).toBe('Ops 2026')
  })

  it('Open workspace… shows the store’s message for a folder without workspace.json', async () => {
    const empty = join(app.userData, 'empty')
    await mkdir(empty)
    fake.electron.dialog.showErrorBox.mockClear()
    chooseFolderNext(empty)
    item(fileMenu(), 'Open workspace…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toMatch(/No workspace in/)
  })

  it('Save a copy as… writes a valid workspace.json and refuses to overwrite one', async () => {
    await givenOpsOpen()
    const target = join(app.userData, 'copy')
    chooseFolderNext(target)
    item(fileMenu(), 'Save a copy as…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalled())
    const copy = WorkspaceSchema.parse(JSON.parse(await readFile(join(target, 'workspace.json'), 'utf8')))
    expect(copy.name).toBe('Ops 2026')

    fake.electron.dialog.showErrorBox.mockClear()
    chooseFolderNext(target)
    item(fileMenu(), 'Save a copy as…').click!()
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toMatch(/already holds a workspace/)
  })

  // Five key derivations at the app's real scrypt costs (about 0.4 s each on an idle machine, several seconds under load).
  it('Encrypt workspace… asks the page for its dialog; the passphrase comes back over IPC, and reopening waits for it', { timeout: 120_000 }, async () => {
    await givenOpsOpen()
    const sent = win().webContents.sent.length
    item(fileMenu(), 'Encrypt workspace…').click!()
    expect(win().webContents.sent.slice(sent)).toEqual(['menu:encryption'])
    const encrypted = (await handler('workspace:encrypt')(trustedEvent(), { passphrase: 'smoke test passphrase' })) as Result<{ info: WorkspaceInfo }>
    expect(encrypted.ok && encrypted.value.info.encrypted).toBe(true)
    const dir = app.running.session.info().path
    expect((await readFile(join(dir, 'workspace.json'))).subarray(0, 7).toString('latin1')).toBe('WFCRYPT')

    // Reopening from the recent list holds it locked: no error box, the page is told, and asks for the passphrase.
    fake.electron.dialog.showErrorBox.mockClear()
    item(fileMenu(), 'Open sample workspace').click!()
    await vi.waitFor(() => expect(app.running.session.info().sample).toBe(true))
    item(item(fileMenu(), 'Open recent').submenu!, dir).click!()
    await vi.waitFor(() => expect(app.running.session.lockedDir).toBe(dir))
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled()
    expect((await handler('workspace:snapshot')(trustedEvent())) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect((await handler('workspace:unlock')(trustedEvent(), { passphrase: 'wrong passphrase' })) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'locked' } })
    const unlocked = (await handler('workspace:unlock')(trustedEvent(), { passphrase: 'smoke test passphrase' })) as Result<WorkspaceInfo>
    expect(unlocked.ok && unlocked.value.name).toBe('Ops 2026')
    const decrypted = (await handler('workspace:decrypt')(trustedEvent(), { current: 'smoke test passphrase' })) as Result<{ info: WorkspaceInfo }>
    expect(decrypted.ok && decrypted.value.info.encrypted).toBe(false)
  })

  it('Open sample workspace switches back and Clear Recent empties the list', async () => {
    const sent = win().webContents.sent.length
    item(fileMenu(), 'Open sample workspace').click!()
    await vi.waitFor(() => expect(win().webContents.sent.length).toBe(sent + 1))
    expect(app.running.session.info().name).toBe(SAMPLE_NAME)
    expect(app.running.settings().recent[0]).toBe(join(app.userData, 'Sample workspace'))

    item(item(fileMenu(), 'Open recent').submenu!, 'Clear Recent').click!()
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(app.userData, 'settings.json'), 'utf8')).recent).toEqual([]))
    expect(item(fileMenu(), 'Open recent').submenu![0]).toMatchObject({ label: 'No recent workspaces', enabled: false })
  })
})
