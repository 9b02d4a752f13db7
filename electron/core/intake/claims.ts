// What the article says of the incident itself: its types, the attack's date, and whether it was state-linked or criminal, each with its sentence.
import type { Actor, IncidentType } from '../../../shared/domain'
import type { ArticleActors } from './actors'
import type { Sponsors } from './countryRoles'
import { ANY_RESPONSE, CRIMINAL, isQuestion, nearest, SAYING } from './cues'
import { ATTACK_WORDS, HEDGE_WORDS, TYPE_WORDS } from './rules'
import type { DraftContext, Sentence } from './sentences'

/** Who stands behind the operation, as the draft's nexus field says it. */
export type Nexus = 'state-linked' | 'criminal' | 'unknown'

const STATE_WORDS = /\b(state[- ]sponsored|state[- ]backed|nation[- ]state|state[- ]linked)\b/i

/** Incident types from the vocabulary, in attack sentences (ransomware and DDoS anywhere), not where the word is a disguise; cites `types.N`. */
export function findTypes(ctx: DraftContext): IncidentType[] {
  const types: IncidentType[] = []
  for (const s of ctx.sentences) {
    for (const { type, re } of TYPE_WORDS) {
      const m = re.exec(s.text)
      if (!m || types.includes(type) || /\b(?:disguised as|posing as|masquerad\w* as)\s+$/i.test(s.text.slice(Math.max(0, m.index - 20), m.index))) continue
      if (s.attack || type === 'ransomware' || type === 'ddos') {
        ctx.cite(`types.${types.length}`, s)
        types.push(type)
      }
    }
  }
  return types
}

/** The attack's date: the earliest date written next to an attack word rather than next to a response or a saying, never after the article; cites `start`. */
export function findAttackStart(ctx: DraftContext): string | undefined {
  let start: string | undefined
  let startSentence: Sentence | undefined
  for (const s of ctx.sentences) {
    if (!s.attack || HEDGE_WORDS.test(s.text) || isQuestion(s.text)) continue
    for (const d of ctx.datesFor(s)) {
      const toAttack = nearest(d.index, ATTACK_WORDS, s.text)
      if (toAttack > 80 || nearest(d.index, ANY_RESPONSE, s.text) < toAttack || nearest(d.index, SAYING, s.text) < toAttack) continue
      if (ctx.published && d.date > ctx.published) continue
      // The first attack date in the article wins; a later one only makes it more precise (July → 15 July).
      if (!start || (d.date.startsWith(start) && d.date.length > start.length)) {
        start = d.date
        startSentence = s
      }
    }
  }
  if (startSentence) ctx.cite('start', startSentence)
  return start
}

/** State-linked when a sponsor is blamed or an attack sentence says state-backed; else criminal when a criminal actor or words of crime appear; else unknown. Cites `nexus`. */
export function findNexus(ctx: DraftContext, sponsors: Sponsors, actors: ArticleActors, workspaceActors: readonly Actor[]): Nexus {
  const stateSentence = ctx.sentences.find((s) => STATE_WORDS.test(s.text) && s.attack)
  const criminalActor = workspaceActors.find((a) => actors.ids.includes(a.id) && a.kind === 'criminal-group')
  const criminalSentence = ctx.sentences.find((s) => s.attack && CRIMINAL.test(s.text))
  if (sponsors.codes.length > 0 || stateSentence) {
    const s = stateSentence ?? [...sponsors.bySentence.keys()][0]
    if (s) ctx.cite('nexus', s)
    return 'state-linked'
  }
  if (criminalActor || criminalSentence || actors.proposed.some((a) => a.kind === 'criminal-group')) {
    const s = criminalSentence ?? ctx.sentences.find((x) => (actors.bySentence.get(x) ?? []).some((a) => a.id === criminalActor?.id))
    if (s) ctx.cite('nexus', s)
    return 'criminal'
  }
  return 'unknown'
}
