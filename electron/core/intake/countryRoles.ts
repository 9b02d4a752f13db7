// The countries an article casts in a role: sponsor (blamed for the operation, never merely mentioned) and victim (the operation was against it), each with its sentence.
import { isQuestion, lastIndex, SAYING } from './cues'
import type { Mention } from './mentions'
import { ATTACK_WORDS, BLAME_WORDS, SPEECH_WORDS, SPONSOR_NOUNS, VICTIM_NOUNS } from './rules'
import type { DraftContext, Sentence } from './sentences'

/** The sponsor countries in the order found, and the mentions blamed in each sentence that blames one. */
export interface Sponsors {
  codes: string[]
  bySentence: Map<Sentence, Set<Mention>>
}

/** A victim country as the draft holds it; `sector` is 'Government' when its government was hit. */
export interface Victim {
  country: string
  sector: string
  organisation: string
}

const DENIAL = /\b(den(?:y|ies|ied)|rejected the accusation|dismissed the accusation)\b/i
/** Blamed by or traced to whoever follows: "attributed the attack to Iranian…". */
const BLAMED_BY_OR_TO = new RegExp(`(?:${BLAME_WORDS.source})[^.;]{0,50}?\\b(?:by|to|on)\\s+(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,2}$`, 'i')
/** An attack against, on or hitting whoever follows. */
const ATTACK_AGAINST = new RegExp(`(?:${ATTACK_WORDS.source})[^.;]{0,50}?\\b(?:against|on|targeting|targeted|target|hit|struck|in|into|crippled|paralysed|paralyzed|disrupted|harm to|damage to)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,2}$`, 'i')

/** Sponsors: a country blamed in a blaming sentence (not a denial, not a question); cites `sponsorCountries.N`. */
export function findSponsors(ctx: DraftContext): Sponsors {
  const sponsors: Sponsors = { codes: [], bySentence: new Map() }
  for (const s of ctx.sentences) {
    if (DENIAL.test(s.text) || isQuestion(s.text)) continue
    const found = blamedIn(s)
    if (found.size > 0) sponsors.bySentence.set(s, found)
    for (const m of found) {
      if (!sponsors.codes.includes(m.code!)) {
        ctx.cite(`sponsorCountries.${sponsors.codes.length}`, s)
        sponsors.codes.push(m.code!)
      }
    }
  }
  return sponsors
}

/** The countries a sentence blames: by the words around each country it names. */
function blamedIn(s: Sentence): Set<Mention> {
  const blame = BLAME_WORDS.exec(s.text)
  const firstCue = Math.min(blame?.index ?? Infinity, SPEECH_WORDS.exec(s.text)?.index ?? Infinity)
  return new Set(s.mentions.filter((m) => m.code && isBlamed(s, m, blame !== null, firstCue)))
}

/** Whether the words around `m` blame it: blamed by or tied to it, it was behind the attack, it is to be held accountable, the attack came from it, or its state bodies are named in a blaming sentence. */
function isBlamed(s: Sentence, m: Mention, blame: boolean, firstCue: number): boolean {
  const before = s.text.slice(Math.max(0, m.start - 60), m.start)
  const after = s.text.slice(m.end, m.end + 80)
  const afterPoss = after.replace(/^(?:'s|’s)\s+/, ' ')
  const byOrTo =
    BLAMED_BY_OR_TO.test(before) ||
    /\b(?:behind|blamed|accused|named|at the direction of|on behalf of|working for|(?:linked|tied|traced|attributed) to)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,1}$/i.test(before)
  const behind = /^((?:'s|’s)?\s*(?:[\w()-]+\s+){0,6}?)(?:was|were|is|are|had been|has been)\s+(?:\w+\s+){0,2}(?:behind|responsible)\b/i.exec(after)
  const wasBehind = blame && behind !== null && !SPEECH_WORDS.test(behind[1]) && !/\band\b/.test(behind[1])
  const heldAccountable = /\bhold\s+$/i.test(before) && /^\s+accountable/i.test(after)
  const hyphenLinked = /^-(?:linked|backed|sponsored|affiliated|based)\b/i.test(after) && s.attack
  const attackFrom = /\b(?:attacks?|hackers?|operations?|operators?)\s+from\s+(?:the\s+)?$/i.test(before)
  const cueBefore = Math.max(lastIndex(SAYING, s.text.slice(0, m.start)), 0)
  const attackBefore = lastIndex(ATTACK_WORDS, s.text.slice(0, m.start))
  const stateNoun = blame && m.start > firstCue && cueBefore > attackBefore && (m.form === 'demonym' || /^(?:'s|’s)/.test(after)) && (SPONSOR_NOUNS.test(afterPoss) || /^\s+(?:Ministry of Intelligence|intelligence|military|GRU|FSB|SVR|MOIS|IRGC)/.test(afterPoss))
  const agency = blame && m.form === 'body' && /^(MOIS|IRGC|GRU|FSB|SVR|Ministry of Intelligence and Security|Reconnaissance General Bureau)$/.test(m.text)
  return byOrTo || wasBehind || heldAccountable || hyphenLinked || attackFrom || stateNoun || agency
}

/** Victims: the country an attack is against, on, or that was hit (never a sponsor, never an organisation); cites `victims.N`. */
export function findVictims(ctx: DraftContext, sponsors: Sponsors): Victim[] {
  const victims: Victim[] = []
  for (const s of ctx.sentences) {
    if (!s.attack || isQuestion(s.text)) continue
    for (const m of s.mentions) {
      if (!m.code || sponsors.bySentence.get(s)?.has(m) || sponsors.codes.includes(m.code)) continue
      if (!isVictim(s, m)) continue
      if (m.form === 'org' || victims.some((v) => v.country === m.code)) continue
      const after = s.text.slice(m.end, m.end + 80)
      const sector = /^(?:'s|’s)?\s*(?:[A-Z][\w-]*\s+){0,2}?(government|ministry|ministries|parliament|customs|tax)/i.test(after) ? 'Government' : ''
      ctx.cite(`victims.${victims.length}`, s)
      victims.push({ country: m.code, sector, organisation: '' })
    }
  }
  return victims
}

/** Whether the words around `m` make it the target: an attack against it, it was hit, or its systems after an attack word ("hit Albanian government networks"). */
function isVictim(s: Sentence, m: Mention): boolean {
  const before = s.text.slice(Math.max(0, m.start - 70), m.start)
  const after = s.text.slice(m.end, m.end + 80)
  const passive = /^(?:'s|’s)?\s*(?:[\w-]+\s+){0,3}?(?:was|were|has been|have been|had been|is being|are being)\s+(?:\w+\s+)?(?:hit|attacked|targeted|struck|breached|crippled|knocked|compromised|disrupted|paralysed|paralyzed|defaced|infected|hacked)\b/i.test(after)
  const attackBefore = ATTACK_WORDS.exec(s.text)
  const victimNoun = (m.form === 'demonym' || /^(?:'s|’s)/.test(after)) && VICTIM_NOUNS.test(after) && attackBefore !== null && attackBefore.index < m.start && !/\b(?:by|from)\s+(?:the\s+)?$/i.test(before)
  return ATTACK_AGAINST.test(before) || passive || victimNoun
}
