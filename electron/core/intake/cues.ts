// The cues several draft steps read a sentence by: saying, responding, pronoun leads, datelines, criminal words, questions; and how far a cue stands from a place in it.
import { BLAME_WORDS, RESPONSE_RULES, SPEECH_WORDS } from './rules'

/** "TBILISI, February 20, 2020 — " at the head of a sentence. */
export const LEADING_DATELINE = /^[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}(?:,[^—–\n]{0,60}?)?(?:\s*\([^)]{2,40}\))?(?:\s*[—–]|\s-{1,2})\s+/
/** Saying and blaming together: a date next to one of these is when something was said. */
export const SAYING = new RegExp(`${SPEECH_WORDS.source}|${BLAME_WORDS.source}`, 'i')
/** Any word that shows a response, of whatever type. */
export const ANY_RESPONSE = new RegExp(RESPONSE_RULES.map((r) => r.re.source).join('|'), 'i')
/** A sentence that carries on with the last speaker or actor rather than naming one. */
export const PRONOUN_LEAD = /^(He|She|It|They|The (?:prime minister|president|ministry|government|minister|spokesperson|department|agency|country))\b/
/** Words of crime for gain: a gang, extortion, ransom. */
export const CRIMINAL = /\b(criminal|criminals|cybercriminals?|gang|extort\w*|ransom (?:demand|payment)s?|financially motivated)\b/i

/** Whether a sentence asks rather than tells (it ends in a question mark). */
export function isQuestion(text: string): boolean {
  return /\?$/.test(text)
}

/** Where the last match of `re` in `text` starts; -1 when none. */
export function lastIndex(re: RegExp, text: string): number {
  let at = -1
  for (const m of text.matchAll(new RegExp(re.source, 'gi'))) at = m.index
  return at
}

/** How many characters from `index` the nearest match of `re` in `text` starts; Infinity when none. */
export function nearest(index: number, re: RegExp, text: string): number {
  let best = Infinity
  for (const m of text.matchAll(new RegExp(re.source, 'gi'))) best = Math.min(best, Math.abs(m.index - index))
  return best
}
