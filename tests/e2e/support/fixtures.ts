// Playwright fixtures: a temp sample workspace served by the browser host, and a page object to drive the app.
import { test as base, expect, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startHost, tempWorkspace, type RunningHost } from './host'

export class WatchfloorPage {
  constructor(
    readonly page: Page,
    public host: RunningHost,
    readonly dir: string,
  ) {}

  async open(): Promise<void> {
    // The app puts its map handle on window only when a test asks for it.
    await this.page.addInitScript(() => ((window as unknown as { __watchfloorDebug: boolean }).__watchfloorDebug = true))
    const errors: string[] = []
    this.page.on('pageerror', (e) => errors.push(e.message))
    await this.page.goto(this.host.url)
    await this.waitForReady()
    expect(errors).toEqual([])
  }

  /** Waits until the workspace is loaded and the shell is drawn. */
  async waitForReady(): Promise<void> {
    await expect(this.page.locator('.app-head .brand')).toHaveText('Watchfloor')
  }

  /** Stops the host and starts a new one on the same folder, then reloads the page. */
  async reopen(): Promise<void> {
    await this.host.stop()
    this.host = await startHost(this.dir)
    await this.page.goto(this.host.url)
    await this.waitForReady()
  }

  rows() {
    return this.page.locator('.table-row')
  }

  row(title: string | RegExp) {
    return this.rows().filter({ has: this.page.locator('.cell-title', { hasText: title }) })
  }

  count() {
    return this.page.locator('.filter-count')
  }

  form() {
    return this.page.locator('#incident-form')
  }

  /** The selected incident's read view. */
  readView() {
    return this.page.locator('.incident-read')
  }

  /** Switches the selected incident from its read view to its form. */
  async edit(): Promise<void> {
    await this.readView().getByRole('button', { name: 'Edit', exact: true }).click()
    await expect(this.form()).toBeVisible()
  }

  /** A control of the incident form by its label (first match, within an optional group). */
  field(label: string, within?: string) {
    const scope = within ? this.form().getByRole('group', { name: within }) : this.form()
    return scope.getByLabel(label, { exact: true }).first()
  }

  async saveForm(): Promise<void> {
    await this.form().getByRole('button', { name: /^(Save changes|Create incident)$/ }).click()
  }

  async workspaceFile(): Promise<{ incidents: { id: string; title: string; start?: string; attributions: { attributor: string; confidence?: string }[] }[] }> {
    return JSON.parse(await readFile(join(this.dir, 'workspace.json'), 'utf8'))
  }

  async workspaceBytes(): Promise<Buffer> {
    return readFile(join(this.dir, 'workspace.json'))
  }
}

export const test = base.extend<{ app: WatchfloorPage }>({
  app: async ({ page }, use) => {
    const ws = await tempWorkspace()
    const host = await startHost(ws.dir)
    const app = new WatchfloorPage(page, host, ws.dir)
    await app.open()
    await use(app)
    await app.host.stop()
    await ws.remove()
  },
})

export { expect }
