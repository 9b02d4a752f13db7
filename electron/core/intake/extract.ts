// Drafts an incident from an article's text, offline: runs the steps (source, sentences and names, country roles, actors, types and dates, attributions, responses, nexus, matches; each in its own module) and assembles the draft with the sentence behind every field.
import { countryName } from '../../../shared/countries'
import type { Actor, Incident, IncidentType } from '../../../shared/domain'
import type { Evidence, GuessedSource, IntakeDraft } from '../../../shared/intake'
import { findActors } from './actors'
import { findAttributions } from './attributions'
import { findAttackStart, findNexus, findTypes } from './claims'
import { findSponsors, findVictims, type Victim } from './countryRoles'
import { referenceDate, sentenceDates } from './dates'
import { likelyMatches } from './matches'
import { findResponses } from './responses'
import { CYBER_WORDS, DEMONYMS } from './rules'
import { citer, readSentences, type DraftContext, type Sentence } from './sentences'
import { guessSource, namedSource } from './sourceGuess'

export { datesIn } from './dates'
export { likelyMatches } from './matches'
export { splitSentences } from './sentences'
export { guessSource } from './sourceGuess'

/** What a draft is read against: the workspace's actors and incidents, the page's own metadata, and today. */
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

/** Drafts an incident from an article's plain text. Pure apart from fresh ids for claims. */
export function draftFromText(text: string, options: ExtractOptions): IntakeDraft {
  const now = options.now ?? new Date()
  const source = guessSource(text, options.hints, now)
  const evidence: Record<string, Evidence> = {}
  const ctx: DraftContext = { sentences: readSentences(text), cite: citer(evidence), datesFor: sentenceDates(referenceDate(source.published, now)), published: source.published }
  // In this order: later steps read what earlier ones found, and the evidence keys come out in it.
  const sponsors = findSponsors(ctx)
  const victims = findVictims(ctx, sponsors)
  const actors = findActors(ctx, options.actors, sponsors.codes)
  const types = findTypes(ctx)
  const start = findAttackStart(ctx)
  const attributions = findAttributions(ctx, sponsors, actors)
  const responses = findResponses(ctx, { sponsors: sponsors.codes, victims }, actors)
  const nexus = findNexus(ctx, sponsors, actors, options.actors)
  const { isIncident, reason } = verdict(text, ctx.sentences, victims.length > 0 || sponsors.codes.length > 0 || actors.ids.length > 0 || actors.proposed.length > 0)
  const lead = ctx.sentences.find((s) => s.attack && s.mentions.length > 0)
  const draft: IntakeDraft['draft'] = {
    title: isIncident ? incidentTitle(types, victims) : source.title || 'Article',
    summary: isIncident ? (lead?.text ?? '') : '',
    status: 'draft',
    types: isIncident ? types : [],
    start: isIncident ? start : undefined,
    victims: isIncident ? victims : [],
    sponsorCountries: isIncident ? sponsors.codes : [],
    actorIds: isIncident ? actors.ids : [],
    nexus: isIncident ? nexus : 'unknown',
    attributions: isIncident ? attributions : [],
    responses: isIncident ? responses : [],
    sourceIds: [],
  }
  return {
    isIncident,
    reason,
    draft,
    evidence: isIncident ? evidence : {},
    newActors: isIncident ? actors.proposed : [],
    matches: isIncident ? likelyMatches(draft, options.incidents) : [],
    source: namedSource(source),
    text,
  }
}

/** Whether the article yields an incident (it is about computers, speaks of an attack, and names someone in it), and why not when it does not. */
function verdict(text: string, sentences: readonly Sentence[], namesAParty: boolean): { isIncident: boolean; reason: string } {
  const cyber = CYBER_WORDS.test(text)
  if (cyber && sentences.some((s) => s.attack) && namesAParty) return { isIncident: true, reason: '' }
  return {
    isIncident: false,
    reason: !cyber
      ? 'This text is not about a cyber operation: it has no words such as cyberattack, hacking, malware, ransomware or DDoS. No incident is proposed.'
      : 'No incident is proposed: no sentence names a victim, a state held responsible or an actor of a cyberattack.',
  }
}

/** "Ransomware attack on Costa Rica", "Destructive cyberattack on the Albanian government": the first type on the victims. */
function incidentTitle(types: readonly IncidentType[], victims: readonly Victim[]): string {
  const victimNames = victims.map((v) => (v.sector === 'Government' && ADJECTIVE.has(v.country) ? `the ${ADJECTIVE.get(v.country)} government` : withArticle(countryName(v.country))))
  return `${types[0] ? TYPE_TITLES[types[0]] : 'Cyberattack'} on ${victimNames.length > 0 ? victimNames.join(' and ') : 'unnamed victims'}`
}

/** "the United States", "the Netherlands"; other names as they are. */
function withArticle(name: string): string {
  return /^(United |Netherlands|Philippines|Czech Republic|Bahamas|Gambia)/.test(name) ? `the ${name}` : name
}
