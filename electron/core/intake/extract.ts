// Drafts an incident from an article's text, offline: countries with their roles, dates at their precision, actors, types, attributions and responses, each with the sentence behind it.
import { randomUUID } from 'node:crypto'
import { countryName } from '../../../shared/countries'
import type { Actor, Attribution, Incident, IncidentResponse, IncidentType, ResponseType } from '../../../shared/domain'
import type { Evidence, GuessedSource, IntakeDraft, ProposedActor } from '../../../shared/intake'
import {
  ATTACK_WORDS, BLAME_WORDS, CONFIDENCE_WORDS, CYBER_WORDS, DEMONYMS, HEDGE_WORDS, RESPONSE_RULES, SPEECH_WORDS, TYPE_WORDS,
} from './rules'
import { isLexiconName, knownActors, label, type Mention } from './mentions'
import { citer, readSentences, type DraftContext, type Sentence } from './sentences'
import { referenceDate, sentenceDates } from './dates'
import { ANY_RESPONSE, CRIMINAL, isQuestion, LEADING_DATELINE, nearest, PRONOUN_LEAD, SAYING } from './cues'
import { findSponsors, findVictims } from './countryRoles'
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
const CODENAME = /\b(APT ?\d{1,3}|DEV-\d{4}|UNC\d{3,5}|TA\d{3,4}|FIN\d{1,2}|Storm-\d{4})\b/g
const NAMED_GROUP = /\b(?:calling itself|calls itself|known as|dubbed|named|persona|group|gang)\s+[“"]?((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,3})[”"]?/g
const GANG = /\b(?:the\s+)?([A-Z][\w-]+)\s+ransomware\s+(?:gang|group|operation|crew)\b/g
const STATE_WORDS = /\b(state[- ]sponsored|state[- ]backed|nation[- ]state|state[- ]linked)\b/i

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

  // Actors the workspace knows, by name or alias; and new names the article gives.
  const actorIds: string[] = []
  const known = knownActors(options.actors)
  const actorsIn = new Map<Sentence, Actor[]>()
  const newActors: ProposedActor[] = []
  const taken = known.names
  for (const s of sentences) {
    const found = known.find(s.text)
    actorsIn.set(s, found)
    for (const a of found) {
      if (!actorIds.includes(a.id)) {
        cite(`actorIds.${actorIds.length}`, s)
        actorIds.push(a.id)
      }
    }
    if (!s.attack && !BLAME_WORDS.test(s.text)) continue
    const names: { name: string; kind: ProposedActor['kind'] }[] = []
    for (const m of s.text.matchAll(CODENAME)) names.push({ name: m[1], kind: 'state-sponsored-group' })
    for (const m of s.text.matchAll(GANG)) names.push({ name: m[1], kind: 'criminal-group' })
    for (const m of s.text.matchAll(NAMED_GROUP)) if (!isLexiconName(m[1]) && !/^(The|A|An|In|On)$/.test(m[1])) names.push({ name: m[1], kind: CRIMINAL.test(s.text) ? 'criminal-group' : 'hacktivist-persona' })
    for (const n of names) {
      if (taken.has(n.name.toLowerCase()) || isLexiconName(n.name)) continue
      taken.add(n.name.toLowerCase())
      cite(`newActors.${newActors.length}`, s)
      newActors.push({ name: n.name, kind: n.kind, country: n.kind === 'criminal-group' ? undefined : sponsors[0] })
    }
  }

  // Incident types from the vocabulary, in attack sentences.
  const types: IncidentType[] = []
  for (const s of sentences) {
    for (const { type, re } of TYPE_WORDS) {
      const m = re.exec(s.text)
      if (!m || types.includes(type) || /\b(?:disguised as|posing as|masquerad\w* as)\s+$/i.test(s.text.slice(Math.max(0, m.index - 20), m.index))) continue
      if (s.attack || type === 'ransomware' || type === 'ddos') {
        cite(`types.${types.length}`, s)
        types.push(type)
      }
    }
  }

  // The attack's date: the earliest date written next to an attack word rather than next to a response.
  let start: string | undefined
  let startSentence: Sentence | undefined
  for (const s of sentences) {
    if (!s.attack || HEDGE_WORDS.test(s.text) || isQuestion(s.text)) continue
    for (const d of datesFor(s)) {
      const toAttack = nearest(d.index, ATTACK_WORDS, s.text)
      if (toAttack > 80 || nearest(d.index, ANY_RESPONSE, s.text) < toAttack || nearest(d.index, SAYING, s.text) < toAttack) continue
      if (publishedOrUndefined && d.date > publishedOrUndefined) continue
      // The first attack date in the article wins; a later one only makes it more precise (July → 15 July).
      if (!start || (d.date.startsWith(start) && d.date.length > start.length)) {
        start = d.date
        startSentence = s
      }
    }
  }
  if (startSentence) cite('start', startSentence)

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

  // State-linked, criminal or unknown.
  let nexus: IncidentDraftNexus = 'unknown'
  const stateSentence = sentences.find((s) => STATE_WORDS.test(s.text) && s.attack)
  const criminalActor = options.actors.find((a) => actorIds.includes(a.id) && a.kind === 'criminal-group')
  const criminalSentence = sentences.find((s) => s.attack && CRIMINAL.test(s.text))
  if (sponsors.length > 0 || stateSentence) {
    nexus = 'state-linked'
    const s = stateSentence ?? [...sponsorOf.keys()][0]
    if (s) cite('nexus', s)
  } else if (criminalActor || criminalSentence || newActors.some((a) => a.kind === 'criminal-group')) {
    nexus = 'criminal'
    const s = criminalSentence ?? sentences.find((x) => (actorsIn.get(x) ?? []).some((a) => a.id === criminalActor?.id))
    if (s) cite('nexus', s)
  }

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

type IncidentDraftNexus = 'state-linked' | 'criminal' | 'unknown'
