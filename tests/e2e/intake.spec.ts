// Article intake as an analyst uses it: paste the founding article, review the proposals beside the highlighted article, accept, find the incident with its attributions and responses on the timeline; paste a follow-up and merge it; open a saved web page.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { WatchfloorPage } from './support/fixtures'
import { cli, startHost, tempWorkspace } from './support/host'

const FOUNDING = join(import.meta.dirname, '../../../shared/fixtures/seed-article-albania-iran-2022.txt')
const ARTICLES = join(import.meta.dirname, '../fixtures/articles')

/** An empty workspace (the sample already holds the Albania case), served by the browser host. */
const test = base.extend<{ app: WatchfloorPage }>({
  app: async ({ page }, use) => {
    const ws = await tempWorkspace(false)
    const r = cli('init', join(ws.dir, 'ws'), '--name', 'Intake')
    if (r.status !== 0) throw new Error(r.stderr)
    const dir = join(ws.dir, 'ws')
    const host = await startHost(dir)
    const app = new WatchfloorPage(page, host, dir)
    await app.open()
    await use(app)
    await app.host.stop()
    await ws.remove()
  },
})

interface OnDisk {
  incidents: { id: string; title: string; start?: string; sourceIds: string[]; attributions: { attributor: string; sourceIds: string[] }[]; responses: { actor: string; type: string; date?: string; sourceIds: string[] }[] }[]
  sources: { id: string; title: string; publisher: string; archive?: { file: string; sha256: string } }[]
}

/** How many times the timeline's list of items names `text` (a counted glyph's item names each of its events). */
async function listed(items: Locator, text: string): Promise<number> {
  return (await items.allTextContents()).join('\n').split(text).length - 1
}

