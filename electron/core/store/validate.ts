// The one check of a workspace file's text — JSON, schema version, schema, referential integrity — used by the store's open and by `watchfloor validate`, so both always agree.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brokenLinks, indexRecords, integrityProblems } from '../../../shared/integrity'
import { describeIssues, toFieldIssues } from '../../../shared/issues'
import { migrate, SCHEMA_VERSION, WorkspaceSchema, type Workspace } from '../../../shared/workspace'
import { isSealed, WorkspaceKey } from './cipher'
import { checkArchivedCopies } from './archive'
import { WORKSPACE_FILE } from './files'
import { holdKey, releaseKey } from './heldKeys'

export type Checked =
  | { ok: true; workspace: Workspace; migratedFrom: number | null }
  | { ok: false; kind: 'json' | 'newer' | 'unversioned' | 'schema'; problems: string[] }
  /** The file parses and fits the schema but its references do not hold: `repairWorkspace` can fix it. */
  | { ok: false; kind: 'integrity'; problems: string[]; workspace: Workspace }

/**
 * Checks workspace file text. With `trusted` (the file is, byte for byte, what this build last
 * wrote and validated) a current-version file skips the schema and integrity checks.
 */
export function checkWorkspaceText(text: string, trusted = false): Checked {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { ok: false, kind: 'json', problems: [`${WORKSPACE_FILE} is damaged: it is not valid JSON (${(err as Error).message}).`] }
  }
  const outcome = migrate(raw)
  if (outcome.kind === 'newer') {
    return { ok: false, kind: 'newer', problems: [`${WORKSPACE_FILE} was written by a newer Watchfloor (schema version ${outcome.version}; this build reads up to ${SCHEMA_VERSION}). Update Watchfloor to edit it.`] }
  }
  if (outcome.kind === 'unversioned') return { ok: false, kind: 'unversioned', problems: [`${WORKSPACE_FILE} is not a Watchfloor workspace this build can read (missing or unknown schemaVersion).`] }
  if (trusted && outcome.kind === 'current') return { ok: true, workspace: outcome.data as Workspace, migratedFrom: null }
  const parsed = WorkspaceSchema.safeParse(outcome.data)
  if (!parsed.success) return { ok: false, kind: 'schema', problems: [`${WORKSPACE_FILE} does not pass validation: ${describeIssues(toFieldIssues(parsed.error), 20)}.`] }
  const problems = integrityProblems(parsed.data)
  if (problems.length > 0) return { ok: false, kind: 'integrity', problems, workspace: parsed.data }
  return { ok: true, workspace: parsed.data, migratedFrom: outcome.kind === 'migrated' ? outcome.from : null }
}

export type Validation = { ok: true; workspace: Workspace; warnings: string[]; copyProblems: string[] } | { ok: false; problems: string[] }

/** Full validation of a workspace folder, ignoring fingerprints (`watchfloor validate`); an encrypted one needs its passphrase. Archived copies are checked against their recorded size and SHA-256 (`copyProblems`). */
export async function validateWorkspace(dir: string, passphrase?: string): Promise<Validation> {
  let text: string
  let key: WorkspaceKey | null = null
  try {
    const bytes = await readFile(join(dir, WORKSPACE_FILE))
    if (isSealed(bytes)) {
      if (passphrase === undefined) return { ok: false, problems: [`${join(dir, WORKSPACE_FILE)} is encrypted: give its passphrase with --passphrase-env VAR.`] }
      key = await WorkspaceKey.unlock(passphrase, bytes)
      text = key.open(bytes).toString('utf8')
    } else text = bytes.toString('utf8')
  } catch (err) {
    return { ok: false, problems: [`Cannot read ${join(dir, WORKSPACE_FILE)}: ${(err as Error).message}`] }
  }
  const checked = checkWorkspaceText(text)
  if (!checked.ok) return { ok: false, problems: checked.problems }
  const warnings = checked.migratedFrom !== null ? [`The file is at schema version ${checked.migratedFrom}; opening it in Watchfloor migrates it to ${SCHEMA_VERSION}.`] : []
  const index = indexRecords(checked.workspace)
  for (const n of checked.workspace.notes) for (const id of brokenLinks(index, n)) warnings.push(`note ${n.id}: the link [[${id}]] names no incident, actor, source or note (shown as broken until relinked)`)
  // Archived copies of an encrypted workspace are sealed under the same key: hold it while they are read.
  if (key) holdKey(dir, key)
  let copyProblems: string[]
  try {
    copyProblems = (await checkArchivedCopies(dir, checked.workspace.sources)).map((p) => p.message)
  } finally {
    releaseKey(dir, key)
  }
  return { ok: true, workspace: checked.workspace, warnings, copyProblems }
}
