// Full validation of a workspace folder, ignoring fingerprints: the file, its schema and its references.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describeIssues, toFieldIssues } from '../../../shared/issues'
import { migrate, SCHEMA_VERSION, WorkspaceSchema, type Workspace } from '../../../shared/workspace'
import { citedSourceIds } from '../../../shared/references'
import { linkedIds } from '../../../shared/wikiLinks'
import { WORKSPACE_FILE } from './WorkspaceStore'

export type Validation = { ok: true; workspace: Workspace; warnings: string[] } | { ok: false; problems: string[] }

/** Dangling references between records (an incident naming an actor or source that is not there, a note linking to nothing). */
export function referenceProblems(ws: Workspace): string[] {
  const actors = new Set(ws.actors.map((a) => a.id))
  const sources = new Set(ws.sources.map((s) => s.id))
  const problems: string[] = []
  const ids = new Set<string>()
  for (const r of [...ws.incidents, ...ws.actors, ...ws.sources, ...ws.notes, ...ws.reports]) {
    if (ids.has(r.id)) problems.push(`Duplicate id ${r.id}`)
    ids.add(r.id)
  }
  for (const i of ws.incidents) {
    const where = `incident ${i.id}`
    for (const a of i.actorIds) if (!actors.has(a)) problems.push(`${where} names unknown actor ${a}`)
    for (const a of i.attributions) if (a.toActorId && !actors.has(a.toActorId)) problems.push(`${where} attributes to unknown actor ${a.toActorId}`)
    for (const s of citedSourceIds(i)) if (!sources.has(s)) problems.push(`${where} cites unknown source ${s}`)
  }
  const incidents = new Set(ws.incidents.map((i) => i.id))
  for (const n of ws.notes) {
    if (n.incidentId && !incidents.has(n.incidentId)) problems.push(`note ${n.id} is attached to unknown incident ${n.incidentId}`)
    for (const id of linkedIds(n.body)) if (!ids.has(id)) problems.push(`note ${n.id} links to unknown record ${id}`)
  }
  return problems
}

export async function validateWorkspace(dir: string): Promise<Validation> {
  let text: string
  try {
    text = await readFile(join(dir, WORKSPACE_FILE), 'utf8')
  } catch (err) {
    return { ok: false, problems: [`Cannot read ${join(dir, WORKSPACE_FILE)}: ${(err as Error).message}`] }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { ok: false, problems: [`${WORKSPACE_FILE} is not valid JSON: ${(err as Error).message}`] }
  }
  const outcome = migrate(raw)
  if (outcome.kind === 'newer') return { ok: false, problems: [`${WORKSPACE_FILE} has schema version ${outcome.version}; this build reads up to ${SCHEMA_VERSION}.`] }
  if (outcome.kind === 'unversioned') return { ok: false, problems: [`${WORKSPACE_FILE} has no known schemaVersion.`] }
  const parsed = WorkspaceSchema.safeParse(outcome.data)
  if (!parsed.success) return { ok: false, problems: [describeIssues(toFieldIssues(parsed.error), 20)] }
  const problems = referenceProblems(parsed.data)
  if (problems.length > 0) return { ok: false, problems }
  const warnings = outcome.kind === 'migrated' ? [`The file is at schema version ${outcome.from}; opening it in Watchfloor migrates it to ${SCHEMA_VERSION}.`] : []
  return { ok: true, workspace: parsed.data, warnings }
}