async function openIntakeFromPalette(page: Page) {
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('from an article')
  await page.locator('.palette-item', { hasText: 'New incident from an article' }).click()
  const dialog = page.getByRole('dialog', { name: 'New incident from an article' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('pastes the founding article, reviews and creates the incident, finds it on the timeline, then merges a follow-up', async ({ app, page }) => {
  const before = await app.workspaceBytes()
  let dialog = await openIntakeFromPalette(page)
  await dialog.getByLabel('Article text').fill(await readFile(FOUNDING, 'utf8'))
  await dialog.getByRole('button', { name: 'Draft incident' }).click()

  const review = page.getByRole('dialog', { name: 'Review the draft from pasted text' })
  await expect(review.getByRole('document')).toBeVisible()
  const proposals = review.getByRole('form', { name: 'Proposals' })
  await expect(proposals.getByRole('checkbox', { name: 'Victim: Albania' })).toBeChecked()
  await expect(proposals.getByRole('checkbox', { name: 'Sponsor: Iran' })).toBeChecked()
  await expect(proposals.getByRole('checkbox', { name: 'Nexus: State-linked' })).toBeChecked()
  await expect(proposals.getByLabel('Start')).toHaveValue('July 2022')
  await expect(proposals.getByRole('checkbox', { name: 'Albania: Reduce or break diplomatic relations — Iran' })).toBeChecked()
  await expect(proposals.getByRole('checkbox', { name: 'Albania: Expel diplomats — Iran' })).toBeChecked()
  await expect(proposals.getByRole('checkbox', { name: 'United States: Statement / condemnation — Iran' })).toBeChecked()
  // The sentence behind the victim is highlighted in the article.
  const victimMark = review.getByRole('document').locator('mark', { hasText: 'cyberattack against Albania' })
  await expect(victimMark).toHaveAttribute('data-keys', /victims\.0/)
  await expect(review.getByRole('document').locator('mark', { hasText: 'within 24 hours' })).toHaveCount(1)
  // Nothing is written while the analyst reviews.
  expect((await app.workspaceBytes()).equals(before)).toBe(true)

  // Reject one proposal (its sentence dims), edit the title and a date, then create.
  await proposals.getByRole('checkbox', { name: 'United States: Technical assistance — Albania' }).uncheck()
  await expect(review.getByRole('document').locator('mark.rejected', { hasText: 'to assist the country in its recovery' })).toHaveCount(1)
  await proposals.getByLabel('Title', { exact: true }).fill('Destructive cyberattack on the Albanian government')
  await proposals.getByLabel('Source title').fill('Albania severs ties with Iran over July cyberattack')
  await proposals.getByRole('button', { name: 'Create incident' }).click()
  await expect(review).toBeHidden()
  await expect(page.locator('.toast', { hasText: 'Created “Destructive cyberattack on the Albanian government”' })).toBeVisible()
  await expect(app.row('Destructive cyberattack on the Albanian government')).toHaveCount(1)

  let disk = JSON.parse((await app.workspaceBytes()).toString()) as OnDisk
  expect(disk.incidents).toHaveLength(1)
  const created = disk.incidents[0]
  const source = disk.sources.find((s) => s.title === 'Albania severs ties with Iran over July cyberattack')!
  expect(source.publisher).toBe('SecureWorld News')
  expect(source.archive?.file).toBe(`sources/${source.id}/pasted-article.txt`)
  expect(created).toMatchObject({ start: '2022-07', sourceIds: [source.id] })
  expect(created.responses.map((r) => r.type)).toEqual(['break-relations', 'expel-diplomats', 'statement'])
  for (const claim of [...created.attributions, ...created.responses]) expect(claim.sourceIds).toEqual([source.id])

  // On the timeline: the incident, its attributions and its responses.
  await page.getByRole('tab', { name: 'Timeline' }).click()
  const items = page.locator(`.timeline-items li[data-incident="${created.id}"]`)
  await expect(items.filter({ hasText: 'Incident: Destructive cyberattack on the Albanian government' })).toHaveCount(1)
  await expect(items.filter({ hasText: 'Attribution: Albania' })).toHaveCount(1)
  await expect(items.filter({ hasText: 'Attribution: United States' })).toHaveCount(1)
  // Events on one day may be drawn as one counted glyph: its list item names each of them.
  await expect.poll(() => listed(items, 'Albania against Iran')).toBe(2)
  await expect.poll(() => listed(items, 'United States against Iran')).toBe(1)

  // A follow-up about sanctions matches the new incident and merges into it.
  dialog = await openIntakeFromPalette(page)
  await dialog.getByLabel('Article text').fill(await readFile(join(ARTICLES, 'albania-2022-treasury-sanctions.txt'), 'utf8'))
  await dialog.getByRole('button', { name: 'Draft incident' }).click()
  const followUp = page.getByRole('dialog', { name: 'Review the draft from pasted text' })
  await expect(followUp.getByRole('radio', { name: /^Merge into “Destructive cyberattack on the Albanian government”/ })).toBeChecked()
  await expect(followUp.getByRole('checkbox', { name: 'United States: Sanctions / embargo — Iran' })).toBeChecked()
  await followUp.getByRole('button', { name: 'Merge into incident' }).click()
  await expect(followUp).toBeHidden()
  await expect(page.locator('.toast', { hasText: 'Merged the article into “Destructive cyberattack on the Albanian government”' })).toBeVisible()

  disk = JSON.parse((await app.workspaceBytes()).toString()) as OnDisk
  expect(disk.incidents).toHaveLength(1)
  const merged = disk.incidents[0]
  expect(merged.sourceIds).toHaveLength(2)
  const sanctions = merged.responses.find((r) => r.type === 'sanctions')!
  expect(sanctions).toMatchObject({ actor: 'United States', date: '2022-09-09', sourceIds: [merged.sourceIds[1]] })
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect.poll(() => listed(items, 'United States against Iran')).toBe(2)

  // Undo takes the merge back: the incident as it was, the follow-up's source gone.
  await page.locator('.toast', { hasText: 'Merged the article into' }).getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('.toast', { hasText: 'The article intake was undone.' })).toBeVisible()
  await expect.poll(() => listed(items, 'United States against Iran')).toBe(1)
  disk = JSON.parse((await app.workspaceBytes()).toString()) as OnDisk
  expect(disk.incidents[0].sourceIds).toEqual([source.id])
  expect(disk.sources.map((s) => s.id)).toEqual([source.id])
})

test('opens a saved web page: its title and publisher are guessed; an off-topic article says no incident and writes nothing', async ({ app, page }) => {
  const before = await app.workspaceBytes()
  const dialog = await openIntakeFromPalette(page)
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Open a file…' }).click()
  await (await chooser).setFiles(join(ARTICLES, 'georgia-2019-gru-attribution.html'))
  const review = page.getByRole('dialog', { name: 'Review the draft from georgia-2019-gru-attribution.html' })
  await expect(review.getByLabel('Source title')).toHaveValue("Georgia, UK and US accuse Russia's GRU of 2019 website attack")
  await expect(review.getByLabel('Publisher')).toHaveValue('Caucasus Wire')
  await expect(review.getByRole('checkbox', { name: 'Victim: Georgia' })).toBeChecked()
  await expect(review.getByRole('document')).not.toContainText('cookies')
  await review.getByRole('button', { name: 'Cancel' }).click()
  await expect(review).toBeHidden()

  const again = await openIntakeFromPalette(page)
  await again.getByLabel('Article text').fill(await readFile(join(ARTICLES, 'harvest-off-topic.txt'), 'utf8'))
  await again.getByRole('button', { name: 'Draft incident' }).click()
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('not about a cyber operation')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  expect((await app.workspaceBytes()).equals(before)).toBe(true)
})

/** Drops a file on the window as the browser does when one is dragged in from the desktop. */
async function dropFile(page: Page, name: string, text: string, type: string): Promise<void> {
  await page.evaluate(
    ({ name, text, type }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], name, { type }))
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }))
    },
    { name, text, type },
  )
}

