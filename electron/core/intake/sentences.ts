// The article's sentences, each with the names in it, and the context every draft step reads them through (evidence, dates, the article's own date).
import nlp from 'compromise'
import type { Evidence } from '../../../shared/intake'
import type { FoundDate } from './dates'
import { mentionsIn, type Mention } from './mentions'
import { ATTACK_WORDS } from './rules'

/** One sentence of the article: its text, offsets in the article, the names in it, and whether it speaks of an attack. */
export interface Sentence {
  text: string
  start: number
  end: number
  mentions: Mention[]
  attack: boolean
}

/** What the draft steps share: the sentences, a recorder of the sentence behind each field, the dates in a sentence, and the article's date. */
export interface DraftContext {
  sentences: Sentence[]
  /** Records `s` as the evidence for the field path `key` (`victims.0`, `start`…). */
  cite(key: string, s: Sentence): void
  datesFor(s: Sentence): FoundDate[]
  published?: string
}

/** Splits the text into sentences with their offsets (compromise finds the sentences; line breaks always end one). */
export function splitSentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = []
  let cursor = 0
  for (const s of nlp.tokenize(text).sentences().out('array') as string[]) {
    const at = text.indexOf(s, cursor)
    const start = at >= 0 ? at : text.indexOf(s.slice(0, 20), cursor)
    if (start < 0) continue
    const piece = text.slice(start, start + s.length)
    let offset = 0
    for (const line of piece.split('\n')) {
      const lead = line.length - line.trimStart().length
      const t = line.trim()
      if (t) out.push({ text: t, start: start + offset + lead, end: start + offset + lead + t.length })
      offset += line.length + 1
    }
    cursor = start + s.length
  }
  return out
}

/** The article's sentences with the countries and organisations each names and whether it speaks of an attack. */
export function readSentences(text: string): Sentence[] {
  return splitSentences(text).map((s) => ({ ...s, mentions: mentionsIn(s.text), attack: ATTACK_WORDS.test(s.text) }))
}

/** A recorder of evidence into `evidence`, keyed by field path; a later sentence for the same key replaces the earlier. */
export function citer(evidence: Record<string, Evidence>): DraftContext['cite'] {
  return (key, s) => {
    evidence[key] = { sentence: s.text, start: s.start, end: s.end }
  }
}
