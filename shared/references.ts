// What a record refers to: the one definition of which sources an incident cites.
import type { Incident } from './domain'

type Citing = Pick<Incident, 'sourceIds' | 'attributions' | 'responses'>

/** Every source id the incident cites — on itself, its attributions and its responses — each once, in that order. */
export function citedSourceIds(incident: Citing): string[] {
  return [...new Set([...incident.sourceIds, ...incident.attributions.flatMap((a) => a.sourceIds), ...incident.responses.flatMap((r) => r.sourceIds)])]
}

/** True when the incident cites source `id` anywhere. */
export function citesSource(incident: Citing, id: string): boolean {
  return citedSourceIds(incident).includes(id)
}
