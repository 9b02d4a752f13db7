// Dropping a STIX or MISP file anywhere on the window opens its import preview; a CSV or TSV file opens the column mapping (or, for an EuRepoC or CFR export, the preview).
import { useEffect } from 'react'
import { getState } from '../state/store'
import { openTable, previewImport } from './actions'

export function useFileDrop(): void {
  useEffect(() => {
    const hasFile = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')
    const over = (e: DragEvent) => {
      if (hasFile(e)) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      if (!hasFile(e)) return
      e.preventDefault()
      const f = e.dataTransfer!.files[0]
      if (!f || getState().importing || getState().mapping || getState().info?.readOnly) return
      if (/\.(csv|tsv|txt)$/i.test(f.name)) void openTable(f)
      else void previewImport(f)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}
