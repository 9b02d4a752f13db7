// The archived copy of a source, read-only in the app: checked against its hash first; HTML sanitized in a sandboxed frame that runs and fetches nothing, PDF pages drawn, images and text as they are.
import { useEffect, useMemo, useRef, useState } from 'react'
import { ARCHIVE_MEDIA_LABELS, formatBytes, type OpenedCopy } from '../../shared/archive'
import type { Source } from '../../shared/domain'
import { useFocusTrap } from '../components/useFocusTrap'
import { formatDate } from '../locale'
import { errorMessage } from '../state/actions'
import { openCopy } from './archive/actions'
import { archivedSrcdoc } from './archivedHtml'
import { PdfPages } from './PdfPages'

type Loaded = { opened: OpenedCopy; bytes: Uint8Array | null }

export function ArchivedCopyViewer({ source, onClose }: { source: Source; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [showChanged, setShowChanged] = useState(false)
  useFocusTrap(dialog, onClose, close)

  useEffect(() => {
    let live = true
    openCopy(source.id).then(
      (l) => live && setLoaded(l),
      (err) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [source.id])

  const opened = loaded?.opened
  const show = !!loaded?.bytes && (opened?.state === 'intact' || showChanged)
  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal copy-viewer" role="dialog" aria-modal="true" aria-labelledby="copy-viewer-title">
        <div className="copy-viewer-head">
          <h2 id="copy-viewer-title">Archived copy: {source.title}</h2>
          <button ref={close} type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {opened ? (
          <p className="muted copy-meta">
            {opened.fileName} · {ARCHIVE_MEDIA_LABELS[opened.mediaType]} · {formatBytes(opened.size)} · captured {formatDate(opened.capturedAt.slice(0, 10))} ·{' '}
            <span title={opened.sha256}>SHA-256 {opened.sha256.slice(0, 12)}…</span>
          </p>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : !opened ? (
          <p className="muted" role="status">
            Reading and checking the copy…
          </p>
        ) : opened.state === 'intact' ? (
          <p className="copy-state copy-intact" role="status">
            Checked: the file matches the SHA-256 recorded when it was captured. Shown read-only; nothing in it runs or is fetched.
          </p>
        ) : (
          <div className="copy-state copy-problem" role="alert">
            <strong>{opened.state === 'changed' ? 'This copy has changed since it was captured.' : opened.state === 'missing' ? 'This copy is missing.' : 'This copy cannot be trusted.'}</strong> {opened.problem}
            {opened.state === 'changed' && loaded?.bytes && !showChanged ? (
              <button type="button" onClick={() => setShowChanged(true)}>
                Show the changed file anyway
              </button>
            ) : null}
          </div>
        )}
        {show && opened && loaded?.bytes ? <CopyContent copy={opened} bytes={loaded.bytes} title={source.title} /> : null}
      </div>
    </div>
  )
}

function CopyContent({ copy, bytes, title }: { copy: OpenedCopy; bytes: Uint8Array; title: string }) {
  const text = useMemo(() => (copy.mediaType.startsWith('text/') ? new TextDecoder().decode(bytes) : ''), [copy.mediaType, bytes])
  const image = useMemo(() => (copy.mediaType.startsWith('image/') ? URL.createObjectURL(new Blob([bytes.slice()], { type: copy.mediaType })) : null), [copy.mediaType, bytes])
  useEffect(() => () => void (image && URL.revokeObjectURL(image)), [image])
  if (copy.mediaType === 'text/html') {
    // No allow-scripts and no allow-same-origin: the page is an opaque origin that can run nothing; its own policy fetches nothing.
    return <iframe className="copy-frame" title={`Archived page: ${title}`} sandbox="" referrerPolicy="no-referrer" srcDoc={archivedSrcdoc(text)} />
  }
  if (copy.mediaType === 'application/pdf') return <PdfPages bytes={bytes} label={`Archived PDF: ${title}`} />
  if (image) return <img className="copy-image" src={image} alt={`Archived image: ${title}`} />
  // Focusable so a long text scrolls from the keyboard too.
  return (
    <pre className="copy-text" tabIndex={0} role="region" aria-label={`Archived text: ${title}`}>
      {text}
    </pre>
  )
}
