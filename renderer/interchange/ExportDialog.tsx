// Export data: the whole workspace, the incidents under the current filter, or a briefing's scope, as a STIX 2.1 bundle or MISP events.
import { useRef, useState, type FormEvent } from 'react'
import type { DataExportScope, InterchangeFormat } from '../../shared/interchange'
import { describeFilter } from '../../shared/report/model'
import { useFocusTrap } from '../components/useFocusTrap'
import { useApp } from '../state/store'
import { closeExport, exportData } from './actions'

export function ExportDialog() {
  const open = useApp((s) => s.exporting)
  return open ? <ExportForm /> : null
}

/** Focus stays in the form while it is open; Escape closes it. */
function ExportForm() {
  const filter = useApp((s) => s.filter)
  const reports = useApp((s) => s.reports)
  const [format, setFormat] = useState<InterchangeFormat>('stix')
  const [scope, setScope] = useState<'all' | 'filter' | 'report'>('all')
  const [reportId, setReportId] = useState('')
  const [busy, setBusy] = useState(false)
  const first = useRef<HTMLSelectElement>(null)
  const form = useRef<HTMLFormElement>(null)
  useFocusTrap(form, closeExport, first)
  const chosen: DataExportScope = scope === 'filter' ? { kind: 'filter', filter } : scope === 'report' ? { kind: 'report', id: reportId || reports[0]?.id || '' } : { kind: 'all' }
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    await exportData(format, chosen)
    setBusy(false)
  }
  return (
    <div className="modal-backdrop">
      <form ref={form} className="modal" role="dialog" aria-modal="true" aria-labelledby="export-title" onSubmit={(e) => void submit(e)}>
        <h2 id="export-title">Export data</h2>
        <label className="field">
          Format
          <select ref={first} value={format} onChange={(e) => setFormat(e.target.value as InterchangeFormat)}>
            <option value="stix">STIX 2.1 bundle (OpenCTI, TAXII, any STIX tool)</option>
            <option value="misp">MISP events (one per incident)</option>
            <option value="csv">CSV table of incidents (spreadsheets; UTF-8)</option>
          </select>
        </label>
        <fieldset>
          <legend>What</legend>
          <label className="check">
            <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole workspace
          </label>
          <label className="check">
            <input type="radio" name="export-scope" checked={scope === 'filter'} onChange={() => setScope('filter')} /> The incidents under the current filter ({describeFilter(filter)})
          </label>
          <label className="check">
            <input type="radio" name="export-scope" checked={scope === 'report'} disabled={reports.length === 0} onChange={() => setScope('report')} /> A briefing’s scope
          </label>
          {scope === 'report' ? (
            <select aria-label="Briefing" value={reportId || reports[0]?.id} onChange={(e) => setReportId(e.target.value)}>
              {reports.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          ) : null}
        </fieldset>
        <p className="field-hint">The file is written into the workspace’s exports folder. Exports are not encrypted and carry each record’s TLP marking.</p>
        <div className="modal-buttons">
          <button type="button" onClick={closeExport}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </div>
  )
}
