// The ICD 203 estimative-language check: sentences, likelihood terms, confidence levels, and the warning when one sentence has both.
import { describe, expect, it } from 'vitest'
import { checkEstimative, estimativeWarnings, splitSentences } from '../../../../shared/report/estimative'

describe('splitSentences', () => {
  it('splits after . ! ? and at line breaks, keeping offsets', () => {
    const text = 'Iran did it. Did it?\nYes! Next'
    const s = splitSentences(text)
    expect(s.map((x) => x.text)).toEqual(['Iran did it.', 'Did it?', 'Yes!', 'Next'])
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text)
  })

  it('does not end a sentence after an abbreviation', () => {
    expect(splitSentences('U.S. officials and the U.K. agreed. The NCSC, e.g. its director, spoke.').map((x) => x.text)).toEqual([
      'U.S. officials and the U.K. agreed.',
      'The NCSC, e.g. its director, spoke.',
    ])
  })
})

describe('checkEstimative', () => {
  it('finds likelihood terms, longest wording first, and maps synonyms to ICD 203 terms', () => {
    const [a] = checkEstimative('Iranian actors were almost certainly responsible and very likely acted again; a repeat is highly improbable.')
    expect(a.likelihood.map((l) => l.id)).toEqual(['almost-certain', 'very-likely', 'very-unlikely'])
    expect(a.confidence).toEqual([])
    expect(a.warning).toBeNull()
  })

  it('does not read "unlikely" as "likely"', () => {
    expect(checkEstimative('A second wave is unlikely.')[0].likelihood.map((l) => l.id)).toEqual(['unlikely'])
  })

  it('finds confidence levels in their usual phrasings', () => {
    const levels = checkEstimative('We assess with moderate confidence that Iran did it. Our confidence is high. A low-confidence call.').map((s) => s.confidence.map((c) => c.level))
    expect(levels).toEqual([['moderate'], ['high'], ['low']])
  })

  it('warns when one sentence carries a likelihood term and a confidence level, and only then', () => {
    const text = 'Iran was almost certainly responsible. We hold that judgment with high confidence. It is likely, with moderate confidence, that leaks continue.'
    const checks = checkEstimative(text)
    expect(checks.map((c) => c.warning !== null)).toEqual([false, false, true])
    expect(estimativeWarnings(text)).toHaveLength(1)
    expect(estimativeWarnings(text)[0]).toMatch(/“likely” and “moderate confidence”/)
  })

  it('is quiet for text with neither', () => {
    expect(estimativeWarnings('Albania cut relations with Iran on 7 September 2022.')).toEqual([])
  })
})
