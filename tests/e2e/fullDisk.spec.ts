// A save refused by a full disk: the analyst sees why, the edit stays in the form to retry, and nothing of it shows as saved or reaches the file.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { WatchfloorPage } from './support/fixtures'
import { cli, startHost } from './support/host'

const ALBANIA = /Destructive attack on Albanian/

base.skip(process.getuid?.() !== 0, 'a full disk is made with a small tmpfs, which only root can mount')

base('keeps a save refused by a full disk in the form, and saves it once there is room', async ({ page }) => {
  const mnt = await mkdtemp(join(tmpdir(), 'watchfloor-full-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt])
  const dir = join(mnt, 'ws')
  const host = await startHost((expect(cli('init', dir, '--sample').status).toBe(0), dir))
  try {
    const app = new WatchfloorPage(page, host, dir)
    await app.open()
    await app.row(ALBANIA).click()
    await app.edit()
    await app.field('Title').fill('Wiper attack on Albania, retitled on a full disk')

    const free = Number(execFileSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).trim().split('\n')[1])
    await writeFile(join(mnt, 'filler'), Buffer.alloc(Math.max(0, free - 16_384)))
    await app.saveForm()
    await expect(page.locator('.toast-error')).toContainText(/disk .* is full .*the change was not saved/)
    await expect(app.field('Title')).toHaveValue('Wiper attack on Albania, retitled on a full disk')
    await expect(app.form().locator('.save-state')).toHaveText(/Unsaved/)
    await expect(app.row(ALBANIA)).toHaveCount(1)
    expect((await readFile(join(dir, 'workspace.json'), 'utf8')).includes('retitled on a full disk')).toBe(false)

    await rm(join(mnt, 'filler'))
    await app.saveForm()
    await expect(app.form().locator('.save-state')).toHaveText('Saved')
    await expect(app.row(/retitled on a full disk/)).toHaveCount(1)
    expect((await readFile(join(dir, 'workspace.json'), 'utf8')).includes('retitled on a full disk')).toBe(true)
  } finally {
    await host.stop()
    execFileSync('umount', ['-l', mnt])
    await rm(mnt, { recursive: true, force: true })
  }
})
