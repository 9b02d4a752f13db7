// The estimative-language check of ICD 203: finds likelihood terms and confidence levels per sentence and warns when a sentence carries both.
import { CONFIDENCE_LEVELS, LIKELIHOOD_TERMS, type Confidence } from '../domain'

type LikelihoodId = (typeof LIKELIHOOD_TERMS)[number]['id']

/** Wordings ICD 203 treats as each likelihood term (its paired synonyms), longest first within a term. */
const LIKELIHOOD_WORDINGS: Record<LikelihoodId, string[]> = {
  'almost-no-chance': ['almost no chance', 'remote'],
  'very-unlikely': ['very unlikely', 'highly improbable', 'highly unlikely'],
  unlikely: ['unlikely', 'improbable', 'improbably'],
  'roughly-even-chance': ['roughly even chance', 'roughly even odds'],
  likely: ['likely', 'probable', 'probably'],
  'very-likely': ['very likely', 'highly probable', 'highly likely'],
  'almost-certain': ['almost certainly', 'almost certain', 'nearly certain', 'nearly certainly'],
}

const WORDINGS = Object.entries(LIKELIHOOD_WORDINGS)
  .flatMap(([id, words]) => words.map((w) => ({ id: id as LikelihoodId, w })))
  .sort((a, b) => b.w.length - a.w.length)
const LIKELIHOOD_RE = new RegExp(`\\b(${WORDINGS.map((x) => x.w.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi')
const LEVELS = CONFIDENCE_LEVELS.join('|')
const CONFIDENCE_RE = new RegExp(`\\b(${LEVELS})[\\s-]+confidence\\b|\\bconfidence\\s+(?:is|was|remains|of)\\s+(${LEVELS})\\b`, 'gi')

export interface SentenceCheck {
  text: string
  /** Offsets of the sentence in the checked text (UTF-16 units). */
  start: number
  end: number
  likelihood: { id: LikelihoodId; text: string }[]
  confidence: { level: Confidence; text: string }[]
  /** Set when the sentence mixes a likelihood term with a confidence level. */
  warning: string | null
}

// A period after these does not end a sentence ("U.S. officials", "e.g. the NCSC").
const ABBREVIATION = /(?:^|\s)(?:(?:[A-Za-z]\.)+|e\.g\.|i\.e\.|etc\.|Mr\.|Ms\.|Dr\.|No\.|vs\.)$/

/** Sentences of `text`: a sentence ends at . ! ? followed by white space (not after an abbreviation), or at a line break. */
export function splitSentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = []
  let from = 0
  const push = (to: number) => {
    const raw = text.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed) out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length })
    from = to
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') push(i + 1)
    else if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
      if (c === '.' && ABBREVIATION.test(text.slice(Math.max(from, i - 12), i + 1))) continue
      push(i + 1)
    }
  }
  push(text.length)
  return out
}

/** Checks each sentence of `text` for ICD 203 likelihood terms and confidence levels. */
export function checkEstimative(text: string): SentenceCheck[] {
  return splitSentences(text).map((s) => {
    const likelihood = [...s.text.matchAll(LIKELIHOOD_RE)].map((m) => {
      const found = m[1].toLowerCase().replace(/\s+/g, ' ')
      return { id: WORDINGS.find((x) => x.w === found)!.id, text: m[1] }
    })
    const confidence = [...s.text.matchAll(CONFIDENCE_RE)].map((m) => ({ level: (m[1] ?? m[2]).toLowerCase() as Confidence, text: m[0] }))
    const warning =
      likelihood.length > 0 && confidence.length > 0
        ? `“${likelihood[0].text}” and “${confidence[0].text}” are in the same sentence: state the likelihood and the confidence in separate sentences (ICD 203).`
        : null
    return { ...s, likelihood, confidence, warning }
  })
}

/** The warnings of `text`, one per offending sentence. */
export function estimativeWarnings(text: string): string[] {
  return checkEstimative(text).flatMap((s) => (s.warning ? [s.warning] : []))
}

/** Phrases the helper offers to insert: the ICD 203 likelihood terms and the three confidence levels. */
export const ESTIMATIVE_PHRASES = {
  likelihood: LIKELIHOOD_TERMS.map((t) => ({ id: t.id, text: t.label, hint: `${t.range[0]}–${t.range[1]} %` })),
  confidence: CONFIDENCE_LEVELS.map((c) => ({ id: c, text: `with ${c} confidence`, hint: `${c} confidence in the judgment` })),
}
