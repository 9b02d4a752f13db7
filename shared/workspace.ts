// The workspace file: its schema, version and the ordered migrations that bring older files up to date.
import { z } from 'zod'
import { linkClaimsToActors } from './actorLinks'
import { ActorSchema, IncidentSchema, NoteSchema, ReportSchema, SourceSchema, STIX_ID } from './domain'

/** Version of the workspace file this build writes. Files from a newer version are refused. */
export const SCHEMA_VERSION = 6

/** A STIX object Watchfloor has no record for (an indicator, malware, an observable…), kept as it came so it exports again unchanged. */
export const ForeignObjectSchema = z.looseObject({ type: z.string().min(1).max(250), id: z.string().regex(STIX_ID, 'Not a STIX identifier') })
export type ForeignObject = z.infer<typeof ForeignObjectSchema>

export const WorkspaceSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().trim().min(1, 'Workspace name is required').max(200),
  createdAt: z.iso.datetime({ offset: true }),
  sample: z.boolean().optional(),
  incidents: z.array(IncidentSchema),
  actors: z.array(ActorSchema),
  sources: z.array(SourceSchema),
  /** Notes (since version 3). */
  notes: z.array(NoteSchema),
  /** Saved briefing definitions (since version 2). */
  reports: z.array(ReportSchema),
  /** STIX objects kept from imports (since version 4). */
  foreign: z.array(ForeignObjectSchema),
})
export type Workspace = z.infer<typeof WorkspaceSchema>

/** A migration turns a file of version `from` into version `from + 1`; it may mutate its input. */
export interface Migration {
  from: number
  migrate(data: Record<string, unknown>): Record<string, unknown>
}

/** Migrations in order. */
export const MIGRATIONS: readonly Migration[] = [
  // 1 → 2: saved report definitions.
  { from: 1, migrate: (data) => ({ ...data, reports: Array.isArray(data.reports) ? data.reports : [] }) },
  // 2 → 3: notes arrive; older files have none.
  { from: 2, migrate: (data) => ({ ...data, notes: Array.isArray(data.notes) ? data.notes : [] }) },
  // 3 → 4: imports keep the STIX objects Watchfloor has no record for.
  { from: 3, migrate: (data) => ({ ...data, foreign: Array.isArray(data.foreign) ? data.foreign : [] }) },
  // 4 → 5: dataset imports add optional fields (provenance, zero-day use, intensity, legal response type, receiver
  // category). Nothing to convert; the version moves so older builds refuse a file that may carry them.
  { from: 4, migrate: (data) => data },
  // 5 → 6: attributors and responders link to actors; a label naming exactly one actor (by name or alias) is linked, any other keeps only its text.
  { from: 5, migrate: (data) => (linkClaimsToActors(data), data) },
]

export type MigrationOutcome =
  | { kind: 'current'; data: Record<string, unknown> }
  | { kind: 'migrated'; data: Record<string, unknown>; from: number }
  | { kind: 'newer'; version: number }
  | { kind: 'unversioned' }

/** Brings parsed file content up to SCHEMA_VERSION, or says why it cannot. */
export function migrate(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'unversioned' }
  let data = raw as Record<string, unknown>
  const version = data.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unversioned' }
  if (version > target) return { kind: 'newer', version }
  if (version === target) return { kind: 'current', data }
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v)
    if (!step) return { kind: 'unversioned' }
    data = { ...step.migrate(data), schemaVersion: v + 1 }
  }
  return { kind: 'migrated', data, from: version }
}

/** An empty workspace with the given name. */
export function emptyWorkspace(name: string, now = new Date().toISOString()): Workspace {
  return { schemaVersion: SCHEMA_VERSION, name, createdAt: now, incidents: [], actors: [], sources: [], notes: [], reports: [], foreign: [] }
}
