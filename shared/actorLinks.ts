// Which actor a claim's free-text attributor or responder names: matching by name or alias, used by the 5 → 6 migration and the sample.
import type { Actor } from './domain'

/** A name as compared: case, accents-as-typed and runs of white space ignored. */
export function actorKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')
}

/** Looks actors up by name or alias; a key two actors share names neither (never a guess between them). */
export interface ActorNameIndex {
  find(text: string): string | undefined
}

/** Indexes `actors` by every name and alias (see `actorKey`). */
export function indexActorNames(actors: readonly Pick<Actor, 'id' | 'name' | 'aliases'>[]): ActorNameIndex {
  const ids = new Map<string, Set<string>>()
  for (const a of actors) {
    for (const n of [a.name, ...(a.aliases ?? [])]) {
      if (typeof n !== 'string') continue
      const key = actorKey(n)
      if (!key) continue
      const set = ids.get(key) ?? new Set<string>()
      set.add(a.id)
      ids.set(key, set)
    }
  }
  return {
    find(text) {
      const found = ids.get(actorKey(text))
      return found && found.size === 1 ? [...found][0] : undefined
    },
  }
}

interface RawClaim {
  attributor?: unknown
  attributorActorId?: unknown
  actor?: unknown
  actorId?: unknown
}

/**
 * Links each attribution's attributor and each response's responder to the one actor whose name or
 * alias it is, in place; claims already linked, unmatched or matching two actors are left as they are.
 * Works on unvalidated file content (anything not shaped like a workspace is skipped). Returns how many claims it linked.
 */
export function linkClaimsToActors(data: { incidents?: unknown; actors?: unknown }): number {
  if (!Array.isArray(data.incidents) || !Array.isArray(data.actors)) return 0
  const actors = (data.actors as unknown[]).filter(
    (a): a is Pick<Actor, 'id' | 'name' | 'aliases'> => typeof a === 'object' && a !== null && typeof (a as Actor).id === 'string' && typeof (a as Actor).name === 'string',
  )
  const index = indexActorNames(actors.map((a) => ({ id: a.id, name: a.name, aliases: Array.isArray(a.aliases) ? a.aliases : [] })))
  let linked = 0
  const link = (claims: unknown, text: 'attributor' | 'actor', ref: 'attributorActorId' | 'actorId') => {
    if (!Array.isArray(claims)) return
    for (const c of claims as RawClaim[]) {
      if (typeof c !== 'object' || c === null || c[ref] !== undefined || typeof c[text] !== 'string') continue
      const id = index.find(c[text] as string)
      if (id) {
        c[ref] = id
        linked++
      }
    }
  }
  for (const i of data.incidents as { attributions?: unknown; responses?: unknown }[]) {
    if (typeof i !== 'object' || i === null) continue
    link(i.attributions, 'attributor', 'attributorActorId')
    link(i.responses, 'actor', 'actorId')
  }
  return linked
}
