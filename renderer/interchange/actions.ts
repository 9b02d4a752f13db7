// What importing and exporting data does in the window: read a file in pieces, preview it, commit or cancel, undo; export the workspace, the filter or a briefing's scope.
import { MAX_UPLOAD_CHUNK } from '../../shared/contract'
import type { DataExportScope, InterchangeFormat } from '../../shared/interchange'
import { client } from '../api'
import { errorMessage, loadWorkspace, toast } from '../state/actions'
import { getState, setState } from '../state/store'

/** Characters sent per upload call: well under the host's body limit once JSON-encoded. */
const CHUNK = Math.min(MAX_UPLOAD_CHUNK, 4 * 1024 * 1024)
let file: File | null = null
let cancelled = false

const stage = (text: string) => setState((s) => (s.importing ? { importing: { ...s.importing, stage: text } } : {}))

/** Reads `f`, sends it to the main side in pieces and shows the preview of what importing it would do. */
export async function previewImport(f: File, campaignsAsIncidents = getState().importing?.campaignsAsIncidents ?? false): Promise<void> {
  file = f
  cancelled = false
  setState({ importing: { fileName: f.name, stage: 'Reading the file…', preview: null, campaignsAsIncidents } })
  try {
    const text = await f.text()
    const uploadId = crypto.randomUUID()
    for (let at = 0; at < text.length || at === 0; at += CHUNK) {
      if (cancelled) return
      stage(`Sending the file… ${Math.min(100, Math.round(((at + CHUNK) / Math.max(text.length, 1)) * 100))}%`)
      await client.interchange.upload({ uploadId, chunk: text.slice(at, at + CHUNK) })
      if (text.length === 0) break
    }
    stage('Checking every object…')
    const preview = await client.interchange.preview({ uploadId, fileName: f.name, campaignsAsIncidents })
    if (!cancelled) setState((s) => (s.importing ? { importing: { ...s.importing, stage: '', preview } } : {}))
  } catch (err) {
    setState({ importing: null })
    toast('error', `${f.name} was not imported: ${errorMessage(err)}`)
  }
}

/** Plans the same file again with campaigns read as incidents, or not. */
export function setCampaignsAsIncidents(on: boolean): void {
  if (file) void previewImport(file, on)
}

export function cancelImport(): void {
  cancelled = true
  file = null
  setState({ importing: null })
}

/** Writes the previewed import (one write, after a backup) and offers Undo. */
export async function commitImport(): Promise<void> {
  const preview = getState().importing?.preview
  if (!preview) return
  stage('Importing…')
  try {
    const result = await client.interchange.commit({ token: preview.token })
    setState({ importing: null })
    file = null
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
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = '.json,application/json'
  input.addEventListener('change', () => {
    const f = input.files?.[0]
    if (f) void previewImport(f)
  })
  input.click()
}

export const openExport = () => setState({ exporting: true })
export const closeExport = () => setState({ exporting: false })

/** Writes an export into the workspace's exports folder and says where. */
export async function exportData(format: InterchangeFormat, scope: DataExportScope): Promise<boolean> {
  try {
    const done = await client.interchange.export({ format, scope })
    setState({ exporting: false })
    toast('info', `Exported ${done.objects} ${format === 'stix' ? 'STIX objects' : 'MISP events'} to ${done.path}`)
    return true
  } catch (err) {
    toast('error', errorMessage(err))
    return false
  }
}
