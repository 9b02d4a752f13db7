// Startup when the remembered workspace is gone: the app says so and opens the sample instead.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { fake, SAMPLE_NAME, useSmokeApp, win } from './harness'

vi.mock('electron', () => import('./harness').then((h) => h.electronModule()))

// The settings remember a workspace folder that no longer exists.
const gone = (userData: string) => join(userData, 'gone')
const app = useSmokeApp({
  prepare: (userData) => writeFile(join(userData, 'settings.json'), JSON.stringify({ recent: [gone(userData)] })),
})

describe('a startup workspace that cannot be opened', () => {
  it('shows the error and opens the sample instead', () => {
    const started = app.started
    expect(started).not.toBeNull()
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    expect(fake.electron.dialog.showErrorBox.mock.calls[0][1]).toContain(`No workspace in ${gone(app.userData)}`)
    expect(started!.session.info().name).toBe(SAMPLE_NAME)
    expect(win().title).toBe(`Watchfloor — ${SAMPLE_NAME}`)
    expect(started!.settings().recent).toEqual([join(app.userData, 'Sample workspace'), gone(app.userData)])
  })
})
