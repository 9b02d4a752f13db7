// A PDF's pages drawn onto canvases with PDF.js (its scripts, forms and links never run): nothing is fetched and nothing of the file executes.
import { useEffect, useRef, useState } from 'react'

/** Pages drawn at most; a longer PDF says how many more it has. */
const MAX_PAGES = 40

export function PdfPages({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const holder = useRef<HTMLDivElement>(null)
  const [status, setStatus] = useState('Drawing the pages…')
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let stopped = false
    let destroy: (() => void) | null = null
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist')
        const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url')
        pdfjs.GlobalWorkerOptions.workerSrc = worker.default
        const task = pdfjs.getDocument({ data: bytes.slice(), enableXfa: false, disableFontFace: false, useSystemFonts: false, stopAtErrors: false })
        destroy = () => void task.destroy()
        const doc = await task.promise
        const count = Math.min(doc.numPages, MAX_PAGES)
        for (let n = 1; n <= count && !stopped; n++) {
          const page = await doc.getPage(n)
          const viewport = page.getViewport({ scale: 1.4 })
          const canvas = document.createElement('canvas')
          canvas.width = Math.floor(viewport.width)
          canvas.height = Math.floor(viewport.height)
          canvas.className = 'copy-pdf-page'
          canvas.setAttribute('role', 'img')
          canvas.setAttribute('aria-label', `${label}, page ${n} of ${doc.numPages}`)
          holder.current?.append(canvas)
          await page.render({ canvas, viewport }).promise
          if (!stopped) setStatus(`Page ${n} of ${doc.numPages} drawn${doc.numPages > count && n === count ? ` (the first ${count} are shown)` : ''}.`)
        }
      } catch (err) {
        if (!stopped) setFailed(`The PDF could not be drawn: ${(err as Error).message}`)
      }
    })()
    const own = holder.current
    return () => {
      stopped = true
      destroy?.()
      own?.replaceChildren()
    }
  }, [bytes, label])
  return (
    <div className="copy-pdf">
      <p className="muted copy-pdf-status" role="status">
        {failed ?? status}
      </p>
      {/* Focusable so the pages scroll from the keyboard too. */}
      <div ref={holder} className="copy-pdf-pages" tabIndex={0} role="region" aria-label={`${label}, pages`} />
    </div>
  )
}
