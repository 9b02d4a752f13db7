// Referential integrity of a workspace, in one place: the rules every write path, the store's open and `watchfloor validate` apply, and the repair that makes a workspace pass them.
import type { Incident, Note } from './domain'
import type { FieldIssue } from './result'
import { linkedIds } from './wikiLinks'
import type { Workspace } from './workspace'

export const COLLECTIONS = ['incidents', 'actors', 'sources', 'notes', 'reports'] as const
export type Collection = (typeof COLLECTIONS)[number]

/** What a record may refer to: every id in the workspace with its collection. */
export interface RecordIndex {
  ids: ReadonlyMap<string, Collection>
}

/** Indexes every record id of `ws` (the first record wins for a duplicated id). */
export function indexRecords(ws: Pick<Workspace, Collection>): RecordIndex {
  const ids = new Map<string, Collection>()
  for (const c of COLLECTIONS) for (const r of ws[c]) if (!ids.has(r.id)) ids.set(r.id, c)
  return { ids }
}

const is = (index: RecordIndex, id: string, c: Collection) => index.ids.get(id) === c

type IncidentFields = Pick<Incident, 'actorIds' | 'sourceIds' | 'attributions' | 'responses'>

/** Problems in what an incident refers to, as field issues (`attributions.2.sourceIds.0`). */
export function incidentIssues(index: RecordIndex, incident: IncidentFields): FieldIssue[] {
  const issues: FieldIssue[] = []
  const source = (ids: string[], path: string) => ids.forEach((id, n) => is(index, id, 'sources') || issues.push({ path: `${path}.${n}`, message: `Unknown source ${id}` }))
  incident.actorIds.forEach((id, n) => is(index, id, 'actors') || issues.push({ path: `actorIds.${n}`, message: `Unknown actor ${id}` }))
  source(incident.sourceIds, 'sourceIds')
  const claimIds = new Set<string>()
  const uniqueClaim = (id: string, path: string) => {
    if (claimIds.has(id)) issues.push({ path: `${path}.id`, message: `Duplicate id ${id} within the incident` })
    claimIds.add(id)
  }
  incident.attributions.forEach((a, n) => {
    uniqueClaim(a.id, `attributions.${n}`)
    if (a.toActorId && !is(index, a.toActorId, 'actors')) issues.push({ path: `attributions.${n}.toActorId`, message: `Unknown actor ${a.toActorId}` })
    if (a.attributorActorId && !is(index, a.attributorActorId, 'actors')) issues.push({ path: `attributions.${n}.attributorActorId`, message: `Unknown actor ${a.attributorActorId}` })
    source(a.sourceIds, `attributions.${n}.sourceIds`)
  })
  incident.responses.forEach((r, n) => {
    uniqueClaim(r.id, `responses.${n}`)
    if (r.actorId && !is(index, r.actorId, 'actors')) issues.push({ path: `responses.${n}.actorId`, message: `Unknown actor ${r.actorId}` })
    source(r.sourceIds, `responses.${n}.sourceIds`)
  })
  return issues
}

/**
 * Problems in what a note refers to: its incident. A `[[link]]` to no record is not one: the note
 * saves and shows the link as broken (see `brokenLinks`) until it is relinked or removed.
 */
export function noteIssues(index: RecordIndex, note: Pick<Note, 'incidentId' | 'body'> & { id?: string }): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (note.incidentId && !is(index, note.incidentId, 'incidents')) issues.push({ path: 'incidentId', message: `Unknown incident ${note.incidentId}` })
  return issues
}

/** Ids the note's `[[links]]` name that are no record of the workspace (a link to itself is fine), each once. */
export function brokenLinks(index: RecordIndex, note: Pick<Note, 'body'> & { id?: string }): string[] {
  return linkedIds(note.body).filter((id) => !index.ids.has(id) && id !== note.id)
}

/** A record's reference problems, for whichever collection it belongs to. */
export function recordIssues(index: RecordIndex, collection: Collection, record: object): FieldIssue[] {
  if (collection === 'incidents') return incidentIssues(index, record as IncidentFields)
  if (collection === 'notes') return noteIssues(index, record as Note)
  return []
}

