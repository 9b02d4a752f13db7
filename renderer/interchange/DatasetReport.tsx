// What the import preview says of a table file beyond its counts: rejected rows (row, column, reason), rows edited since their last import, values left out, likely duplicates.
import { useMemo } from 'react'
import type { DatasetSummary } from '../../shared/interchange'
import { useApp } from '../state/store'
import { ImportTable } from './ImportTable'

export function DatasetReport({ summary }: { summary: DatasetSummary }) {
  const notImported = useApp((s) => s.importing?.preview?.notImported)
  const duplicates = useMemo(() => (notImported ?? []).filter((n) => n.outcome === 'duplicate'), [notImported])
  return (
    <div className="dataset-report">
      {summary.encodingNote ? <p className="form-note">{summary.encodingNote}</p> : null}
      {summary.rejects.length > 0 ? (
        <details open={summary.rejects.length <= 8}>
          <summary>
            {summary.rejects.length} rejected row{summary.rejects.length === 1 ? '' : 's'} — why
          </summary>
          <ImportTable label="Rejected rows" columns={['Row', 'Column', 'Reason']}>
            {summary.rejects.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.column}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </ImportTable>
        </details>
      ) : null}
      {summary.conflicts.length > 0 ? (
        <details open>
          <summary>
            {summary.conflicts.length} row{summary.conflicts.length === 1 ? '' : 's'} changed in the dataset but edited here since the last import: kept as they are
          </summary>
          <ul>
            {summary.conflicts.map((c) => (
              <li key={c.row}>
                Row {c.row} (id {c.key}): “{c.title}”
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {duplicates.length > 0 ? (
        <details open={duplicates.length <= 8}>
          <summary>
            {duplicates.length} likely duplicate{duplicates.length === 1 ? '' : 's'} of incidents already here: not imported
          </summary>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                {d.id}: {d.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {summary.leftOut.length > 0 ? (
        <details>
          <summary>
            {summary.leftOut.length} value{summary.leftOut.length === 1 ? '' : 's'} left out of imported rows (not guessed)
          </summary>
          <ul>
            {summary.leftOut.map((l) => (
              <li key={`${l.column}:${l.value}`}>
                {l.column} “{l.value}” ({l.count} row{l.count === 1 ? '' : 's'}, first row {l.firstRow}): {l.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
