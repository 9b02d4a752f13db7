// Quitting: the app holds the quit until the open workspace is saved and its lock released.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { fake, useSmokeApp } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))


// Starts on the sample workspace (a fresh userData), which holds its lock until the quit releases it.
const app = useSmokeApp()

describe('quitting', () => {
  it('holds the quit until pending saves are flushed and the lock released, once', async () => {
    const lock = join(app.userData, 'Sample workspace', '.watchfloor.lock')
    expect(existsSync(lock)).toBe(true)
    const event = { preventDefault: vi.fn() }
    fake.app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled())
    expect(existsSync(lock)).toBe(false)
    const again = { preventDefault: vi.fn() }
    fake.app.emit('before-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})
