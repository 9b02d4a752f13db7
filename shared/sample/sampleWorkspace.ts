// The sample workspace: public-record cases of state-linked cyber operations, written for this app.
// Every record is flagged `sample: true` so the UI can label it and the analyst can clear it.
import { blankIncident, type Actor, type Attribution, type Incident, type IncidentResponse, type Source } from '../domain'
import { linkClaimsToActors } from '../actorLinks'
import { SCHEMA_VERSION, type Workspace } from '../workspace'
import { ACTORS } from './sampleActors'
import { INCIDENTS } from './sampleIncidents'
import { sampleReports } from './sampleReports'
import { SOURCES } from './sampleSources'
import type { ActorSeed, AttributionSeed, IncidentSeed, ResponseSeed, SourceSeed, Stamp } from './seeds'

const DEFAULT_NOW = '2026-01-01T00:00:00.000Z'
const SAMPLE_NOTE = 'Sample record: a short illustration drawn from public reporting. Check the cited sources before relying on it.'

const att = (a: AttributionSeed): Attribution => ({ basis: [], statement: '', sourceIds: [], ...a })
const resp = (r: ResponseSeed): IncidentResponse => ({ target: '', description: '', sourceIds: [], ...r })

function incident(seed: IncidentSeed, stamp: Stamp): Incident {
  const { attributions = [], responses = [], summary, ...rest } = seed
  return {
    ...blankIncident(),
    status: 'confirmed',
    ...rest,
    summary: `${summary}\n\n${SAMPLE_NOTE}`,
    attributions: attributions.map(att),
    responses: responses.map(resp),
    sample: true,
    ...stamp,
  }
}

function actor(seed: ActorSeed, stamp: Stamp): Actor {
  const { description = '', ...rest } = seed
  return { aliases: [], ...rest, description: description ? `${description}\n\n${SAMPLE_NOTE}` : SAMPLE_NOTE, sample: true, ...stamp }
}

function source(seed: SourceSeed, stamp: Stamp): Source {
  return { url: '', reliability: 'F', credibility: '6', ...seed, sample: true, ...stamp }
}

/** The sample workspace, with every record flagged `sample: true` and stamped with `now`. */
export function sampleWorkspace(now: string = DEFAULT_NOW): Workspace {
  const stamp: Stamp = { createdAt: now, updatedAt: now }
  // A deep copy: the seeds' arrays must never be shared by two workspaces.
  const workspace: Workspace = {
    schemaVersion: SCHEMA_VERSION,
    name: 'Sample workspace — state-linked cyber operations',
    createdAt: now,
    sample: true,
    incidents: INCIDENTS.map((i) => incident(i, stamp)),
    actors: ACTORS.map((a) => actor(a, stamp)),
    sources: SOURCES.map((s) => source(s, stamp)),
    notes: [],
    reports: sampleReports(now),
    foreign: [],
  }
  // Claims link to the actor their label names, as a migrated workspace's would.
  linkClaimsToActors(workspace)
  return JSON.parse(JSON.stringify(workspace)) as Workspace
}
