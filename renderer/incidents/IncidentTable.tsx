// The dense, virtualized, sortable incidents table; arrow keys move the selection, Enter edits.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { countryName } from '../../shared/countries'
import { INCIDENT_TYPE_LABELS, type Incident } from '../../shared/domain'
import { dateMatch, type DateMatch, type SortKey } from '../../shared/filter'
import { formatDate } from '../locale'
import { setSort } from '../state/actions'
import { editIncident, openIncidentForm } from './actions'
import { useApp } from '../state/store'

const COLUMNS: { key: SortKey; label: string; width: string }[] = [
  { key: 'title', label: 'Title', width: 'minmax(140px, 3fr)' },
  { key: 'start', label: 'Start', width: '128px' },
  { key: 'victims', label: 'Victims', width: 'minmax(70px, 1.2fr)' },
  { key: 'sponsor', label: 'Sponsor', width: 'minmax(60px, 1fr)' },
  { key: 'types', label: 'Types', width: 'minmax(70px, 1.4fr)' },
  { key: 'status', label: 'Status', width: '84px' },
  { key: 'tlp', label: 'TLP', width: '92px' },
]
const GRID = COLUMNS.map((c) => c.width).join(' ')
const rowId = (id: string) => `incident-row-${id}`
const ROW_HEIGHT = 30

function cells(i: Incident): string[] {
  return [
    i.title,
    formatDate(i.start),
    [...new Set(i.victims.map((v) => countryName(v.country)))].join(', '),
    i.sponsorCountries.map(countryName).join(', ') || (i.nexus === 'criminal' ? 'Criminal' : '—'),
    i.types.map((t) => INCIDENT_TYPE_LABELS[t]).join(', '),
    i.status === 'confirmed' ? 'Confirmed' : 'Draft',
    i.tlp,
  ]
}

/** "response 7 Sep 2022": why a row is inside the date window when its own dates are not. */
function matchWords(m: DateMatch | null): string | null {
  return m && m.by !== 'incident' ? `${m.by} ${formatDate(m.date)}` : null
}

export function IncidentTable({ rows }: { rows: Incident[] }) {
  const sort = useApp((s) => s.sort)
  const filter = useApp((s) => s.filter)
  const editing = useApp((s) => s.incident)
  const selection = useApp((s) => s.selection)
  const selectedId = editing.kind === 'existing' ? editing.id : null
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1

  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtual])

  function onKeyDown(e: KeyboardEvent) {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 }[e.key]
    if (move !== undefined && rows.length > 0) {
      e.preventDefault()
      const next = Math.max(0, Math.min(rows.length - 1, (selectedIndex < 0 ? -1 : selectedIndex) + move))
      editIncident({ kind: 'existing', id: rows[next].id })
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault()
      if (rows.length > 0) editIncident({ kind: 'existing', id: rows[e.key === 'Home' ? 0 : rows.length - 1].id })
    } else if (e.key === 'Enter' && selectedId) {
      e.preventDefault()
      openIncidentForm(selectedId)
    }
  }

  const headerSort = (key: SortKey) => setSort({ key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' })

  return (
    <div
      className="table"
      role="grid"
      aria-label="Incidents: arrow keys move the selection, Enter edits"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selectedIndex >= 0 ? rowId(rows[selectedIndex].id) : undefined}
      tabIndex={0}
      data-view-start=""
      onKeyDown={(e) => e.target === e.currentTarget && onKeyDown(e)}
    >
      <div className="table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: GRID }}>
        {COLUMNS.map((c) => (
          <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
            <button type="button" onClick={() => headerSort(c.key)}>
              {c.label}
              <span className="sort-mark" aria-hidden="true">
                {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
              </span>
            </button>
          </div>
        ))}
      </div>
      {rows.length === 0 ? (
        <div role="row">
          <div role="gridcell" className="table-empty">
            No incident matches the filter. Clear the filter, or create an incident with “New incident”.
          </div>
        </div>
      ) : (
        <div className="table-body" role="rowgroup" ref={scroller}>
          <div role="presentation" style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const incident = rows[item.index]
              const selected = selection.includes(incident.id)
              const why = matchWords(dateMatch(incident, filter))
              return (
                <div
                  key={incident.id}
                  id={rowId(incident.id)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  className={`table-row${selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                  data-incident-id={incident.id}
                  style={{ gridTemplateColumns: GRID, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => editIncident({ kind: 'existing', id: incident.id })}
                >
                  {cells(incident).map((text, n) => (
                    <div role="gridcell" key={COLUMNS[n].key} className={`cell cell-${COLUMNS[n].key}`} title={text}>
                      {COLUMNS[n].key === 'tlp' ? <span className={`tlp tlp-${incident.tlp.replace('+', '-').toLowerCase()}`}>{text}</span> : text}
                      {COLUMNS[n].key === 'start' && why ? (
                        <span className="match-why" title={`In the date window by its ${why}`}>
                          {why}
                        </span>
                      ) : null}
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
        </div>
      )}
    </div>
  )
}
