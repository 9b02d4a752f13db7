// The import preview: what every object of the file would become, per type, with each skip and likely duplicate and its reason, before anything is written.
import { useEffect, useRef } from 'react'
import { IMPORT_OUTCOME_LABELS, IMPORT_OUTCOMES } from '../../shared/interchange'
import { useFocusTrap } from '../components/useFocusTrap'
import { useApp } from '../state/store'
import { backToMapping, cancelImport, commitImport, exportRejects, setCampaignsAsIncidents } from './actions'
import { DatasetReport } from './DatasetReport'
import { ImportTable } from './ImportTable'

/** "1 incident", "2 incidents". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function ImportDialog() {
  const open = useApp((s) => s.importing !== null)
  return open ? <ImportPanel /> : null
}

/** Open while an import is read, planned or previewed: focus stays in it, Escape cancels. */
function ImportPanel() {
  const importing = useApp((s) => s.importing)!
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const mapped = useApp((s) => s.mapping !== null)
  const first = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  useFocusTrap(dialog, cancelImport)
  const ready = !!importing.preview && !importing.stage
  useEffect(() => {
    if (ready) first.current?.focus()
  }, [ready])
  const p = importing.preview
  const writes = p ? Object.values(p.writes).reduce((a, b) => a + b, 0) : 0
  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">Import {importing.fileName}</h2>
        {!p || importing.stage ? (
          <p className="import-stage" role="status">
            {importing.stage || 'Working…'}
          </p>
        ) : (
          <>
            {p.dataset ? (
              <p>
                {p.dataset.format === 'csv' ? `A CSV file (${p.dataset.dataset})` : `An ${p.dataset.dataset} export`} with {p.dataset.rows} rows. Nothing has been written yet.
              </p>
            ) : (
              <p>
                {importing.fromServer ? 'New on the server:' : p.format === 'misp' ? 'MISP events' : p.format === 'stix-2.0' ? 'A STIX 2.0 bundle (read as 2.1)' : 'A STIX 2.1 bundle'} {importing.fromServer ? '' : 'with '}{p.total} objects. Nothing has been written yet.
              </p>
            )}
            <ImportTable
              label="What each type of object becomes"
              columns={['Type', ...IMPORT_OUTCOMES.map((o) => IMPORT_OUTCOME_LABELS[o])]}
              foot={
                <tr>
                  <th scope="row">All {p.total}</th>
                  {IMPORT_OUTCOMES.map((o) => (
                    <td key={o} data-outcome={o}>
                      {p.totals[o]}
                    </td>
                  ))}
                </tr>
              }
            >
              {p.byType.map((t) => (
                <tr key={t.type}>
                  <th scope="row">{t.type}</th>
                  {IMPORT_OUTCOMES.map((o) => (
                    <td key={o}>{t.counts[o] || ''}</td>
                  ))}
                </tr>
              ))}
            </ImportTable>
            {p.dataset ? <DatasetReport summary={p.dataset} /> : null}
            {p.notImported.length > 0 && !p.dataset ? (
              <details className="import-reasons" open={p.notImported.length <= 8}>
                <summary>
                  {p.totals.skipped} skipped, {count(p.totals.duplicate, 'likely duplicate')} — why
                </summary>
                <ul>
                  {p.notImported.map((n) => (
                    <li key={n.id}>
                      <strong>{IMPORT_OUTCOME_LABELS[n.outcome]}</strong> {n.type} <code>{n.id}</code>: {n.reason}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {p.dataset ? (
              p.dataset.rejects.length > 0 ? (
                <button type="button" onClick={() => void exportRejects()}>
                  Save rejected rows as CSV
                </button>
              ) : null
            ) : importing.fromServer ? null : (
              <label className="check">
                <input type="checkbox" checked={importing.campaignsAsIncidents} onChange={(e) => setCampaignsAsIncidents(e.target.checked)} /> Import campaigns as incidents
              </label>
            )}
            <p className="import-writes">
              Importing writes {count(p.writes.incidents, 'incident')}, {count(p.writes.actors, 'actor')}, {count(p.writes.sources, 'source')}, {count(p.writes.notes, 'note')}, {count(p.writes.reports, 'briefing')} and
              keeps {count(p.writes.kept, 'other object')}, in one step after a backup; Undo takes it all back.
            </p>
          </>
        )}
        <div className="modal-buttons">
          <button type="button" onClick={cancelImport}>
            Cancel
          </button>
          {mapped ? (
            <button type="button" onClick={backToMapping}>
              Back to the mapping
            </button>
          ) : null}
          <button type="button" className="primary" ref={first} disabled={!ready || writes === 0 || !!readOnly} onClick={() => void commitImport()} title={readOnly ?? undefined}>
            Import
          </button>
        </div>
      </div>
    </div>
  )
}
