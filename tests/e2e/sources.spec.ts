// Sources: a claim cites a source and shows its grade, the Sources view re-grades it (seen on the claim and in the exported briefing), no orphan after Revert, delete refused while cited, and the incident form fitting its pane.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type WatchfloorPage } from './support/fixtures'

const ALBANIA = 'Destructive attack on Albanian government systems'
const MITRE = 'HomeLand Justice (campaign C0038)'
const sh = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })
const flat = (text: string) => text.replace(/\s+/g, ' ')

async function sourcesOnDisk(app: WatchfloorPage): Promise<{ id: string; title: string }[]> {
  return ((await app.workspaceFile()) as unknown as { sources: { id: string; title: string }[] }).sources
}

const sourceRow = (page: Page, title: string | RegExp) => page.getByRole('table', { name: 'Sources' }).getByRole('row').filter({ has: page.getByRole('button', { name: title }) })

/** Exports the sample's Albania briefing in `format` and answers the file's path. */
async function exportBriefing(app: WatchfloorPage, label: 'PDF' | 'Word (DOCX)', ext: string): Promise<string> {
  const { page } = app
  await page.getByRole('button', { name: `Export ${label}` }).click()
  await expect(page.locator('.report-export-done')).toContainText(`.${ext}`, { timeout: 45_000 })
  const file = readdirSync(join(app.dir, 'exports')).find((f) => f.endsWith(`.${ext}`))
  expect(file).toBeDefined()
  return join(app.dir, 'exports', file!)
}

test('cites a source on an attribution, re-grades it in the Sources view, and sees the new grade on the claim and in the briefing', async ({ app, page }) => {
  // Two exports, each drawing the map and timeline figures first: slow on a loaded machine.
  test.setTimeout(180_000)
  await app.row(ALBANIA).click()
  await app.edit()
  const mandiant = app.form().getByRole('group', { name: 'attribution 2 by Mandiant' })
  await expect(mandiant.locator('.claim-source')).toHaveCount(1)
  await mandiant.getByLabel('Cite a source for this attribution').selectOption({ label: `B2 · ${MITRE}` })
  const cited = mandiant.locator('.claim-source', { hasText: MITRE })
  await expect(cited.locator('.grade')).toHaveText('B2')
  await app.saveForm()
  await expect(app.form().locator('.save-state')).toHaveText('Saved')
  const stored = (await app.workspaceFile()) as unknown as { incidents: { id: string; attributions: { id: string; sourceIds: string[] }[] }[] }
  expect(stored.incidents.find((i) => i.id === 'inc-albania-2022-07')!.attributions.find((a) => a.id === 'att-albania-mandiant')!.sourceIds).toEqual(['src-mandiant-2022-08', 'src-mitre-c0038'])

  await page.keyboard.press('Alt+7')
  await expect(page.getByRole('tab', { name: 'Sources' })).toHaveAttribute('aria-selected', 'true')
  await page.getByLabel('Search sources').fill('C0038')
  await expect(page.locator('.sources-view .filter-count')).toHaveText('1 of 53 sources')
  const row = sourceRow(page, MITRE)
  await expect(row).toContainText('1 claim / 2 incidents')
  await row.getByRole('button', { name: MITRE }).click()
  const form = page.getByRole('form', { name: `Edit source ${MITRE}` })
  await form.getByLabel('Reliability').selectOption('A')
  await form.getByLabel('Credibility').selectOption('1')
  await form.getByRole('button', { name: 'Save changes' }).click()
  await expect(form.locator('.save-state')).toHaveText('Saved')
  await expect(row.locator('.grade')).toHaveText('A1')

  await page.keyboard.press('Alt+1')
  await expect(app.form().getByRole('group', { name: 'attribution 2 by Mandiant' }).locator('.claim-source', { hasText: MITRE }).locator('.grade')).toHaveText('A1')

  await page.keyboard.press('Alt+6')
  await page.getByRole('button', { name: /Albania 2022 briefing/ }).click()
  const preview = page.frameLocator('iframe[title="Briefing preview"]')
  await expect(preview.locator('.section-incident-pages')).toContainText(`A1 ${MITRE}`)
  const pdf = flat(sh('pdftotext', await exportBriefing(app, 'PDF', 'pdf'), '-'))
  expect(pdf).toContain(`Albanian government organisations; A1 ${MITRE}`)
  expect(pdf).toContain('attribution by Mandiant (Aug 2022)')
  const xml = sh('unzip', '-p', await exportBriefing(app, 'Word (DOCX)', 'docx'), 'word/document.xml')
  // The Mandiant row's Sources cell: its first source, then the newly graded one.
  expect(xml.includes(`B2 ROADSWEEP ransomware: likely Iranian actor conducts politically motivated disruption against Albanian government organisations; A1 ${MITRE}</w:t>`), 'the DOCX attribution row').toBe(true)
})

