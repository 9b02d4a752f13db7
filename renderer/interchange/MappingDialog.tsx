// The column-mapping step of a CSV import: each column to an incident field or ignored, enumeration values mapped (unmapped ones counted), a live preview of the first rows as incidents, saved mappings.
import { useMemo, useRef, useState } from 'react'
import { countryName } from '../../shared/countries'
import { CSV_FIELDS, ENUM_OPTIONS, IGNORE, mapCsvRow, type CsvField, type EnumField } from '../../shared/datasets/mapping'
import { INCIDENT_TYPE_LABELS } from '../../shared/domain'
import { formatPartialDate } from '../../shared/partialDate'
import { useFocusTrap } from '../components/useFocusTrap'
import { useApp, type MappingStep } from '../state/store'
import { ImportTable } from './ImportTable'
import { applySavedMapping, cancelMapping, previewMapped, saveMapping, setColumnField, setValueMapping, updateMapping } from './actions'

/** Rows shown in the live preview. */
const PREVIEW_ROWS = 5

export function MappingDialog() {
  const step = useApp((s) => (s.importing === null ? s.mapping : null))
  return step ? <MappingPanel step={step} /> : null
}

function MappingPanel({ step }: { step: MappingStep }) {
  const dialog = useRef<HTMLDivElement>(null)
  useFocusTrap(dialog, cancelMapping)
  const [saveName, setSaveName] = useState(step.mapping.name)
  const { mapping } = step
  const hasTitle = Object.values(mapping.columns).includes('title')
  const unmapped = step.values.filter((v) => v.mapped === undefined)
  const preview = useMemo(() => step.rows.map((cells, n) => ({ row: n + 2, ...mapCsvRow(step.headers, cells, mapping) })), [step.rows, step.headers, mapping])
  const failing = preview.filter((r) => r.errors.length > 0)

  return (
    <div className="modal-backdrop">
      <div ref={dialog} className="modal import-dialog mapping-dialog" role="dialog" aria-modal="true" aria-labelledby="mapping-title">
        <h2 id="mapping-title">Map the columns of {step.fileName}</h2>
        <p>
          {step.total} rows, {step.headers.length} columns ({step.encoding}). Pick the incident field each column fills; columns left as “Ignored” are not imported. Nothing is written until you import.
        </p>
        {step.encodingNote ? <p className="form-note">{step.encodingNote}</p> : null}
        <div className="mapping-bar">
          {step.saved.length > 0 ? (
            <label className="field">
              Saved mapping
              <select value="" onChange={(e) => e.target.value && applySavedMapping(e.target.value)}>
                <option value="">Use a saved mapping…</option>
                {step.saved.map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            Slashed dates
            <select value={mapping.dateOrder} onChange={(e) => updateMapping((m) => ({ ...m, dateOrder: e.target.value as 'mdy' | 'dmy' }))}>
              <option value="mdy">Month first (7/15/2022)</option>
              <option value="dmy">Day first (15/7/2022)</option>
            </select>
          </label>
          <label className="field">
            Dataset name (kept as provenance)
            <input value={mapping.dataset} onChange={(e) => updateMapping((m) => ({ ...m, dataset: e.target.value }))} />
          </label>
        </div>

        <ImportTable label="Columns and the fields they fill" className="mapping-columns" columns={['Column', 'First values', 'Field']}>
          {step.headers.map((h, col) => (
            <tr key={h}>
              <th scope="row">{h}</th>
              <td className="mapping-samples">{sampleValues(step, col)}</td>
              <td>
                <select aria-label={`Field for column ${h}`} value={mapping.columns[h] ?? ''} onChange={(e) => setColumnField(h, e.target.value as CsvField | '')}>
                  <option value="">Ignored</option>
                  {CSV_FIELDS.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </ImportTable>

        {step.values.length > 0 ? (
          <section aria-labelledby="mapping-values">
            <h3 id="mapping-values">Values</h3>
            <p role="status" className={unmapped.length > 0 ? 'mapping-unmapped' : undefined}>
              {unmapped.length === 0 ? 'Every value has a mapping.' : `${unmapped.length} value${unmapped.length === 1 ? ' has' : 's have'} no mapping: the rows holding ${unmapped.length === 1 ? 'it' : 'them'} would be rejected.`}
            </p>
            <ImportTable label="Values of the enumeration columns" columns={['Column', 'Value', 'Rows', 'Becomes']}>
              {step.values.map((v) => (
                <tr key={`${v.field}:${v.value}`} data-unmapped={v.mapped === undefined || undefined}>
                  <td>{v.column}</td>
                  <th scope="row">{v.value}</th>
                  <td>{v.count}</td>
                  <td>
                    <select
                      aria-label={`Value ${v.value} of ${v.column}`}
                      value={v.mapped === undefined ? '\u0000' : v.mapped}
                      onChange={(e) => setValueMapping(v.field as EnumField, v.value, e.target.value === '\u0000' ? undefined : e.target.value)}
                    >
                      <option value={'\u0000'}>No mapping (reject the row)</option>
                      <option value={IGNORE}>Leave the value out</option>
                      {ENUM_OPTIONS[v.field as EnumField].map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </ImportTable>
          </section>
        ) : null}

        <section aria-labelledby="mapping-preview">
          <h3 id="mapping-preview">Preview of the first rows</h3>
          <ImportTable label="The first rows as incidents" columns={['Row', 'Title', 'Start', 'Victims', 'Sponsors', 'Types', 'Problems']}>
            {preview.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.incident.title ?? ''}</td>
                <td>{formatPartialDate(r.incident.start)}</td>
                <td>{(r.incident.victims ?? []).map((v) => countryName(v.country)).join(', ')}</td>
                <td>{(r.incident.sponsorCountries ?? []).map(countryName).join(', ')}</td>
                <td>{(r.incident.types ?? []).map((t) => INCIDENT_TYPE_LABELS[t]).join(', ')}</td>
                <td>{[...r.errors.map((e) => `Rejected: ${e.column}: ${e.reason}`), ...r.warnings.map((w) => `Left out: ${w.column}: ${w.reason}`)].join(' · ')}</td>
              </tr>
            ))}
          </ImportTable>
          <p className="field-hint">
            {failing.length === 0
              ? `None of the first ${preview.length} rows has a problem.`
              : `${failing.length} of the first ${preview.length} rows would be rejected (first: row ${failing[0].row}, ${failing[0].errors[0].column}: ${failing[0].errors[0].reason}).`}
          </p>
        </section>

        <div className="mapping-save">
          <label className="field">
            Mapping name
            <input value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder="e.g. Desk spreadsheet" />
          </label>
          <button type="button" disabled={!saveName.trim()} onClick={() => void saveMapping(saveName)}>
            Save mapping
          </button>
        </div>
        {!hasTitle ? <p className="form-problems">Map a column to Title: every incident needs one.</p> : null}
        <div className="modal-buttons">
          <button type="button" onClick={cancelMapping}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!hasTitle} onClick={() => void previewMapped()}>
            Preview import
          </button>
        </div>
      </div>
    </div>
  )
}

/** The first three non-empty values of a column. */
function sampleValues(step: MappingStep, col: number): string {
  const out: string[] = []
  for (const row of step.rows) {
    const v = (row[col] ?? '').trim()
    if (v && !out.includes(v)) out.push(v.length > 40 ? `${v.slice(0, 39)}…` : v)
    if (out.length === 3) break
  }
  return out.join(' · ')
}
