// How a briefing's HTML becomes a PDF: one interface, printed by Electron in the app and by Chromium through Playwright in the CLI, browser host and tests.

export interface PdfPage {
  html: string
  /** Chromium header and footer templates, printed in the top and bottom margins of every page. */
  header: string
  footer: string
  /** Page margins in millimetres. */
  margins: { top: number; right: number; bottom: number; left: number }
}

export interface PdfRenderer {
  /** The PDF's bytes for one A4 document. */
  render(page: PdfPage): Promise<Uint8Array>
  /** Releases the browser, if one was started. */
  close(): Promise<void>
}
