// The Reports view: saved briefing definitions on the left, the one being edited in the middle, its export bar and live preview on the right.
import { useMemo } from 'react'
import { formatDate } from '../locale'
import { useApp } from '../state/store'
import { editReport, newReport } from './actions'
import { ReportEditor } from './ReportEditor'

export function ReportsView() {
  const reports = useApp((s) => s.reports)
  const editing = useApp((s) => s.report)
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const sorted = useMemo(() => [...reports].sort((a, b) => a.name.localeCompare(b.name)), [reports])
  const report = editing.kind === 'existing' ? (reports.find((r) => r.id === editing.id) ?? null) : null
  const open = editing.kind === 'new' || report !== null

  return (
    <div className="view report-view">
      <section className="report-list-pane" aria-label="Saved reports">
        <div className="toolbar">
          <button type="button" className="primary" disabled={!!readOnly} onClick={newReport} data-view-start={reports.length === 0 ? '' : undefined}>
            + New report
          </button>
        </div>
        {reports.length === 0 ? (
          <div className="empty-state">
            <h2>No saved reports</h2>
            <p>Create a report to build a briefing from the incidents under the current filter or picked by hand. The CLI exports the whole workspace when none is saved.</p>
          </div>
        ) : (
          <ul className="report-list" aria-label="Reports">
            {sorted.map((r, n) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`report-row${report?.id === r.id ? ' selected' : ''}`}
                  aria-current={report?.id === r.id}
                  data-view-start={(report ? report.id === r.id : n === 0) ? '' : undefined}
                  onClick={() => editReport({ kind: 'existing', id: r.id })}
                >
                  <span className="report-row-name">{r.name}</span>
                  <span className="muted">
                    {r.scope.kind === 'filter' ? 'Filter' : `${r.scope.ids.length} picked`} · TLP:{r.tlp}
                    {r.date ? ` · ${formatDate(r.date)}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {open ? (
        <ReportEditor key={editing.kind === 'new' ? 'new' : report!.id} report={report} />
      ) : (
        <section className="report-none" aria-label="Report">
          <div className="empty-state">
            <h2>No report selected</h2>
            <p>Pick a saved report on the left, or create a new one. The preview shows the briefing exactly as it will be printed.</p>
          </div>
        </section>
      )}
    </div>
  )
}
