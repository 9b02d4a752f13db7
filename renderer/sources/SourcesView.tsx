// The Sources view: every source in a sortable, searchable table with how many claims and incidents cite it, orphans under a filter, and a form to edit and re-grade.
import { useMemo, useState } from 'react'
import { admiraltyGrade, type Source } from '../../shared/domain'
import { comparePartialDates } from '../../shared/partialDate'
import { orphanSources, sourceUseCounts } from '../../shared/sourceUsage'
import { editedRecord, viewStartMark } from '../components/editedRecord'
import { EmptyState } from '../components/EmptyState'
import { RecordListPane } from '../components/RecordListPane'
import { formatCount, formatDate } from '../locale'
import { Backlinks } from '../notes/Backlinks'
import { useApp } from '../state/store'
import { editSource, newSource } from './actions'
import { CitedBy } from './CitedBy'
import { SourceForm } from './SourceForm'

type SortKey = 'title' | 'publisher' | 'published' | 'captured' | 'grade' | 'cited'
type Uses = { claims: number; incidents: number }

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'published', label: 'Published' },
  { key: 'captured', label: 'Captured' },
  { key: 'grade', label: 'Grade' },
  { key: 'cited', label: 'Cited by' },
]

const NONE: Uses = { claims: 0, incidents: 0 }

function compare(key: SortKey, a: Source, b: Source, uses: ReadonlyMap<string, Uses>): number {
  switch (key) {
    case 'title':
      return a.title.localeCompare(b.title)
    case 'publisher':
      return a.publisher.localeCompare(b.publisher)
    case 'published':
      return comparePartialDates(a.published, b.published)
    case 'captured':
      return comparePartialDates(a.captured, b.captured)
    case 'grade':
      return admiraltyGrade(a).localeCompare(admiraltyGrade(b))
    case 'cited': {
      const x = uses.get(a.id) ?? NONE
      const y = uses.get(b.id) ?? NONE
      return x.claims - y.claims || x.incidents - y.incidents
    }
  }
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`

export function SourcesView() {
  const sources = useApp((s) => s.sources)
  const incidents = useApp((s) => s.incidents)
  const notes = useApp((s) => s.notes)
  const editing = useApp((s) => s.source)
  const [query, setQuery] = useState('')
  const [orphansOnly, setOrphansOnly] = useState(false)
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'title', dir: 'asc' })
  const uses = useMemo(() => sourceUseCounts(incidents), [incidents])
  const orphans = useMemo(() => new Set(orphanSources(sources, incidents, notes).map((s) => s.id)), [sources, incidents, notes])
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase()
    const shown = sources.filter((s) => (!orphansOnly || orphans.has(s.id)) && (q === '' || `${s.title} ${s.publisher} ${s.url}`.toLowerCase().includes(q)))
    const sign = sort.dir === 'asc' ? 1 : -1
    return shown.sort((a, b) => sign * compare(sort.key, a, b, uses) || a.title.localeCompare(b.title))
  }, [sources, query, orphansOnly, orphans, sort, uses])
  const { record: source, formKey } = editedRecord(sources, editing)

  const toggleSort = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))

  return (
    <div className="view sources-view">
      <div className="split">
        <RecordListPane
          noun="source"
          label="Source list"
          count={sources.length}
          onNew={newSource}
          tools={
            <>
              <input type="search" className="source-search" aria-label="Search sources" placeholder="Search title, publisher, address…" data-hotkey="/" value={query} onChange={(e) => setQuery(e.target.value)} />
              <label className="check">
                <input type="checkbox" checked={orphansOnly} onChange={(e) => setOrphansOnly(e.target.checked)} />
                Orphans only ({formatCount(orphans.size)})
              </label>
              <span className="filter-count">
                {rows.length === sources.length ? plural(sources.length, 'source') : `${formatCount(rows.length)} of ${plural(sources.length, 'source')}`}
              </span>
            </>
          }
          empty={{ title: 'No sources yet', text: 'Add the reports, statements and articles your incidents rest on, with their Admiralty grade; incidents and their claims cite them.' }}
        >
          {rows.length === 0 ? (
            <EmptyState title={orphansOnly && query.trim() === '' ? 'No orphan sources' : 'No source matches'}>
              {orphansOnly && query.trim() === '' ? 'Every source is cited by an incident, an attribution, a response or a note.' : 'Try another word, or clear the search and the orphans filter.'}
            </EmptyState>
          ) : (
            <div className="source-table-wrap">
              <table className="source-table" aria-label="Sources">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                        <button type="button" onClick={() => toggleSort(c.key)}>
                          {c.label}
                          {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s, n) => {
                    const u = uses.get(s.id) ?? NONE
                    const selected = source?.id === s.id
                    return (
                      <tr key={s.id} className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined} onClick={() => editSource({ kind: 'existing', id: s.id })}>
                        <td className="source-cell-title">
                          <button
                            type="button"
                            className="source-open"
                            data-view-start={viewStartMark(source?.id ?? null, s.id, n)}
                            onClick={(e) => {
                              e.stopPropagation()
                              editSource({ kind: 'existing', id: s.id })
                            }}
                          >
                            {s.title}
                          </button>
                        </td>
                        <td>{s.publisher || '—'}</td>
                        <td className="nowrap">{formatDate(s.published) || '—'}</td>
                        <td className="nowrap">{formatDate(s.captured) || '—'}</td>
                        <td>
                          <span className="grade">{admiraltyGrade(s)}</span>
                        </td>
                        <td className="nowrap">
                          {u.incidents === 0 ? (
                            orphans.has(s.id) ? (
                              <span className="badge orphan">Orphan</span>
                            ) : (
                              <span className="muted">Notes only</span>
                            )
                          ) : (
                            `${plural(u.claims, 'claim')} / ${plural(u.incidents, 'incident')}`
                          )}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
        </RecordListPane>
        <section className="detail-pane" aria-label="Source details">
          {formKey === null ? <EmptyState title="No source selected">Pick a source on the left to edit or re-grade it, or add a new one.</EmptyState> : <SourceForm key={formKey} source={source} />}
          {source ? <CitedBy id={source.id} /> : null}
          {source ? <Backlinks id={source.id} /> : null}
        </section>
      </div>
    </div>
  )
}
