// The article's text with the sentence behind each proposal highlighted; a rejected proposal's sentence is dimmed.
import { Fragment, useMemo } from 'react'
import type { Evidence } from '../../shared/intake'

interface Props {
  text: string
  evidence: Record<string, Evidence>
  rejected: readonly string[]
}

export function ArticleEvidence({ text, evidence, rejected }: Props) {
  // One mark per evidence sentence (several proposals may share one), in reading order.
  const marks = useMemo(() => {
    const bySpan = new Map<string, { start: number; end: number; keys: string[] }>()
    for (const [key, e] of Object.entries(evidence)) {
      const id = `${e.start}-${e.end}`
      const m = bySpan.get(id) ?? { start: e.start, end: e.end, keys: [] }
      m.keys.push(key)
      bySpan.set(id, m)
    }
    return [...bySpan.values()].sort((a, b) => a.start - b.start)
  }, [evidence])
  const parts: React.ReactNode[] = []
  let at = 0
  for (const m of marks) {
    if (m.start < at) continue
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, m.start)}</Fragment>)
    const live = m.keys.some((k) => !rejected.includes(k))
    parts.push(
      <mark key={`m${m.start}`} id={`evidence-${m.start}`} className={live ? 'evidence' : 'evidence rejected'} data-keys={m.keys.join(' ')} title={m.keys.join(', ')}>
        {text.slice(m.start, m.end)}
      </mark>,
    )
    at = m.end
  }
  parts.push(<Fragment key="tail">{text.slice(at)}</Fragment>)
  return (
    <div className="intake-article" tabIndex={0} role="document" aria-label="The article, with the evidence sentences highlighted">
      {parts}
    </div>
  )
}
