// The dated notes drawn on the timeline as a list: readable by screen readers, and each one a way to zoom to its date.
import { partialDateRange } from '../../shared/partialDate'
import { formatDate } from '../locale'
import type { Annotation } from './annotations'

interface Props {
  annotations: readonly Annotation[]
  /** Shows [from, to) (UTC ms) on the timeline. */
  onZoom(from: number, to: number): void
}

export function AnnotationList({ annotations, onZoom }: Props) {
  if (annotations.length === 0) return null
  return (
    <details className="timeline-annotations">
      <summary>Dated notes ({annotations.length})</summary>
      <ul aria-label="Dated notes on the timeline">
        {annotations.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              onClick={() => {
                const [s, e] = partialDateRange(a.date)
                // Room on both sides so the note's band is seen in its context.
                const pad = Math.max(e - s, 86_400_000) * 2
                onZoom(s - pad, e + pad)
              }}
            >
              {a.label} — {formatDate(a.date, 'long')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
