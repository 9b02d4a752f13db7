// A table of the import dialogs (what each type becomes, rejected rows, column mapping, values, preview): labelled, with one heading a column and the rows the caller gives.
import type { ReactNode } from 'react'

interface Props {
  label: string
  columns: readonly string[]
  /** Added after `import-table`. */
  className?: string
  /** The `<tr>` rows. */
  children: ReactNode
  /** The `<tr>` rows of a footer (totals), if any. */
  foot?: ReactNode
}

export function ImportTable({ label, columns, className, children, foot }: Props) {
  return (
    <table className={className ? `import-table ${className}` : 'import-table'} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  )
}
