// The countries on the map as a list, for the keyboard and screen readers: each with its count, focus shows it on the map, Enter filters to it.
import { useMemo, type KeyboardEvent } from 'react'
import { countryName } from '../../shared/countries'
import type { CountryRole, MapData } from '../../shared/mapData'

interface Props {
  data: MapData
  role: CountryRole
  /** The country the app-wide filter names for this role. */
  filtered: string | null
  onShow(iso: string | null): void
  onPick(iso: string): void
}

export function CountryList({ data, role, filtered, onShow, onPick }: Props) {
  const counts = data.counts[role]
  const list = useMemo(
    () =>
      [...counts.entries()]
        .map(([iso, n]) => ({ iso, n, name: countryName(iso) }))
        .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)),
    [counts],
  )

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))
    e.preventDefault()
    buttons[next]?.focus()
  }

  return (
    <details className="map-countries">
      <summary>
        Countries as {role} ({list.length})
      </summary>
      {list.length === 0 ? (
        <p className="muted">No incident under the filter names a country as {role}.</p>
      ) : (
        <ul aria-label={`Countries as ${role}: Enter filters the incidents to one`} onKeyDown={onKeyDown} onBlur={() => onShow(null)}>
          {list.map((c) => (
            <li key={c.iso}>
              <button type="button" aria-pressed={filtered === c.iso} onFocus={() => onShow(c.iso)} onClick={() => onPick(c.iso)}>
                <span>{c.name}</span> <span className="map-country-count">{c.n === 1 ? '1 incident' : `${c.n} incidents`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}
