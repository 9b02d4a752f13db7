// What importing and exporting data does in the window: read a file in pieces, map a CSV file's columns, preview it, commit or cancel, undo; export the workspace, the filter or a briefing's scope.
import { MAX_UPLOAD_CHUNK } from '../../shared/contract'
import { decodeBytes, parseTable } from '../../shared/datasets/csv'
import { enumValueCounts, suggestMapping, suggestValue, valueKey, type CsvField, type CsvMapping, type EnumField } from '../../shared/datasets/mapping'
import { detectPreset, PRESET_LABELS } from '../../shared/datasets/presets'
import type { DataExportScope, ImportFormat, InterchangeFormat } from '../../shared/interchange'
import { client } from '../api'
import { errorMessage, loadWorkspace, toast } from '../state/actions'
import { getState, setState } from '../state/store'
import { pickFile } from '../components/pickFile'

/** Characters sent per upload call: well under the host's body limit once JSON-encoded. */
const CHUNK = Math.min(MAX_UPLOAD_CHUNK, 4 * 1024 * 1024)
let file: File | null = null
let cancelled = false

const stage = (text: string) => setState((s) => (s.importing ? { importing: { ...s.importing, stage: text } } : {}))

/** Sends `text` to the main side in pieces and shows the preview of what importing it would do. */
async function uploadAndPreview(text: string, fileName: string, extra: { format?: ImportFormat; campaignsAsIncidents: boolean; mapping?: CsvMapping; encoding?: { name: string; note?: string } }): Promise<void> {
  const uploadId = crypto.randomUUID()
  for (let at = 0; at < text.length || at === 0; at += CHUNK) {
    if (cancelled) return
    stage(`Sending the file… ${Math.min(100, Math.round(((at + CHUNK) / Math.max(text.length, 1)) * 100))}%`)
    await client.interchange.upload({ uploadId, chunk: text.slice(at, at + CHUNK) })
    if (text.length === 0) break
  }
  stage(extra.format === 'csv' || extra.format === 'eurepoc' || extra.format === 'cfr' ? 'Checking every row…' : 'Checking every object…')
  const preview = await client.interchange.preview({ uploadId, fileName, ...extra })
  if (!cancelled) setState((s) => (s.importing ? { importing: { ...s.importing, stage: '', preview } } : {}))
}

/** Reads `f`, sends it to the main side in pieces and shows the preview of what importing it would do. */
export async function previewImport(f: File, campaignsAsIncidents = getState().importing?.campaignsAsIncidents ?? false): Promise<void> {
  file = f
  cancelled = false
  setState({ importing: { fileName: f.name, stage: 'Reading the file…', preview: null, campaignsAsIncidents } })
  try {
    await uploadAndPreview(await f.text(), f.name, { campaignsAsIncidents })
  } catch (err) {
    setState({ importing: null })
    toast('error', `${f.name} was not imported: ${errorMessage(err)}`)
  }
}

/** The CSV file being mapped: its text and every row (kept out of the store). */
let table: { text: string; rows: string[][]; encoding: { name: string; note?: string } } | null = null

const withValues = (m: CsvMapping) => (table ? enumValueCounts(getState().mapping?.headers ?? [], table.rows, m) : [])

/**
 * Reads a CSV or TSV file: an EuRepoC or CFR export goes straight to the preview; any other table
 * opens the column-mapping step with a mapping suggested from its headers.
 */
export async function openTable(f: File): Promise<void> {
  cancelled = false
  file = null
  setState({ importing: { fileName: f.name, stage: 'Reading the file…', preview: null, campaignsAsIncidents: false }, mapping: null })
  try {
    const decoded = decodeBytes(new Uint8Array(await f.arrayBuffer()))
    const parsed = parseTable(decoded.text)
    const encoding = { name: decoded.encoding, ...(decoded.note ? { note: decoded.note } : {}) }
    const preset = detectPreset(parsed.headers)
    if (preset) {
      table = null
      stage(`An ${PRESET_LABELS[preset]} export: reading it needs no mapping…`)
      await uploadAndPreview(decoded.text, f.name, { format: preset, campaignsAsIncidents: false, encoding })
      return
    }
    table = { text: decoded.text, rows: parsed.rows, encoding }
    const saved = await client.datasets.mappings().catch(() => [] as CsvMapping[])
    const mapping = suggestMapping(parsed.headers, parsed.rows, f.name.replace(/\.[^.]+$/, ''))
    setState({
      importing: null,
      mapping: { fileName: f.name, encoding: decoded.encoding, encodingNote: decoded.note, headers: parsed.headers, rows: parsed.rows.slice(0, 200), total: parsed.rows.length, mapping, saved, values: enumValueCounts(parsed.headers, parsed.rows, mapping) },
    })
  } catch (err) {
    setState({ importing: null, mapping: null })
    toast('error', `${f.name} was not imported: ${errorMessage(err)}`)
  }
}

/** Changes the mapping being edited (and recounts the enumeration values it maps). */
export function updateMapping(change: (m: CsvMapping) => CsvMapping): void {
  const step = getState().mapping
  if (!step) return
  const mapping = change(step.mapping)
  setState({ mapping: { ...step, mapping, values: withValues(mapping) } })
}

/** Maps a column to a field, or ignores it (`''`). */
export function setColumnField(header: string, field: CsvField | ''): void {
  updateMapping((m) => {
    const columns = { ...m.columns }
    if (field) columns[header] = field
    else delete columns[header]
    const next = { ...m, columns }
    // Values of a newly mapped enumeration column get their likely meaning at once.
    return field ? withSuggestedValues(next) : next
  })
}