test('a source added to a new incident is created only when the incident is saved: Revert leaves no orphan', async ({ app, page }) => {
  const before = (await sourcesOnDisk(app)).length
  await page.getByRole('button', { name: '+ New incident' }).click()
  await app.field('Title').fill('Cyberattack on Montenegrin government')
  const sources = app.form().locator('.sources-editor')
  await sources.getByRole('button', { name: '+ New source' }).click()
  const fresh = sources.getByRole('group', { name: 'New source' })
  await fresh.getByLabel('Source title').fill('Government of Montenegro statement on the attack')
  await fresh.getByLabel('Reliability').selectOption('B')
  await fresh.getByLabel('Credibility').selectOption('2')
  await fresh.getByRole('button', { name: 'Add source' }).click()
  await expect(sources.locator('.source-list li')).toContainText('New: saved with the incident')

  // A claim can cite it before it exists.
  await app.form().getByRole('button', { name: '+ Add attribution' }).click()
  const att = app.form().getByRole('group', { name: 'attribution 1' })
  await att.getByLabel('Cite a source for this attribution').selectOption({ label: 'B2 · Government of Montenegro statement on the attack' })
  await expect(att.locator('.claim-source .grade')).toHaveText('B2')

  await app.form().getByRole('button', { name: 'Revert' }).click()
  await expect(sources.locator('.source-list li')).toHaveCount(0)
  expect((await sourcesOnDisk(app)).length).toBe(before)
  await page.keyboard.press('Alt+7')
  await page.getByLabel(/^Orphans only/).check()
  await expect(page.getByRole('heading', { name: 'No orphan sources' })).toBeVisible()

  // Saved with the incident, it is created and cited once.
  await page.keyboard.press('Alt+1')
  await page.getByRole('button', { name: '+ New incident' }).click()
  await app.field('Title').fill('Cyberattack on Montenegrin government')
  await sources.getByRole('button', { name: '+ New source' }).click()
  await fresh.getByLabel('Source title').fill('Government of Montenegro statement on the attack')
  await fresh.getByRole('button', { name: 'Add source' }).click()
  await app.saveForm()
  await expect(app.form().locator('.save-state')).toHaveText('Saved')
  const after = await sourcesOnDisk(app)
  expect(after.length).toBe(before + 1)
  const created = after.find((s) => s.title === 'Government of Montenegro statement on the attack')!
  expect(created.id).toMatch(/^src-/)
  await expect(sources.locator('.source-list li')).toContainText('Government of Montenegro statement on the attack')
  await expect(sources.locator('.source-list li')).not.toContainText('saved with the incident')
})

