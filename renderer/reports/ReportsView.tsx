// The Reports view: saved briefing definitions on the left, the one being edited in the middle, its export bar and live preview on the right.
import { useMemo } from 'react'
import { editedRecord } from '../components/editedRecord'
import { EmptyState } from '../components/EmptyState'
import { RecordList } from '../components/RecordList'
import { RecordListPane } from '../components/RecordListPane'
import { formatDate } from '../locale'
import { useApp } from '../state/store'
import { editReport, newReport } from './actions'
import { ReportEditor } from './ReportEditor'

export function ReportsView() {
  const reports = useApp((s) => s.reports)
  const editing = useApp((s) => s.report)
  const sorted = useMemo(() => [...reports].sort((a, b) => a.name.localeCompare(b.name)), [reports])
  const { record: report, formKey } = editedRecord(reports, editing)

  return (
    <div className="view report-view">
      <RecordListPane
        noun="report"
        label="Saved reports"
        className="report-list-pane"
        count={reports.length}
        onNew={newReport}
        empty={{
          title: 'No saved reports',
          text: 'Create a report to build a briefing from the incidents under the current filter or picked by hand. The CLI exports the whole workspace when none is saved.',
        }}
      >
        <RecordList label="Reports" className="report-list" rowClassName="report-row" records={sorted} openId={report?.id ?? null} onOpen={(id) => editReport({ kind: 'existing', id })}>
          {(r) => (
            <>
              <span className="report-row-name">{r.name}</span>
              <span className="muted">
                {r.scope.kind === 'filter' ? 'Filter' : `${r.scope.ids.length} picked`} · TLP:{r.tlp}
                {r.date ? ` · ${formatDate(r.date)}` : ''}
              </span>
            </>
          )}
        </RecordList>
      </RecordListPane>
      {formKey !== null ? (
        <ReportEditor key={formKey} report={report} />
      ) : (
        <section className="report-none" aria-label="Report">
          <EmptyState title="No report selected">Pick a saved report on the left, or create a new one. The preview shows the briefing exactly as it will be printed.</EmptyState>
        </section>
      )}
    </div>
  )
}