test('a dropped article opens its review; a hostile saved page shows as text and nothing in it runs or loads', async ({ app, page }) => {
  const before = await app.workspaceBytes()
  const requests: string[] = []
  const dialogs: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await dropFile(page, 'notpetya.txt', await readFile(join(ARTICLES, 'notpetya-2018-uk-us-attribution.txt'), 'utf8'), 'text/plain')
  const review = page.getByRole('dialog', { name: 'Review the draft from notpetya.txt' })
  await expect(review.getByRole('checkbox', { name: 'Victim: Ukraine (government)' })).toBeChecked()
  await expect(review.getByRole('checkbox', { name: /^United Kingdom attributes it to Russia, almost certain$/ })).toBeChecked()
  await review.getByRole('button', { name: 'Cancel' }).click()
  await expect(review).toBeHidden()

  const hostile = (await readFile(join(ARTICLES, 'hostile-lithuania-2022-ddos.html'), 'utf8')).replace('__HUGE_IMAGE__', 'A'.repeat(2 * 1024 * 1024))
  await dropFile(page, 'hostile.html', hostile, 'text/html')
  const hostileReview = page.getByRole('dialog', { name: 'Review the draft from hostile.html' })
  await expect(hostileReview.getByRole('document')).toContainText('Lithuanian government websites were hit by distributed denial-of-service attacks on Monday')
  await expect(hostileReview.getByRole('document')).not.toContainText('INJECTED')
  await expect(hostileReview.getByRole('checkbox', { name: 'New actor: Killnet (hacktivist persona)' })).toBeChecked()
  await hostileReview.getByRole('button', { name: 'Cancel' }).click()
  await expect(hostileReview).toBeHidden()
  expect(requests.filter((u) => /tracker\.example|attacker\.example|javascript:/.test(u))).toEqual([])
  expect(dialogs).toEqual([])
  expect((await app.workspaceBytes()).equals(before)).toBe(true)
})
