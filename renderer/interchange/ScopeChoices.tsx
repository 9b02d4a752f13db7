// What an export or a push covers: the whole workspace, the incidents under the current filter, or a briefing's scope.
import { useState } from 'react'
import type { DataExportScope } from '../../shared/interchange'
import { describeFilter } from '../../shared/report/model'
import { useApp } from '../state/store'

export function useDataScope() {
  const filter = useApp((s) => s.filter)
  const reports = useApp((s) => s.reports)
  const [kind, setKind] = useState<'all' | 'filter' | 'report'>('all')
  const [reportId, setReportId] = useState('')
  const chosen: DataExportScope = kind === 'filter' ? { kind: 'filter', filter } : kind === 'report' ? { kind: 'report', id: reportId || reports[0]?.id || '' } : { kind: 'all' }
  return { kind, setKind, reportId, setReportId, chosen }
}

/** The three choices as radio buttons named `name`, and the briefing picker when a briefing's scope is chosen. */
export function ScopeChoices({ name, scope }: { name: string; scope: ReturnType<typeof useDataScope> }) {
  const filter = useApp((s) => s.filter)
  const reports = useApp((s) => s.reports)
  const { kind, setKind, reportId, setReportId } = scope
  return (
    <>
      <label className="check">
        <input type="radio" name={name} checked={kind === 'all'} onChange={() => setKind('all')} /> The whole workspace
      </label>
      <label className="check">
        <input type="radio" name={name} checked={kind === 'filter'} onChange={() => setKind('filter')} /> The incidents under the current filter ({describeFilter(filter)})
      </label>
      <label className="check">
        <input type="radio" name={name} checked={kind === 'report'} disabled={reports.length === 0} onChange={() => setKind('report')} /> A briefing’s scope
      </label>
      {kind === 'report' ? (
        <select aria-label="Briefing" value={reportId || reports[0]?.id} onChange={(e) => setReportId(e.target.value)}>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      ) : null}
    </>
  )
}
