// The shapes the sample workspace's records are written in: each record's own facts, with the defaults and stamps filled in by sampleWorkspace.ts.
import type { Actor, Attribution, Incident, IncidentResponse, Source } from '../domain'

export type Stamp = { createdAt: string; updatedAt: string }
type Req<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>
export type AttributionSeed = Req<Attribution, 'id' | 'attributor' | 'attributorKind'>
export type ResponseSeed = Req<IncidentResponse, 'id' | 'actor' | 'type'>
export type IncidentSeed = Req<Omit<Incident, 'createdAt' | 'updatedAt' | 'attributions' | 'responses'>, 'id' | 'title' | 'summary'> & {
  attributions?: AttributionSeed[]
  responses?: ResponseSeed[]
}
export type ActorSeed = Req<Omit<Actor, 'createdAt' | 'updatedAt'>, 'id' | 'name' | 'kind'>
export type SourceSeed = Req<Omit<Source, 'createdAt' | 'updatedAt'>, 'id' | 'title' | 'publisher'>
