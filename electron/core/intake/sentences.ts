// The article's sentences, each with its offsets, the names in it and whether it speaks of an attack.
import nlp from 'compromise'
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
