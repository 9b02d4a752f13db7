// What the renderer and the CLI see of imports and exports: the preview's accounting, the result of a commit, and what an export wrote.
import { z } from 'zod'
import { FilterSchema } from './domain'

export const IMPORT_OUTCOMES = ['new', 'updated', 'duplicate', 'merged', 'kept', 'skipped', 'conflict'] as const
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number]

export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  new: 'New',
  updated: 'Updated',
  duplicate: 'Likely duplicate',
  merged: 'Part of a record',
  kept: 'Kept as is',
  skipped: 'Skipped',
  conflict: 'Edited since (kept)',
}

export type OutcomeCounts = Record<ImportOutcome, number>

export interface ImportPreview {
  /** Hands the planned import to `commit`; valid until the workspace changes. */
  token: string
  fileName: string
  /** 'stix-2.1', 'stix-2.0' (upgraded) or 'misp'. */
  format: string
  /** Objects in the file; the totals add up to it. */
  total: number
  totals: OutcomeCounts
  byType: { type: string; counts: OutcomeCounts }[]
  /** Every object that is skipped or a likely duplicate, with the reason (the first 1,000). */
  notImported: { id: string; type: string; outcome: ImportOutcome; reason: string }[]
  /** What a commit writes. */
  writes: { incidents: number; actors: number; sources: number; notes: number; reports: number; kept: number }
  /** For a CSV or dataset file: its rows, what could not be read, and the rejected rows. */
  dataset?: DatasetSummary
}

export const DATASET_FORMATS = ['csv', 'eurepoc', 'cfr'] as const
export type DatasetFormat = (typeof DATASET_FORMATS)[number]

/** What the preview says of a table file beyond the outcome counts. */
export interface DatasetSummary {
  format: DatasetFormat
  /** Provenance name and version given to the imported records. */
  dataset: string
  version: string
  /** Data rows (the header not counted); every one is new, updated, a duplicate, kept, a conflict or rejected (skipped). */
  rows: number
  headers: string[]
  delimiter: string
  encoding: string
  /** Set when the encoding was a guess. */
  encodingNote?: string
  /** Values left out of imported rows (unknown countries, unknown techniques…), by column and value, with how many rows hold them. */
  leftOut: { column: string; value: string; reason: string; count: number; firstRow: number }[]
  /** Rejected rows with the column and the reason (the first 1,000). */
  rejects: { row: number; column: string; reason: string }[]
  /** Rows edited in Watchfloor since they were imported, kept as they are (the first 1,000). */
  conflicts: { row: number; key: string; incidentId: string; title: string }[]
}

export interface ImportResult {
  importId: string
  fileName: string
  writes: ImportPreview['writes']
}

/** Export formats: a STIX bundle, MISP events, or a CSV table of incidents. */
export const INTERCHANGE_FORMATS = ['stix', 'misp', 'csv'] as const
export type InterchangeFormat = (typeof INTERCHANGE_FORMATS)[number]

/** What an import file is read as ('auto' looks at it: JSON is STIX or MISP; a table is EuRepoC, CFR or plain CSV). */
export const IMPORT_FORMATS = ['auto', 'stix', 'misp', 'csv', 'eurepoc', 'cfr'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('filter'), filter: FilterSchema }).strict(),
  z.object({ kind: z.literal('report'), id: z.string().min(1).max(100) }).strict(),
])
export type DataExportScope = z.infer<typeof ExportScopeSchema>

export interface DataExportResult {
  path: string
  format: InterchangeFormat
  objects: number
  bytes: number
}