/** Values of the mapped enumeration columns that have no mapping yet get their likely meaning, where one is plain. */
function withSuggestedValues(m: CsvMapping): CsvMapping {
  const values = { ...m.values }
  for (const v of withValues(m)) {
    const suggestion = v.mapped === undefined ? suggestValue(v.field, v.value) : undefined
    if (suggestion) values[v.field] = { ...values[v.field], [valueKey(v.value)]: suggestion }
  }
  return { ...m, values }
}

/** What a value of an enumeration column becomes: an enumeration value, `''` to leave it out, or undefined for no mapping (its rows are rejected). */
export function setValueMapping(field: EnumField, raw: string, value: string | undefined): void {
  updateMapping((m) => {
    const map = { ...m.values[field] }
    if (value === undefined) delete map[valueKey(raw)]
    else map[valueKey(raw)] = value
    return { ...m, values: { ...m.values, [field]: map } }
  })
}

/** Applies a saved mapping to this file. */
export function applySavedMapping(name: string): void {
  const saved = getState().mapping?.saved.find((m) => m.name === name)
  if (saved) updateMapping(() => structuredClone(saved))
}

/** Saves the mapping under `name` in the workspace, for later files and `watchfloor import --mapping`. */
export async function saveMapping(name: string): Promise<void> {
  const step = getState().mapping
  if (!step) return
  try {
    const mapping = { ...step.mapping, name: name.trim() }
    const done = await client.datasets.saveMapping(mapping)
    const saved = await client.datasets.mappings()
    setState((s) => (s.mapping ? { mapping: { ...s.mapping, mapping, saved } } : {}))
    const others = done.alongside.map((m) => `“${m.name}” keeps ${m.path}`).join('; ')
    toast('info', `${done.replaced ? 'Replaced the saved mapping' : 'Saved the mapping'} “${mapping.name}” ${done.replaced ? 'in' : 'to'} ${done.path}${others ? ` (its own file: ${others})` : ''}`)
  } catch (err) {
    toast('error', errorMessage(err))
  }
}

/** Plans the import of the mapped file: every row accounted for, before anything is written. */
export async function previewMapped(): Promise<void> {
  const step = getState().mapping
  if (!step || !table) return
  cancelled = false
  setState({ importing: { fileName: step.fileName, stage: 'Reading the file…', preview: null, campaignsAsIncidents: false } })
  try {
    await uploadAndPreview(table.text, step.fileName, { format: 'csv', campaignsAsIncidents: false, mapping: step.mapping, encoding: table.encoding })
  } catch (err) {
    setState({ importing: null })
    toast('error', `${step.fileName} was not imported: ${errorMessage(err)}`)
  }
}

/** From the preview back to the column mapping (nothing was written). */
export function backToMapping(): void {
  cancelled = true
  setState({ importing: null })
}

export function cancelMapping(): void {
  table = null
  setState({ mapping: null })
}

/** Writes the rows the preview rejects into the exports folder as CSV. */
export async function exportRejects(): Promise<void> {
  const preview = getState().importing?.preview
  if (!preview) return
  try {
    const { path, rows } = await client.interchange.rejects({ token: preview.token })
    toast('info', `Saved ${rows} rejected row${rows === 1 ? '' : 's'} to ${path}`)
  } catch (err) {
    toast('error', errorMessage(err))
  }
}

/** Opens the file picker for a CSV or dataset file (the palette's command). */
export function chooseTableFile(): void {
  pickFile('.csv,.tsv,.txt,text/csv,text/tab-separated-values', (f) => void openTable(f))
}

/** Plans the same file again with campaigns read as incidents, or not. */
export function setCampaignsAsIncidents(on: boolean): void {
  if (file) void previewImport(file, on)
}

export function cancelImport(): void {
  cancelled = true
  file = null
  table = null
  setState({ importing: null, mapping: null })
}

/** Writes the previewed import (one write, after a backup) and offers Undo. */
export async function commitImport(): Promise<void> {
  const preview = getState().importing?.preview
  if (!preview) return
  stage('Importing…')
  try {
    const result = await client.interchange.commit({ token: preview.token })
    setState({ importing: null, mapping: null })
    file = null
    table = null
    await loadWorkspace()
    const w = result.writes
    toast('info', `Imported ${result.fileName}: ${w.incidents} incidents, ${w.actors} actors, ${w.sources} sources, ${w.notes} notes, ${w.reports} briefings, ${w.kept} objects kept.`, {
      label: 'Undo import',
      run: () =>
        void client.interchange.undo({ importId: result.importId }).then(
          async () => {
            await loadWorkspace()
            toast('info', `The import of ${result.fileName} was undone.`)
          },
          (err) => toast('error', errorMessage(err)),
        ),
    })
  } catch (err) {
    stage('')
    toast('error', errorMessage(err))
  }
}

/** Opens the file picker for an import (the palette's command). */
export function chooseImportFile(): void {
  pickFile('.json,application/json', (f) => void previewImport(f))
}

export const openExport = () => setState({ exporting: true })
export const closeExport = () => setState({ exporting: false })

/** Writes an export into the workspace's exports folder and says where. */
export async function exportData(format: InterchangeFormat, scope: DataExportScope): Promise<boolean> {
  try {
    const done = await client.interchange.export({ format, scope })
    setState({ exporting: false })
    toast('info', `Exported ${done.objects} ${format === 'stix' ? 'STIX objects' : format === 'misp' ? 'MISP events' : 'incidents as CSV'} to ${done.path}`)
    return true
  } catch (err) {
    toast('error', errorMessage(err))
    return false
  }
}