test('a cited source cannot be deleted and says who cites it; an uncited one deletes and undoes', async ({ app, page }) => {
  await page.keyboard.press('Alt+7')
  const pm = 'Statement by Prime Minister Edi Rama on the July cyberattack and the severing of diplomatic relations with Iran'
  await sourceRow(page, pm).getByRole('button', { name: pm }).click()
  await expect(page.getByRole('region', { name: 'Records that cite this source' }).getByRole('listitem')).toHaveCount(3)
  await page.getByRole('button', { name: 'Delete source' }).click()
  await expect(page.locator('.toast-error')).toContainText(`attribution by Government of Albania (PM Edi Rama) (7 Sep 2022) in “${ALBANIA}”`)
  await expect(page.locator('.toast-error')).toContainText(`response (Expel diplomats) by Government of Albania (7 Sep 2022) in “${ALBANIA}”`)
  await expect(sourceRow(page, pm)).toHaveCount(1)

  await page.getByRole('button', { name: '+ New source' }).click()
  const form = page.getByRole('form', { name: 'New source' })
  await expect(form.getByLabel('Title', { exact: true })).toBeFocused()
  await form.getByRole('button', { name: 'Create source' }).click()
  await expect(form.locator('.field-error')).toHaveText('Title is required')
  await form.getByLabel('Title', { exact: true }).fill('Short-lived source')
  await form.getByLabel('Publisher').fill('Example desk')
  await form.getByRole('button', { name: 'Create source' }).click()
  await expect(sourceRow(page, 'Short-lived source')).toContainText('Orphan')
  await page.getByLabel(/^Orphans only/).check()
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('row')).toHaveCount(2)

  await page.getByRole('button', { name: 'Delete source' }).click()
  await expect(page.getByRole('heading', { name: 'No orphan sources' })).toBeVisible()
  expect((await sourcesOnDisk(app)).some((s) => s.title === 'Short-lived source')).toBe(false)
  await page.locator('.toast', { hasText: 'Deleted source' }).getByRole('button', { name: 'Undo' }).click()
  await expect(sourceRow(page, 'Short-lived source')).toHaveCount(1)
  await expect.poll(async () => (await sourcesOnDisk(app)).some((s) => s.title === 'Short-lived source')).toBe(true)
})

for (const width of [1440, 900]) {
  test(`the incident form fits its pane at ${width} px: the Sources block and its buttons stay inside, nothing scrolls sideways`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 900 })
    await app.row(ALBANIA).click()
    await app.edit()
    const pane = page.locator('.incidents-view .detail-pane, .detail-pane').first()
    await expect(app.form().locator('.sources-editor .source-list li')).toHaveCount(5)
    const box = (await pane.boundingBox())!
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const inside = async (locator: ReturnType<Page['locator']>) => {
      for (const b of await locator.all()) {
        const r = (await b.boundingBox())!
        expect(r.x).toBeGreaterThanOrEqual(box.x)
        expect(r.x + r.width).toBeLessThanOrEqual(box.x + box.width + 0.5)
      }
    }
    await inside(app.form().getByRole('button', { name: /^Unlink source/ }))
    await inside(app.form().getByLabel('Link an existing source'))
    await inside(app.form().getByLabel(/^Cite a source for this/))
    await inside(app.form().getByRole('button', { name: 'Save changes' }))
  })
}

test('the Sources view from the keyboard: Alt+7 lands on the table, / searches, headers sort, the palette opens a new source', async ({ app: _app, page }) => {
  await page.keyboard.press('Alt+7')
  const table = page.getByRole('table', { name: 'Sources' })
  await expect(table.getByRole('row').nth(1).getByRole('button')).toBeFocused()
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search sources')).toBeFocused()
  await page.keyboard.type('treasury')
  await expect(page.locator('.sources-view .filter-count')).toHaveText('2 of 53 sources')
  await page.getByLabel('Search sources').fill('')
  await page.getByRole('columnheader', { name: 'Grade' }).getByRole('button').click()
  await expect(page.getByRole('columnheader', { name: /Grade/ })).toHaveAttribute('aria-sort', 'ascending')
  await expect(table.getByRole('row').nth(1).locator('.grade')).toHaveText('B1')
  await page.getByRole('columnheader', { name: /Grade/ }).getByRole('button').click()
  await expect(table.getByRole('row').nth(1).locator('.grade')).toHaveText('D3')

  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Search records or type a command' }).fill('new source')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('form', { name: 'New source' }).getByLabel('Title', { exact: true })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'No source selected' })).toBeVisible()
})
