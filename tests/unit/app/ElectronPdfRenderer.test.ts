// The Electron PDF printer under a stand-in electron: a hidden script-less window on a temp file, A4 with the marking templates, cleaned up even when printing fails.
import { existsSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const calls = vi.hoisted(() => ({ windows: [] as FakeWindow[], failPrint: false }))

interface FakeWindow {
  options: Record<string, unknown>
  loaded: string | null
  html: string | null
  printOptions: Record<string, unknown> | null
  destroyed: boolean
}

vi.mock('electron', () => {
  class BrowserWindow {
    state: FakeWindow
    constructor(options: Record<string, unknown>) {
      this.state = { options, loaded: null, html: null, printOptions: null, destroyed: false }
      calls.windows.push(this.state)
    }
    async loadFile(path: string) {
      this.state.loaded = path
      this.state.html = readFileSync(path, 'utf8')
    }
    webContents = {
      printToPDF: async (options: Record<string, unknown>) => {
        this.state.printOptions = options
        if (calls.failPrint) throw new Error('print failed')
        return Buffer.from('%PDF-1.4 fake')
      },
    }
    isDestroyed() {
      return this.state.destroyed
    }
    destroy() {
      this.state.destroyed = true
    }
  }
  return { BrowserWindow, default: { BrowserWindow } }
})

const { ElectronPdfRenderer } = await import('../../../electron/app/ElectronPdfRenderer')
const page = { html: '<!doctype html><p>briefing</p>', header: '<div>TLP:AMBER</div>', footer: '<div>TLP:AMBER <span class="pageNumber"></span></div>', margins: { top: 25.4, right: 12.7, bottom: 25.4, left: 12.7 } }

beforeEach(() => {
  calls.windows.length = 0
  calls.failPrint = false
})

describe('ElectronPdfRenderer', () => {
  it('prints the page from a hidden, sandboxed window without scripts, with the marking in header and footer', async () => {
    const bytes = await new ElectronPdfRenderer().render(page)
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.4 fake')
    const [w] = calls.windows
    expect(w.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } })
    expect(w.html).toBe(page.html)
    expect(w.printOptions).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: page.header,
      footerTemplate: page.footer,
      margins: { top: 1, right: 0.5, bottom: 1, left: 0.5 },
    })
    expect(w.destroyed).toBe(true)
    expect(existsSync(dirname(w.loaded!))).toBe(false)
  })

  it('closes the window and removes the temp file when printing fails', async () => {
    calls.failPrint = true
    await expect(new ElectronPdfRenderer().render(page)).rejects.toThrow('print failed')
    const [w] = calls.windows
    expect(w.destroyed).toBe(true)
    expect(existsSync(dirname(w.loaded!))).toBe(false)
  })
})
