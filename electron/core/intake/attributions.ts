// Attributions an article reports: who blamed which country or actor, on what basis, with what ICD 203 confidence or likelihood, when, and in whose words.
import { randomUUID } from 'node:crypto'
import type { Actor, Attribution } from '../../../shared/domain'
import type { ArticleActors } from './actors'
import type { Sponsors } from './countryRoles'
import { LEADING_DATELINE, nearest, PRONOUN_LEAD, SAYING } from './cues'
import { closestDate } from './dates'
import { label, type Mention } from './mentions'
import { ATTACK_WORDS, BLAME_WORDS, CONFIDENCE_WORDS, HEDGE_WORDS, SPEECH_WORDS } from './rules'
import type { DraftContext, Sentence } from './sentences'

/** What one sentence blames (the countries, or failing those a state-backed actor) and where its first word of saying or blaming stands. */
interface Claim {
  blamed?: Set<Mention>
  blamedActor?: Actor
  cue: number
}

/** The attributions in the order first made; a stronger sentence by the same attributor against the same country replaces an earlier one. A sentence led by a pronoun keeps the last speakers. Cites `attributions.N`. */
export function findAttributions(ctx: DraftContext, sponsors: Sponsors, actors: ArticleActors): Attribution[] {
  const made: Attribution[] = []
  const strengths: number[] = []
  let lastAttributors: Mention[] = []
  for (const s of ctx.sentences) {
    const claim = claimIn(s, sponsors, actors)
    if (!claim) continue
    let speakers = speakersOf(s, claim, sponsors.codes)
    if (speakers.length === 0 && PRONOUN_LEAD.test(s.text)) speakers = lastAttributors
    if (speakers.length === 0) continue
    lastAttributors = speakers
    recordClaim(ctx, s, claim, speakers, made, strengths)
  }
  return made
}

/** The claim a sentence makes, or null when it blames no one or only speculates. */
function claimIn(s: Sentence, sponsors: Sponsors, actors: ArticleActors): Claim | null {
  const blamed = sponsors.bySentence.get(s)
  const blamedActor = (actors.bySentence.get(s) ?? []).find((a) => a.kind !== 'criminal-group' && a.kind !== 'company')
  if (!blamed && !(blamedActor && BLAME_WORDS.test(s.text))) return null
  if (HEDGE_WORDS.test(s.text) && !/\b(almost certainly|likely|probably)\b/i.test(s.text)) return null
  return { blamed, blamedActor, cue: Math.min(SPEECH_WORDS.exec(s.text)?.index ?? Infinity, BLAME_WORDS.exec(s.text)?.index ?? Infinity) }
}

/** Who makes the claim: those named before its first cue (neither blamed nor a sponsor), and whoever it is "according to". */
function speakersOf(s: Sentence, claim: Claim, sponsorCodes: readonly string[]): Mention[] {
  const speakers = s.mentions.filter((m) => m.start < claim.cue && !claim.blamed?.has(m) && !sponsorCodes.includes(m.code ?? ''))
  const according = /\baccording to\s+(?:the\s+)?/i.exec(s.text)
  if (!according) return speakers
  return speakers.concat(s.mentions.filter((m) => m.start >= according.index && m.start < according.index + 40 + according[0].length))
}

/** Writes the claim into `made` as one attribution per speaker, with its strength, unless that speaker already made one as strong against the same country. */
function recordClaim(ctx: DraftContext, s: Sentence, claim: Claim, speakers: Mention[], made: Attribution[], strengths: number[]): void {
  const toCountry = claim.blamed ? [...claim.blamed][0].code : claim.blamedActor?.country
  const conf = CONFIDENCE_WORDS.find((c) => c.re.test(s.text))
  const quoted = [...s.text.matchAll(/[“"]([^”"]{3,})[”"]/g)].map((m) => m[1])
  const dates = ctx.datesFor(s).filter((d) => (!ctx.published || d.date <= ctx.published) && nearest(d.index, SAYING, s.text) < nearest(d.index, ATTACK_WORDS, s.text))
  // A judgement with its confidence beats a bare claim; a body sentence beats a headline; naming the actor adds.
  const strength = (conf ? 4 : 0) + (/\b(attribut\w*|sponsored|concluded|assessed|responsible|behind|blamed)\b/i.test(s.text) ? 1 : 0) + (/[.!?"”]$/.test(s.text) ? 1 : 0) + (claim.blamedActor ? 1 : 0)
  const seen = new Set<string>()
  for (const sp of speakers) {
    const who = label(sp)
    if (seen.has(who)) continue
    const earlier = made.findIndex((a) => a.attributor === who && a.toCountry === toCountry)
    if (earlier >= 0 && strengths[earlier] >= strength) continue
    seen.add(who)
    const at = earlier >= 0 ? earlier : made.length
    ctx.cite(`attributions.${at}`, s)
    strengths[at] = strength
    made[at] = {
      id: `att-${randomUUID()}`,
      attributor: who,
      attributorKind: sp.kind,
      attributorCountry: sp.code,
      date: closestDate(dates, claim.cue) ?? ctx.published,
      toCountry,
      toActorId: claim.blamedActor?.id,
      basis: basisOf(s.text, sp),
      confidence: conf?.confidence,
      likelihood: conf?.likelihood,
      statement: (quoted.length > 0 ? quoted.join(' … ') : s.text.replace(LEADING_DATELINE, '')).slice(0, 4000),
      sourceIds: [],
    }
  }
}

/** What an attribution rests on: technical forensics, intelligence, and a political statement when a government or international body makes it. */
function basisOf(text: string, speaker: Mention): Attribution['basis'] {
  const basis: Attribution['basis'] = []
  if (/\b(forensic\w*|malware|code|technical|indicators?|infrastructure analysis)\b/i.test(text)) basis.push('technical-forensics')
  if (/\bintelligence (?:community|assessment|agencies|services)\b/i.test(text)) basis.push('intelligence')
  if (speaker.kind === 'government' || speaker.kind === 'international-org') basis.push('political-statement')
  return basis
}
