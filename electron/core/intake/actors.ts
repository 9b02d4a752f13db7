// The actors an article names: the workspace's own, by name or alias, and new names it gives (APT-style codenames, ransomware gangs, self-styled personas), each with its sentence.
import type { Actor } from '../../../shared/domain'
import type { ProposedActor } from '../../../shared/intake'
import { CRIMINAL } from './cues'
import { isLexiconName, knownActors } from './mentions'
import { BLAME_WORDS } from './rules'
import type { DraftContext, Sentence } from './sentences'

/** The workspace's actors the article names (ids in the order found, and per sentence), and the new ones it proposes. */
export interface ArticleActors {
  ids: string[]
  bySentence: Map<Sentence, Actor[]>
  proposed: ProposedActor[]
}

const CODENAME = /\b(APT ?\d{1,3}|DEV-\d{4}|UNC\d{3,5}|TA\d{3,4}|FIN\d{1,2}|Storm-\d{4})\b/g
const NAMED_GROUP = /\b(?:calling itself|calls itself|known as|dubbed|named|persona|group|gang)\s+[“"]?((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,3})[”"]?/g
const GANG = /\b(?:the\s+)?([A-Z][\w-]+)\s+ransomware\s+(?:gang|group|operation|crew)\b/g

/** Known actors in every sentence (cites `actorIds.N`), and new names in attack or blaming sentences (cites `newActors.N`); a new state-backed group's country is the first sponsor. */
export function findActors(ctx: DraftContext, workspaceActors: readonly Actor[], sponsors: readonly string[]): ArticleActors {
  const out: ArticleActors = { ids: [], bySentence: new Map(), proposed: [] }
  const known = knownActors(workspaceActors)
  const taken = known.names
  for (const s of ctx.sentences) {
    const found = known.find(s.text)
    out.bySentence.set(s, found)
    for (const a of found) {
      if (!out.ids.includes(a.id)) {
        ctx.cite(`actorIds.${out.ids.length}`, s)
        out.ids.push(a.id)
      }
    }
    if (!s.attack && !BLAME_WORDS.test(s.text)) continue
    for (const n of newNamesIn(s.text)) {
      if (taken.has(n.name.toLowerCase()) || isLexiconName(n.name)) continue
      taken.add(n.name.toLowerCase())
      ctx.cite(`newActors.${out.proposed.length}`, s)
      out.proposed.push({ name: n.name, kind: n.kind, country: n.kind === 'criminal-group' ? undefined : sponsors[0] })
    }
  }
  return out
}

/** Names a sentence gives an actor, with the kind the words suggest: codenames are state-sponsored, "X ransomware gang" criminal, a self-styled name a persona unless the sentence speaks of crime. */
function newNamesIn(text: string): { name: string; kind: ProposedActor['kind'] }[] {
  const names: { name: string; kind: ProposedActor['kind'] }[] = []
  for (const m of text.matchAll(CODENAME)) names.push({ name: m[1], kind: 'state-sponsored-group' })
  for (const m of text.matchAll(GANG)) names.push({ name: m[1], kind: 'criminal-group' })
  for (const m of text.matchAll(NAMED_GROUP)) if (!isLexiconName(m[1]) && !/^(The|A|An|In|On)$/.test(m[1])) names.push({ name: m[1], kind: CRIMINAL.test(text) ? 'criminal-group' : 'hacktivist-persona' })
  return names
}
