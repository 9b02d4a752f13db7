// A source's archived copy where the source is listed: attach one, or open or remove it, with a flag when the copy changed or went missing.
import { useState } from 'react'
import type { Source } from '../../shared/domain'
import { useApp } from '../state/store'
import { AttachCopy } from './AttachCopy'
import { ArchivedCopyViewer } from './ArchivedCopyViewer'
import { removeCopy } from './archive/actions'

const FLAG = { changed: 'Copy changed', missing: 'Copy missing', unreadable: 'Copy not trusted' } as const

export function SourceCopyControls({ source, disabled }: { source: Source; disabled: boolean }) {
  const problem = useApp((s) => s.info?.copyProblems?.find((p) => p.sourceId === source.id))
  const [viewing, setViewing] = useState(false)
  if (!source.archive) return <AttachCopy source={source} disabled={disabled} />
  return (
    <span className="copy-controls">
      {problem ? (
        <span className="copy-flag" role="note" title={problem.message}>
          {FLAG[problem.state]}
        </span>
      ) : null}
      <button type="button" className="link-button" aria-label={`Open copy of ${source.title}`} onClick={() => setViewing(true)}>
        Open copy
      </button>
      <button type="button" className="link-button" disabled={disabled} aria-label={`Remove copy of ${source.title}`} onClick={() => void removeCopy(source)}>
        Remove copy
      </button>
      {viewing ? <ArchivedCopyViewer source={source} onClose={() => setViewing(false)} /> : null}
    </span>
  )
}
