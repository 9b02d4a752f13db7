// PDF printing through headless Chromium driven by playwright-core, for hosts without Electron (CLI, browser host, tests); no network request is let out.
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { ServiceError } from '../../../../shared/result'
import type { PdfPage, PdfRenderer } from './PdfRenderer'

/** Flags for headless Chromium run as root in containers, without background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

/** Chromium to use: $CHROMIUM_PATH, else the Debian path when present, else playwright-core's own download. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  return candidates.find((p) => existsSync(p))
}

export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null

  private launch(): Promise<Browser> {
    this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }))
      .catch((err: Error) => {
        this.browser = null
        throw new ServiceError('internal', `Could not start Chromium to print the PDF (${err.message.split('\n')[0]}). Set CHROMIUM_PATH to a Chromium or Chrome binary.`)
      })
    return this.browser
  }

  async render(page: PdfPage): Promise<Uint8Array> {
    const browser = await this.launch()
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    try {
      const tab = await context.newPage()
      // The briefing is self-contained; anything it would fetch is refused.
      await tab.route('**/*', (route) => route.abort())
      await tab.setContent(page.html, { waitUntil: 'load' })
      const mm = (n: number) => `${n}mm`
      return await tab.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: page.header,
        footerTemplate: page.footer,
        margin: { top: mm(page.margins.top), right: mm(page.margins.right), bottom: mm(page.margins.bottom), left: mm(page.margins.left) },
      })
    } finally {
      await context.close()
    }
  }

  async close(): Promise<void> {
    const pending = this.browser
    this.browser = null
    if (pending) await (await pending.catch(() => null))?.close()
  }
}
