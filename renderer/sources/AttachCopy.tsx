// "Attach copy…" for one source: pick a file or drop one on the control; shows how much is sent and why a file was refused.
import { useRef, useState, type DragEvent } from 'react'
import { ARCHIVE_MEDIA_TYPES } from '../../shared/domain'
import { formatBytes, MAX_ARCHIVE_BYTES } from '../../shared/archive'
import type { Source } from '../../shared/domain'
import { errorMessage } from '../state/actions'
import { attachCopy } from './archive/actions'

const ACCEPT = [...ARCHIVE_MEDIA_TYPES, '.html', '.htm', '.txt', '.md', '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp'].join(',')

export function AttachCopy({ source, disabled }: { source: Source; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null)
  const [sending, setSending] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [over, setOver] = useState(false)

  async function attach(file: File | undefined) {
    if (!file || disabled || sending !== null) return
    setError(null)
    setSending(0)
    try {
      await attachCopy(source, file, setSending)
    } catch (err) {
      setError(`${file.name} was not attached: ${errorMessage(err)}`)
    } finally {
      setSending(null)
    }
  }

  // The window treats a dropped file as an import; a drop here is this source's copy instead.
  const onDrag = (e: DragEvent) => {
    if (![...e.dataTransfer.types].includes('Files')) return
    e.preventDefault()
    e.stopPropagation()
    setOver(e.type !== 'dragleave')
  }
  const onDrop = (e: DragEvent) => {
    if (![...e.dataTransfer.types].includes('Files')) return
    e.preventDefault()
    e.stopPropagation()
    setOver(false)
    void attach(e.dataTransfer.files[0])
  }

  return (
    <span className={`attach-copy${over ? ' drop-over' : ''}`} onDragOver={onDrag} onDragEnter={onDrag} onDragLeave={onDrag} onDrop={onDrop}>
      <button
        type="button"
        className="link-button"
        disabled={disabled || sending !== null}
        title={`Pick or drop the page, PDF, text or image this source points to (at most ${formatBytes(MAX_ARCHIVE_BYTES)}); it is kept in the workspace folder with its SHA-256.`}
        aria-label={`Attach copy to ${source.title}`}
        onClick={() => input.current?.click()}
      >
        {sending !== null ? `Sending… ${sending}%` : 'Attach copy…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT}
        aria-label={`File to archive for ${source.title}`}
        onChange={(e) => {
          void attach(e.target.files?.[0])
          e.target.value = ''
        }}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  )
}
