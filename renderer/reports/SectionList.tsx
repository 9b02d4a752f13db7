// The sections of a briefing as the analyst turns them on and orders them (buttons or Alt+Arrow keys).
import type { KeyboardEvent } from 'react'
import type { ReportDefinition } from '../../shared/domain'
import { sectionSpec } from '../../shared/report/sections'

type Sections = ReportDefinition['sections']

interface Props {
  value: Sections
  onChange(value: Sections): void
  disabled?: boolean
}

function move(list: Sections, from: number, to: number): Sections {
  if (to < 0 || to >= list.length) return list
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item)
  return next
}

export function SectionList({ value, onChange, disabled }: Props) {
  const onKey = (n: number) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
    e.preventDefault()
    const to = e.key === 'ArrowUp' ? n - 1 : n + 1
    onChange(move(value, n, to))
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#report-section-${value[n].id}`)?.focus())
  }
  return (
    <ol className="report-sections" aria-label="Sections, in order">
      {value.map((s, n) => {
        const spec = sectionSpec(s.id)
        if (!spec) return null
        return (
          <li key={s.id} className={s.enabled ? '' : 'off'}>
            <label className="report-section-label">
              <input
                id={`report-section-${s.id}`}
                type="checkbox"
                checked={s.enabled}
                disabled={disabled}
                onKeyDown={onKey(n)}
                onChange={(e) => onChange(value.map((x, i) => (i === n ? { ...x, enabled: e.target.checked } : x)))}
              />
              <span>
                {spec.label}
                <span className="muted report-section-hint">{spec.hint}</span>
              </span>
            </label>
            <span className="report-section-move">
              <button type="button" aria-label={`Move ${spec.label} up`} disabled={disabled || n === 0} onClick={() => onChange(move(value, n, n - 1))}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${spec.label} down`} disabled={disabled || n === value.length - 1} onClick={() => onChange(move(value, n, n + 1))}>
                ↓
              </button>
            </span>
          </li>
        )
      })}
    </ol>
  )
}
