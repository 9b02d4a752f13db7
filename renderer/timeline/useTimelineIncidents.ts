// The incidents the timeline draws: the app-wide filter minus its date window, which the timeline shows as its brush instead.
import { useMemo } from 'react'
import type { Actor, Incident } from '../../shared/domain'
import { compileFilter, searchableText } from '../../shared/filter'
import { useApp } from '../state/store'

const textCache = new WeakMap<Incident, string>()

export function useTimelineIncidents(): { incidents: Incident[]; actors: ReadonlyMap<string, Actor> } {
  const all = useApp((s) => s.incidents)
  const actorList = useApp((s) => s.actors)
  const text = useApp((s) => s.filter.text)
  const victim = useApp((s) => s.filter.victim)
  const sponsor = useApp((s) => s.filter.sponsor)
  const type = useApp((s) => s.filter.type)
  const nexus = useApp((s) => s.filter.nexus)
  const actors = useMemo(() => new Map<string, Actor>(actorList.map((a) => [a.id, a])), [actorList])
  const incidents = useMemo(() => {
    const test = compileFilter({ text, victim, sponsor, type, nexus, from: null, to: null })
    const textOf = (i: Incident) => {
      let t = textCache.get(i)
      if (t === undefined) textCache.set(i, (t = searchableText(i, actors)))
      return t
    }
    return all.filter((i) => test(i, textOf))
  }, [all, actors, text, victim, sponsor, type, nexus])
  return { incidents, actors }
}
