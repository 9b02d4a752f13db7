// The dataset presets (EuRepoC Global Database, CFR Cyber Operations Tracker): which one a file's header belongs to, and its rows read without a mapping by that preset's reader (eurepoc.ts, cfr.ts).
import { CFR_COLUMNS, cfrRow } from './cfr'
import { EUREPOC_COLUMNS, eurepocRow } from './eurepoc'
import type { MappedRow } from './mapping'

export { cfrRow, countriesInText } from './cfr'
export { eurepocRow } from './eurepoc'

export const PRESETS = ['eurepoc', 'cfr'] as const
export type Preset = (typeof PRESETS)[number]
export const PRESET_LABELS: Record<Preset, string> = { eurepoc: 'EuRepoC Global Database', cfr: 'CFR Cyber Operations Tracker' }

/** Columns a file must have to be read with a preset. */
const REQUIRED: Record<Preset, readonly string[]> = { eurepoc: EUREPOC_COLUMNS, cfr: CFR_COLUMNS }

/** The preset a header row belongs to, if any. */
export function detectPreset(headers: readonly string[]): Preset | null {
  for (const p of PRESETS) if (REQUIRED[p].every((c) => headers.includes(c))) return p
  return null
}

/** Columns of `preset` missing from `headers`. */
export function missingColumns(preset: Preset, headers: readonly string[]): string[] {
  return REQUIRED[preset].filter((c) => !headers.includes(c))
}

/** One row of a file read with `preset` (columns by name). */
export function readPresetRow(preset: Preset, record: Readonly<Record<string, string>>): MappedRow {
  return preset === 'eurepoc' ? eurepocRow(record) : cfrRow(record)
}
