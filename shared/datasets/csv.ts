// CSV and TSV in and out: bytes decoded with their encoding found (BOM, UTF-8, UTF-16, else Windows-1252), the table read with papaparse (delimiter found, quoted newlines), and rows written back with formula escaping and a BOM.
import Papa from 'papaparse'
import { escapeFormula } from './cells'

// The text decoder exists in Node and browsers alike; shared/ compiles without either's type library.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string }

export interface Decoded {
  text: string
  /** 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string
  /** Said to the user when the encoding was a guess. */
  note?: string
}

/** Bytes read as text: a BOM decides; otherwise strict UTF-8; otherwise Windows-1252 (said in `note`). Throws for binary files (NUL bytes in text that is not UTF-16). */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new Error('The file is not text (it holds NUL bytes): choose a CSV or TSV file.')
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', note: 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented names in the preview.' }
  }
}

export interface Table {
  headers: string[]
  /** Data rows as the file has them (cells not trimmed); `rows[0]` is spreadsheet row 2. */
  rows: string[][]
  delimiter: string
}

/** True when `text` holds a control character other than tab, LF, VT, FF and CR: no table file does, binary files do. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 32 && (c < 9 || c > 13)) return true
  }
  return false
}

/**
 * Reads CSV or TSV text into a header row and data rows. The delimiter is found from the text
 * (comma, semicolon, tab, pipe); quoted cells may hold the delimiter, quotes and newlines; a BOM
 * is dropped; blank lines are skipped. Throws with a clear message for text that is not a table.
 */
export function parseTable(text: string): Table {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new Error('The file is empty: a CSV file starts with a header row naming its columns.')
  if (hasControl(body.slice(0, 65536))) throw new Error('The file holds control characters that no CSV file has: it is likely binary, not a table.')
  const result = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] })
  const data = result.data
  if (data.length === 0) throw new Error('The file has no rows.')
  if (data.length === 1) throw new Error('The file has a header row but no data rows: there is nothing to import.')
  const headers = data[0].map((h) => h.trim())
  if (headers.every((h) => h === '')) throw new Error('The first row is empty: a CSV file starts with a header row naming its columns.')
  const seen = new Map<string, number>()
  const unique = headers.map((h, n) => {
    const name = h || `Column ${n + 1}`
    const times = (seen.get(name) ?? 0) + 1
    seen.set(name, times)
    return times === 1 ? name : `${name} (${times})`
  })
  return { headers: unique, rows: data.slice(1), delimiter: result.meta.delimiter }
}

/** One CSV line per row, every cell formula-escaped and quoted where needed; CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => quote(escapeFormula(c))).join(',')
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n'
}

/** The same with a UTF-8 byte-order mark first, so spreadsheet apps read the text as UTF-8. */
export function toCsvWithBom(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${toCsv(header, rows)}`
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}
