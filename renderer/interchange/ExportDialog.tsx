// Export data: the whole workspace, the incidents under the current filter, or a briefing's scope, as a STIX 2.1 bundle or MISP events.
import { useRef, useState, type FormEvent } from 'react'
import type { InterchangeFormat } from '../../shared/interchange'
import { useFocusTrap } from '../components/useFocusTrap'
import { useApp } from '../state/store'
import { closeExport, exportData } from './actions'
import { ScopeChoices, useDataScope } from './ScopeChoices'

export function ExportDialog() {
  const open = useApp((s) => s.exporting)
  return open ? <ExportForm /> : null
}

/** Focus stays in the form while it is open; Escape closes it. */
function ExportForm() {
  const encrypted = useApp((s) => s.info?.encrypted === true)
  const [format, setFormat] = useState<InterchangeFormat>('stix')
  const scope = useDataScope()
  const [busy, setBusy] = useState(false)
  const first = useRef<HTMLSelectElement>(null)
  const form = useRef<HTMLFormElement>(null)
  useFocusTrap(form, closeExport, first)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    await exportData(format, scope.chosen)
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
          <ScopeChoices name="export-scope" scope={scope} />
        </fieldset>
        {encrypted ? (
          <p className="notice" role="note">
            This workspace is encrypted, but the export is not: it is written as a plain file that anyone with access to the folder can read.
          </p>
        ) : null}
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
