// A damaged workspace opens read-only with a clear message, stays untouched, and can be restored from its newest valid backup.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHost, tempWorkspace } from './support/host'

test('a truncated workspace file opens read-only and is restored from a backup on request', async ({ page }) => {
  const ws = await tempWorkspace()
  // Opening once takes a backup of the good file.
  let host = await startHost(ws.dir)
  await host.stop()
  const file = join(ws.dir, 'workspace.json')
  const good = await readFile(file, 'utf8')
  const damaged = good.slice(0, Math.floor(good.length / 2))
  await writeFile(file, damaged)

  host = await startHost(ws.dir)
  await page.goto(host.url)
  const banner = page.locator('.banner')
  await expect(banner).toContainText('Read-only.')
  await expect(banner).toContainText('not valid JSON')
  await expect(page.getByRole('button', { name: '+ New incident' })).toBeDisabled()
  expect(await readFile(file, 'utf8')).toBe(damaged)

  await banner.getByRole('button', { name: 'Restore newest valid backup' }).click()
  await expect(page.locator('.toast')).toContainText('The newest valid backup was restored')
  await expect(banner).toHaveCount(0)
  await expect(page.locator('.filter-count')).toHaveText('14 incidents')
  expect(JSON.parse(await readFile(file, 'utf8')).incidents).toHaveLength(14)
  const kept = (await readdir(ws.dir)).filter((n) => n.startsWith('workspace.damaged-'))
  expect(kept).toHaveLength(1)
  expect(await readFile(join(ws.dir, kept[0]), 'utf8')).toBe(damaged)

  await host.stop()
  await ws.remove()
})

test('a workspace from a newer Watchfloor is refused for writing and left as it is', async ({ page }) => {
  const ws = await tempWorkspace()
  const file = join(ws.dir, 'workspace.json')
  const newer = JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 99 })
  await writeFile(file, newer)
  const host = await startHost(ws.dir)
  await page.goto(host.url)
  await expect(page.locator('.banner')).toContainText('newer Watchfloor (schema version 99')
  await expect(page.getByText('No incidents yet')).toBeVisible()
  expect(await readFile(file, 'utf8')).toBe(newer)
  await host.stop()
  await ws.remove()
})
