// axe-core over the eight views in both themes: no critical or serious violation; the rest are attached to the report as "axe" annotations.
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import type { AxeResults } from 'axe-core'
import { expect, test, type WatchfloorPage } from './support/fixtures'

// What the page-side code below touches of the browser (this file is type-checked without the DOM library).
declare const window: unknown

type Theme = 'light' | 'dark'

// axe over the incident form (about 10,000 elements, most of them country options) takes 15–25 s on a quiet 2-core machine.
test.describe.configure({ timeout: 180_000 })

/** Each view as an analyst has it open: a record in its form, the map and the timeline drawn, the sample briefing previewed. */
const VIEWS: { name: string; open(app: WatchfloorPage, page: Page): Promise<void> }[] = [
  {
    name: 'Incidents',
    open: async (app, page) => {
      await page.getByRole('tab', { name: 'Incidents' }).click()
      await app.row(/Destructive attack on Albanian/).click()
      await app.edit()
    },
  },
  {
    name: 'Incident read view',
    open: async (app, page) => {
      await page.getByRole('tab', { name: 'Incidents' }).click()
      await app.row(/Destructive attack on Albanian/).click()
      await expect(app.readView().getByRole('list', { name: 'Attributions and responses in date order' })).toBeVisible()
    },
  },
  {
    name: 'Actors',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Actors' }).click()
      await page.getByRole('button', { name: /^HomeLand Justice/ }).click()
      await expect(page.getByRole('form', { name: /Edit actor HomeLand Justice/ })).toBeVisible()
    },
  },
  {
    name: 'Map',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Map' }).click()
      await page.waitForFunction(() => ((window as { __watchfloorMap?: { stats: { idleAt: number } } }).__watchfloorMap?.stats.idleAt ?? 0) > 0, null, { timeout: 30_000 })
      await page.getByText(/^Countries as victim/).click()
      await expect(page.getByRole('button', { name: /^Albania 3 incidents/ })).toBeVisible()
    },
  },
  {
    name: 'Timeline',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Timeline' }).click()
      await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-unit', /.+/)
      await page.locator('.timeline-legend summary').click()
    },
  },
  {
    name: 'Notes',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Notes' }).click()
      // The sample has no notes: write one with a date and a tag, as an analyst would.
      await page.getByRole('button', { name: '+ New note' }).click()
      await page.getByLabel('Title', { exact: true }).fill('Tirana follow-up')
      await page.getByLabel('Date', { exact: true }).fill('Sep 2022')
      await page.getByLabel('Tags', { exact: true }).fill('albania')
      await expect(page.locator('.notes-save')).toHaveText('Saved')
    },
  },
  {
    name: 'Reports',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Reports' }).click()
      await page.locator('.report-row').first().click()
      await expect(page.getByRole('button', { name: 'Export PDF' })).toBeEnabled()
    },
  },
  {
    name: 'Sources',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Sources' }).click()
      await page.getByRole('button', { name: 'HomeLand Justice (campaign C0038)' }).click()
      await expect(page.getByRole('form', { name: 'Edit source HomeLand Justice (campaign C0038)' })).toBeVisible()
    },
  },
  {
    name: 'Sharing',
    open: async (_app, page) => {
      await page.getByRole('tab', { name: 'Sharing' }).click()
      await expect(page.getByRole('heading', { name: 'No TAXII servers yet' })).toBeVisible()
    },
  },
]

/** Records every violation as an annotation and returns the critical and serious ones, with why. */
function blocking(result: AxeResults, where: string, info: TestInfo): string[] {
  const out: string[] = []
  for (const v of result.violations) {
    const line = `${where}: ${v.impact} ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`
    info.annotations.push({ type: 'axe', description: line })
    if (v.impact === 'critical' || v.impact === 'serious') out.push(`${line}\n    ${v.nodes.map((n) => n.failureSummary?.replace(/\n/g, ' ')).slice(0, 3).join('\n    ')}`)
  }
  return out
}

for (const theme of ['light', 'dark'] as Theme[]) {
  for (const view of VIEWS) {
    test(`axe: no critical or serious violation in ${view.name}, ${theme} theme`, async ({ app, page }, info) => {
      await page.emulateMedia({ colorScheme: theme })
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await view.open(app, page)
      // The briefing preview is a sandboxed frame with scripts off, where axe cannot run: its document is checked on its own below.
      const found = blocking(await new AxeBuilder({ page }).exclude('.report-frame').analyze(), `${view.name} (${theme})`, info)
      if (view.name === 'Reports') {
        const html = await page.locator('.report-frame').getAttribute('srcdoc')
        const briefing = await page.context().newPage()
        await briefing.setContent(html ?? '')
        found.push(...blocking(await new AxeBuilder({ page: briefing }).analyze(), `Briefing preview (${theme})`, info))
        await briefing.close()
      }
      expect(found).toEqual([])
    })
  }
}
