// What the renderer and the CLI see of imports and exports: the preview's accounting, the result of a commit, and what an export wrote.
import { z } from 'zod'
import { FilterSchema } from './domain'

export const IMPORT_OUTCOMES = ['new', 'updated', 'duplicate', 'merged', 'kept', 'skipped'] as const
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number]

export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  new: 'New',
  updated: 'Updated',
  duplicate: 'Likely duplicate',
  merged: 'Part of a record',
  kept: 'Kept as is',
  skipped: 'Skipped',
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
}

export interface ImportResult {
  importId: string
  fileName: string
  writes: ImportPreview['writes']
}

export const INTERCHANGE_FORMATS = ['stix', 'misp'] as const
export type InterchangeFormat = (typeof INTERCHANGE_FORMATS)[number]

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
