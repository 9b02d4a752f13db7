// PDF printing in the app: the briefing HTML loaded in a hidden, sandboxed, script-less window and printed with webContents.printToPDF.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import type { PdfPage, PdfRenderer } from '../core/services/report/PdfRenderer'

const MM_PER_INCH = 25.4

export class ElectronPdfRenderer implements PdfRenderer {
  async render(page: PdfPage): Promise<Uint8Array> {
    // A file rather than a data: URL, which Chromium caps at 2 MB (figures make briefings bigger).
    const dir = await mkdtemp(join(tmpdir(), 'watchfloor-pdf-'))
    const win = new BrowserWindow({
      show: false,
      // No middle-click (auxclick) either: the hidden page has no reason to open anything.
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
    })
    try {
      const file = join(dir, 'briefing.html')
      await writeFile(file, page.html, 'utf8')
      await win.loadFile(file)
      const inch = (mm: number) => mm / MM_PER_INCH
      return await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: page.header,
        footerTemplate: page.footer,
        margins: { top: inch(page.margins.top), right: inch(page.margins.right), bottom: inch(page.margins.bottom), left: inch(page.margins.left) },
      })
    } finally {
      if (!win.isDestroyed()) win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }

  async close(): Promise<void> {}
}
