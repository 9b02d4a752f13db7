// Drafts an incident from an article's text, offline: countries with their roles, dates at their precision, actors, types, attributions and responses, each with the sentence behind it.
import { randomUUID } from 'node:crypto'
import { countryName } from '../../../shared/countries'
import type { Actor, Attribution, Incident, IncidentResponse, IncidentType, ResponseType } from '../../../shared/domain'
import type { Evidence, GuessedSource, IntakeDraft } from '../../../shared/intake'
import {
  ATTACK_WORDS, BLAME_WORDS, CONFIDENCE_WORDS, CYBER_WORDS, DEMONYMS, HEDGE_WORDS, RESPONSE_RULES, SPEECH_WORDS,
} from './rules'
import { label, type Mention } from './mentions'
import { citer, readSentences, type DraftContext } from './sentences'
import { referenceDate, sentenceDates } from './dates'
import { ANY_RESPONSE, isQuestion, LEADING_DATELINE, nearest, PRONOUN_LEAD, SAYING } from './cues'
import { findSponsors, findVictims } from './countryRoles'
import { findActors } from './actors'
import { findAttackStart, findNexus, findTypes } from './claims'
import { guessSource, namedSource } from './sourceGuess'
import { likelyMatches } from './matches'

export { splitSentences } from './sentences'
export { datesIn } from './dates'
export { guessSource } from './sourceGuess'
export { likelyMatches } from './matches'

// ---- the draft ----

export interface ExtractOptions {
  actors: readonly Actor[]
  incidents: readonly Incident[]
  hints?: Partial<GuessedSource>
  /** "Today" when the article carries no date of its own. */
  now?: Date
}

const TYPE_TITLES: Record<IncidentType, string> = {
  wiper: 'Destructive cyberattack',
  ransomware: 'Ransomware attack',
  ddos: 'DDoS attacks',
  defacement: 'Website defacements',
  'hack-and-leak': 'Hack-and-leak operation',
  espionage: 'Cyber espionage',
  'financial-theft': 'Cyber theft',
  'physical-sabotage': 'Cyber sabotage',
  influence: 'Influence operation',
}

/** The adjective of a country ("Albanian"), for titles. */
const ADJECTIVE = new Map(Object.entries(DEMONYMS).map(([adj, code]) => [code, adj]))
/** "the United States", "the Netherlands"; other names as they are. */
function withArticle(name: string): string {
  return /^(United |Netherlands|Philippines|Czech Republic|Bahamas|Gambia)/.test(name) ? `the ${name}` : name
}

