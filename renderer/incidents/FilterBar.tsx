// The app-wide filter: text, victim, sponsor, type, nexus and a date window; shared by every view.
import { useMemo } from 'react'
import { countryName } from '../../shared/countries'
import { INCIDENT_TYPES, INCIDENT_TYPE_LABELS, STATE_NEXUS, STATE_NEXUS_LABELS, type IncidentType, type StateNexus } from '../../shared/domain'
import { isEmptyFilter } from '../../shared/filter'
import { isPartialDate } from '../../shared/partialDate'
import { PartialDateInput } from '../components/PartialDateInput'
import { clearFilter, setFilter } from '../state/actions'
import { useApp } from '../state/store'

interface Props {
  shown: number
  total: number
}

export function FilterBar({ shown, total }: Props) {
  const filter = useApp((s) => s.filter)
  const incidents = useApp((s) => s.incidents)
  const { victims, sponsors } = useMemo(() => {
    const v = new Set<string>()
    const s = new Set<string>()
    for (const i of incidents) {
      for (const x of i.victims) v.add(x.country)
      for (const x of i.sponsorCountries) s.add(x)
    }
    const byName = (set: Set<string>) => [...set].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name))
    return { victims: byName(v), sponsors: byName(s) }
  }, [incidents])
  const dateValue = (d: string | undefined) => (d && isPartialDate(d) ? d : null)

  return (
    <div className="filter-bar" role="search" aria-label="Filter incidents">
      <input
        type="search"
        className="filter-text"
        aria-label="Search incidents"
        placeholder="Search title, summary, actors, tags…  ( / )"
        value={filter.text}
        onChange={(e) => setFilter({ text: e.target.value })}
        data-hotkey="/"
      />
      <select aria-label="Victim country" value={filter.victim ?? ''} onChange={(e) => setFilter({ victim: e.target.value || null })}>
        <option value="">Any victim</option>
        {victims.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label="Sponsor" value={filter.sponsor ?? ''} onChange={(e) => setFilter({ sponsor: e.target.value || null })}>
        <option value="">Any sponsor</option>
        {sponsors.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label="Incident type" value={filter.type ?? ''} onChange={(e) => setFilter({ type: (e.target.value || null) as IncidentType | null })}>
        <option value="">Any type</option>
        {INCIDENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {INCIDENT_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <select aria-label="State nexus" value={filter.nexus ?? ''} onChange={(e) => setFilter({ nexus: (e.target.value || null) as StateNexus | null })}>
        <option value="">State-linked, criminal or unknown</option>
        {STATE_NEXUS.map((n) => (
          <option key={n} value={n}>
            {STATE_NEXUS_LABELS[n]}
          </option>
        ))}
      </select>
      <label className="filter-date">
        From
        <PartialDateInput value={filter.from ?? undefined} onChange={(d) => setFilter({ from: dateValue(d) })} placeholder="2022 or Jul 2022" />
      </label>
      <label className="filter-date">
        To
        <PartialDateInput value={filter.to ?? undefined} onChange={(d) => setFilter({ to: dateValue(d) })} placeholder="2022-09" />
      </label>
      {filter.from || filter.to ? (
        <label className="filter-dates-only" title="Off: an incident also matches when one of its attributions or responses is dated in the window">
          <input type="checkbox" checked={filter.incidentDatesOnly === true} onChange={(e) => setFilter({ incidentDatesOnly: e.target.checked })} />
          Incident dates only
        </label>
      ) : null}
      <button type="button" onClick={clearFilter} disabled={isEmptyFilter(filter)}>
        Clear filter
      </button>
      <span className="filter-count" aria-live="polite">
        {shown === total ? `${total} incidents` : `${shown} of ${total} incidents`}
      </span>
    </div>
  )
}