/** True when an incident's actor and source ids all resolve and it holds no claims: such an incident has no reference problem, and nothing is built to say so. */
function plainIncidentResolves(index: RecordIndex, incident: IncidentFields): boolean {
  if (incident.attributions.length > 0 || incident.responses.length > 0) return false
  for (const id of incident.actorIds) if (!is(index, id, 'actors')) return false
  for (const id of incident.sourceIds) if (!is(index, id, 'sources')) return false
  return true
}

/** Every integrity problem of a workspace, in words naming the record: duplicate ids (across all record types), dangling references. */
export function integrityProblems(ws: Pick<Workspace, Collection>): string[] {
  const index = indexRecords(ws)
  const problems: string[] = []
  // The index keeps one entry per id: when it holds as many as there are records, no id is duplicated.
  let records = 0
  for (const c of COLLECTIONS) records += ws[c].length
  const seen = index.ids.size === records ? null : new Set<string>()
  for (const c of COLLECTIONS) {
    const noun = c.slice(0, -1)
    for (const r of ws[c]) {
      if (seen) {
        if (seen.has(r.id)) problems.push(`Duplicate id ${r.id} (${index.ids.get(r.id)} and ${c})`)
        seen.add(r.id)
      }
      if (c === 'incidents' && plainIncidentResolves(index, r as IncidentFields)) continue
      for (const issue of recordIssues(index, c, r)) problems.push(`${noun} ${r.id}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
    }
  }
  return problems
}

/**
 * Makes a workspace pass `integrityProblems`, keeping as much as it can: a record whose id is
 * taken gets a new one, a duplicate claim id within an incident gets a new one, a dangling
 * reference is dropped and a note attached to a missing incident is detached (a broken `[[link]]`
 * is left for the analyst to relink). Returns the repaired copy and what was done, in words.
 */
export function repairWorkspace<W extends Pick<Workspace, Collection>>(ws: W, newId: (prefix: string) => string): { workspace: W; fixes: string[] } {
  const out = JSON.parse(JSON.stringify(ws)) as W
  const fixes: string[] = []
  const seen = new Set<string>()
  for (const c of COLLECTIONS) {
    for (const r of out[c] as { id: string }[]) {
      if (seen.has(r.id)) {
        const old = r.id
        r.id = newId(old.split('-')[0] || c)
        fixes.push(`Gave the second record with id ${old} (in ${c}) the new id ${r.id}`)
      }
      seen.add(r.id)
    }
  }
  const index = indexRecords(out)
  const keep = (ids: string[], c: Collection, where: string) =>
    ids.filter((id) => {
      if (is(index, id, c)) return true
      fixes.push(`Removed the reference to missing ${c.slice(0, -1)} ${id} from ${where}`)
      return false
    })
  for (const i of out.incidents) {
    const where = `incident “${i.title}”`
    i.actorIds = keep(i.actorIds, 'actors', where)
    i.sourceIds = keep(i.sourceIds, 'sources', where)
    const claimIds = new Set<string>()
    for (const claim of [...i.attributions, ...i.responses]) {
      if (claimIds.has(claim.id)) {
        const old = claim.id
        claim.id = newId(old.split('-')[0] || 'claim')
        fixes.push(`Gave a second claim with id ${old} in ${where} the new id ${claim.id}`)
      }
      claimIds.add(claim.id)
      claim.sourceIds = keep(claim.sourceIds, 'sources', where)
    }
    for (const a of i.attributions) {
      if (a.toActorId && !is(index, a.toActorId, 'actors')) {
        fixes.push(`Removed the reference to missing actor ${a.toActorId} from an attribution of ${where}`)
        delete a.toActorId
      }
      if (a.attributorActorId && !is(index, a.attributorActorId, 'actors')) {
        fixes.push(`Unlinked the attribution by “${a.attributor}” of ${where} from missing actor ${a.attributorActorId}, keeping its text`)
        delete a.attributorActorId
      }
    }
    for (const r of i.responses) {
      if (r.actorId && !is(index, r.actorId, 'actors')) {
        fixes.push(`Unlinked the response by “${r.actor}” of ${where} from missing actor ${r.actorId}, keeping its text`)
        delete r.actorId
      }
    }
  }
  for (const n of out.notes) {
    if (n.incidentId && !is(index, n.incidentId, 'incidents')) {
      fixes.push(`Detached note “${n.title}” from missing incident ${n.incidentId}`)
      delete n.incidentId
    }
  }
  return { workspace: out, fixes }
}