/** Drafts an incident from an article's plain text. Pure apart from fresh ids for claims. */
export function draftFromText(text: string, options: ExtractOptions): IntakeDraft {
  const now = options.now ?? new Date()
  const source = guessSource(text, options.hints, now)
  const evidence: Record<string, Evidence> = {}
  const ctx: DraftContext = { sentences: readSentences(text), cite: citer(evidence), datesFor: sentenceDates(referenceDate(source.published, now)), published: source.published }
  const { sentences, cite, datesFor } = ctx
  const publishedOrUndefined = source.published

  const found = findSponsors(ctx)
  const sponsors = found.codes
  const sponsorOf = found.bySentence
  const victims = findVictims(ctx, found)

  const actors = findActors(ctx, options.actors, sponsors)
  const actorIds = actors.ids
  const actorsIn = actors.bySentence
  const newActors = actors.proposed
  const types = findTypes(ctx)
  const start = findAttackStart(ctx)

  // Attributions: who blamed whom, with what confidence, in their words.
  const attributions: Attribution[] = []
  const strengths: number[] = []
  let lastAttributors: Mention[] = []
  for (const s of sentences) {
    const blamed = sponsorOf.get(s)
    const blamedActor = (actorsIn.get(s) ?? []).find((a) => a.kind !== 'criminal-group' && a.kind !== 'company')
    if (!blamed && !(blamedActor && BLAME_WORDS.test(s.text))) continue
    if (HEDGE_WORDS.test(s.text) && !/\b(almost certainly|likely|probably)\b/i.test(s.text)) continue
    const cue = Math.min(SPEECH_WORDS.exec(s.text)?.index ?? Infinity, BLAME_WORDS.exec(s.text)?.index ?? Infinity)
    let speakers = s.mentions.filter((m) => m.start < cue && !blamed?.has(m) && !sponsors.includes(m.code ?? ''))
    const according = /\baccording to\s+(?:the\s+)?/i.exec(s.text)
    if (according) speakers = speakers.concat(s.mentions.filter((m) => m.start >= according.index && m.start < according.index + 40 + according[0].length))
    if (speakers.length === 0 && PRONOUN_LEAD.test(s.text)) speakers = lastAttributors
    if (speakers.length === 0) continue
    lastAttributors = speakers
    const toCountry = blamed ? [...blamed][0].code : blamedActor?.country
    const conf = CONFIDENCE_WORDS.find((c) => c.re.test(s.text))
    const quoted = [...s.text.matchAll(/[“"]([^”"]{3,})[”"]/g)].map((m) => m[1])
    const dates = datesFor(s).filter((d) => (!publishedOrUndefined || d.date <= publishedOrUndefined) && nearest(d.index, SAYING, s.text) < nearest(d.index, ATTACK_WORDS, s.text))
    const seen = new Set<string>()
    // A judgement with its confidence beats a bare claim; a body sentence beats a headline; naming the actor adds.
    const strength = (conf ? 4 : 0) + (/\b(attribut\w*|sponsored|concluded|assessed|responsible|behind|blamed)\b/i.test(s.text) ? 1 : 0) + (/[.!?"”]$/.test(s.text) ? 1 : 0) + (blamedActor ? 1 : 0)
    for (const sp of speakers) {
      const who = label(sp)
      if (seen.has(who)) continue
      const earlier = attributions.findIndex((a) => a.attributor === who && a.toCountry === toCountry)
      if (earlier >= 0 && strengths[earlier] >= strength) continue
      seen.add(who)
      const basis: Attribution['basis'] = []
      if (/\b(forensic\w*|malware|code|technical|indicators?|infrastructure analysis)\b/i.test(s.text)) basis.push('technical-forensics')
      if (/\bintelligence (?:community|assessment|agencies|services)\b/i.test(s.text)) basis.push('intelligence')
      if (sp.kind === 'government' || sp.kind === 'international-org') basis.push('political-statement')
      const at = earlier >= 0 ? earlier : attributions.length
      cite(`attributions.${at}`, s)
      strengths[at] = strength
      attributions[at] = {
        id: `att-${randomUUID()}`,
        attributor: who,
        attributorKind: sp.kind,
        attributorCountry: sp.code,
        date: dates.sort((a, b) => Math.abs(a.index - cue) - Math.abs(b.index - cue))[0]?.date ?? publishedOrUndefined,
        toCountry,
        toActorId: blamedActor?.id,
        basis,
        confidence: conf?.confidence,
        likelihood: conf?.likelihood,
        statement: (quoted.length > 0 ? quoted.join(' … ') : s.text.replace(LEADING_DATELINE, '')).slice(0, 4000),
        sourceIds: [],
      }
    }
  }

  // Responses: what states and organisations did about it, each with actor, target and date.
  const responses: IncidentResponse[] = []
  const responseDated: boolean[] = []
  let lastActor: Mention | undefined
  for (const s of sentences) {
    if (isQuestion(s.text) || HEDGE_WORDS.test(s.text)) continue
    const hits: { type: ResponseType; index: number }[] = []
    for (const rule of RESPONSE_RULES) {
      const m = rule.re.exec(s.text)
      if (!m) continue
      if (rule.type === 'statement' || !hits.some((h) => h.type !== 'statement')) hits.push({ type: rule.type, index: m.index })
    }
    for (const hit of hits) {
      const sponsorHere = s.mentions.find((m) => m.code && sponsors.includes(m.code))
      const target =
        hit.type === 'technical-assistance'
          ? s.mentions.find((m) => m.code && victims.some((v) => v.country === m.code))
          : (sponsorHere ?? (hit.type === 'state-of-emergency' ? undefined : s.mentions.find((m) => m.code && m.start > hit.index && m.form !== 'org' && !victims.some((v) => v.country === m.code))))
      const notTarget = (m: Mention) => m !== target && !(target && m.code !== undefined && m.code === target.code)
      let actor = s.mentions.find((m) => m.start < hit.index && notTarget(m) && !(hit.type === 'technical-assistance' && victims.some((v) => v.country === m.code)) && !sponsors.includes(m.code ?? ''))
      if (!actor && PRONOUN_LEAD.test(s.text)) actor = lastActor
      if (!actor) actor = s.mentions.find((m) => m.start > hit.index && notTarget(m) && !sponsors.includes(m.code ?? '') && !victims.some((v) => v.country === m.code && hit.type !== 'state-of-emergency'))
      if (!actor) continue
      lastActor = actor
      const type: ResponseType = hit.type === 'statement' && actor.kind === 'international-org' ? 'alliance-statement' : hit.type
      // An attack word right after the trigger is its object ("condemned the attack on Wednesday"): the date is the response's.
      const attackText = s.text.slice(0, hit.index) + ' '.repeat(Math.min(40, s.text.length - hit.index)) + s.text.slice(hit.index + 40)
      const dated = datesFor(s).filter((d) => nearest(d.index, ANY_RESPONSE, s.text) <= nearest(d.index, ATTACK_WORDS, attackText) || !s.attack)
      const who = label(actor)
      const earlier = responses.findIndex((r) => r.actor === who && r.type === type)
      if (earlier >= 0 && (responseDated[earlier] || dated.length === 0)) continue
      const at = earlier >= 0 ? earlier : responses.length
      responseDated[at] = dated.length > 0
      const targetName = target ? label(target) : ((actorsIn.get(s) ?? [])[0]?.name ?? '')
      cite(`responses.${at}`, s)
      responses[at] = {
        id: `resp-${randomUUID()}`,
        actor: who,
        actorCountry: actor.code,
        type,
        date: dated.sort((a, b) => Math.abs(a.index - hit.index) - Math.abs(b.index - hit.index))[0]?.date ?? publishedOrUndefined,
        target: targetName,
        targetCountry: target?.code,
        description: s.text.replace(LEADING_DATELINE, '').slice(0, 4000),
        sourceIds: [],
      }
    }
  }

  const nexus = findNexus(ctx, found, actors, options.actors)

  const cyber = CYBER_WORDS.test(text)
  const isIncident = cyber && sentences.some((s) => s.attack) && (victims.length > 0 || sponsors.length > 0 || actorIds.length > 0 || newActors.length > 0)
  const reason = isIncident
    ? ''
    : !cyber
      ? 'This text is not about a cyber operation: it has no words such as cyberattack, hacking, malware, ransomware or DDoS. No incident is proposed.'
      : 'No incident is proposed: no sentence names a victim, a state held responsible or an actor of a cyberattack.'
  const victimNames = victims.map((v) => (v.sector === 'Government' && ADJECTIVE.has(v.country) ? `the ${ADJECTIVE.get(v.country)} government` : withArticle(countryName(v.country))))
  const title = isIncident ? `${types[0] ? TYPE_TITLES[types[0]] : 'Cyberattack'} on ${victimNames.length > 0 ? victimNames.join(' and ') : 'unnamed victims'}` : source.title || 'Article'
  const lead = sentences.find((s) => s.attack && s.mentions.length > 0)
  const draft: IntakeDraft['draft'] = {
    title,
    summary: isIncident ? (lead?.text ?? '') : '',
    status: 'draft',
    types: isIncident ? types : [],
    start: isIncident ? start : undefined,
    victims: isIncident ? victims : [],
    sponsorCountries: isIncident ? sponsors : [],
    actorIds: isIncident ? actorIds : [],
    nexus: isIncident ? nexus : 'unknown',
    attributions: isIncident ? attributions : [],
    responses: isIncident ? responses : [],
    sourceIds: [],
  }
  const kept = isIncident ? evidence : {}
  return {
    isIncident,
    reason,
    draft,
    evidence: kept,
    newActors: isIncident ? newActors : [],
    matches: isIncident ? likelyMatches(draft, options.incidents) : [],
    source: namedSource(source),
    text,
  }
}

