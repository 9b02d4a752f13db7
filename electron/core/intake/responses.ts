// Responses an article reports: what states and organisations did about the operation (sanctions, expulsions, statements…), each with its actor, target and date.
import { randomUUID } from 'node:crypto'
import type { IncidentResponse, ResponseType } from '../../../shared/domain'
import type { ArticleActors } from './actors'
import type { Victim } from './countryRoles'
import { ANY_RESPONSE, isQuestion, LEADING_DATELINE, nearest, PRONOUN_LEAD } from './cues'
import { closestDate, type FoundDate } from './dates'
import { label, type Mention } from './mentions'
import { ATTACK_WORDS, HEDGE_WORDS, RESPONSE_RULES } from './rules'
import type { DraftContext, Sentence } from './sentences'

/** A response's trigger word in a sentence: its type and where it stands. */
interface Trigger {
  type: ResponseType
  index: number
}

/** Whom a response step reads against: the sponsor countries and the victims. */
interface Parties {
  sponsors: readonly string[]
  victims: readonly Victim[]
}

/** The responses in the order first reported; a dated sentence replaces an undated one by the same actor of the same type. A sentence led by a pronoun keeps the last actor. Cites `responses.N`. */
export function findResponses(ctx: DraftContext, parties: Parties, actors: ArticleActors): IncidentResponse[] {
  const responses: IncidentResponse[] = []
  const responseDated: boolean[] = []
  let lastActor: Mention | undefined
  for (const s of ctx.sentences) {
    if (isQuestion(s.text) || HEDGE_WORDS.test(s.text)) continue
    for (const hit of triggersIn(s.text)) {
      const target = targetOf(s, hit, parties)
      const actor = actorOf(s, hit, target, parties, lastActor)
      if (!actor) continue
      lastActor = actor
      const type: ResponseType = hit.type === 'statement' && actor.kind === 'international-org' ? 'alliance-statement' : hit.type
      const dated = responseDates(ctx, s, hit)
      const who = label(actor)
      const earlier = responses.findIndex((r) => r.actor === who && r.type === type)
      if (earlier >= 0 && (responseDated[earlier] || dated.length === 0)) continue
      const at = earlier >= 0 ? earlier : responses.length
      responseDated[at] = dated.length > 0
      ctx.cite(`responses.${at}`, s)
      responses[at] = {
        id: `resp-${randomUUID()}`,
        actor: who,
        actorCountry: actor.code,
        type,
        date: closestDate(dated, hit.index) ?? ctx.published,
        target: target ? label(target) : ((actors.bySentence.get(s) ?? [])[0]?.name ?? ''),
        targetCountry: target?.code,
        description: s.text.replace(LEADING_DATELINE, '').slice(0, 4000),
        sourceIds: [],
      }
    }
  }
  return responses
}

/** The response words in a sentence: the first non-statement rule that fits, and every statement. */
function triggersIn(text: string): Trigger[] {
  const hits: Trigger[] = []
  for (const rule of RESPONSE_RULES) {
    const m = rule.re.exec(text)
    if (!m) continue
    if (rule.type === 'statement' || !hits.some((h) => h.type !== 'statement')) hits.push({ type: rule.type, index: m.index })
  }
  return hits
}

const isVictim = (m: Mention, victims: readonly Victim[]) => victims.some((v) => v.country === m.code)

/** Whom a response is aimed at: for help, the victim; for a state of emergency, a sponsor if named; otherwise a sponsor named, else the first country after the trigger that is no victim. */
function targetOf(s: Sentence, hit: Trigger, { sponsors, victims }: Parties): Mention | undefined {
  if (hit.type === 'technical-assistance') return s.mentions.find((m) => m.code && isVictim(m, victims))
  const sponsorHere = s.mentions.find((m) => m.code && sponsors.includes(m.code))
  return sponsorHere ?? (hit.type === 'state-of-emergency' ? undefined : s.mentions.find((m) => m.code && m.start > hit.index && m.form !== 'org' && !isVictim(m, victims)))
}

/** Who responds: a name before the trigger that is neither target nor sponsor (nor, for help, a victim); else the last actor when a pronoun leads; else such a name after the trigger. */
function actorOf(s: Sentence, hit: Trigger, target: Mention | undefined, { sponsors, victims }: Parties, lastActor: Mention | undefined): Mention | undefined {
  const notTarget = (m: Mention) => m !== target && !(target && m.code !== undefined && m.code === target.code)
  const before = s.mentions.find((m) => m.start < hit.index && notTarget(m) && !(hit.type === 'technical-assistance' && isVictim(m, victims)) && !sponsors.includes(m.code ?? ''))
  if (before) return before
  if (lastActor && PRONOUN_LEAD.test(s.text)) return lastActor
  return s.mentions.find((m) => m.start > hit.index && notTarget(m) && !sponsors.includes(m.code ?? '') && !(isVictim(m, victims) && hit.type !== 'state-of-emergency'))
}

/** The dates in a sentence that belong to a response: nearer a response word than an attack word, or any date when the sentence is not about an attack. */
function responseDates(ctx: DraftContext, s: Sentence, hit: Trigger): FoundDate[] {
  // An attack word right after the trigger is its object ("condemned the attack on Wednesday"): the date is the response's.
  const attackText = s.text.slice(0, hit.index) + ' '.repeat(Math.min(40, s.text.length - hit.index)) + s.text.slice(hit.index + 40)
  return ctx.datesFor(s).filter((d) => nearest(d.index, ANY_RESPONSE, s.text) <= nearest(d.index, ATTACK_WORDS, attackText) || !s.attack)
}
