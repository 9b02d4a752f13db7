// Article intake drafts: the founding article and articles written for these tests, each with exact expectations and the sentence behind every proposal.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { draftFromText, datesIn, splitSentences } from '../../../../electron/core/intake/extract'
import { readArticle } from '../../../../electron/core/intake/readArticle'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import type { IntakeDraft } from '../../../../shared/intake'

const ARTICLES = join(import.meta.dirname, '../../../fixtures/articles')
const FOUNDING = join(import.meta.dirname, '../../../../../shared/fixtures/seed-article-albania-iran-2022.txt')
const sample = sampleWorkspace()
const empty = { actors: [], incidents: [] }

async function draftOf(path: string, ws: { actors: typeof sample.actors; incidents: typeof sample.incidents } = sample): Promise<IntakeDraft> {
  const bytes = readFileSync(path)
  const article = await readArticle(bytes, path)
  return draftFromText(article.text, { actors: ws.actors, incidents: ws.incidents, hints: article.hints })
}

/** The evidence sentence for a field path, which must exist and must be a sentence of the article. */
function evidence(d: IntakeDraft, path: string): string {
  const e = d.evidence[path]
  expect(e, `evidence for ${path}`).toBeDefined()
  expect(d.text.slice(e.start, e.end)).toBe(e.sentence)
  return e.sentence
}

function claims(d: IntakeDraft) {
  return {
    attributions: d.draft.attributions.map((a) => [a.attributor, a.attributorCountry, a.toCountry, a.toActorId ?? null, a.date, a.confidence ?? a.likelihood ?? null]),
    responses: d.draft.responses.map((r) => [r.actor, r.type, r.targetCountry ?? r.target, r.date]),
  }
}

describe('the founding article (Albania and Iran, 2022)', () => {
  it('proposes victim Albania, sponsor Iran, the July 2022 attack, the severing, the expulsion and the US condemnation, each with its sentence', async () => {
    const d = await draftOf(FOUNDING, empty)
    expect(d.isIncident).toBe(true)
    expect(d.draft.victims.map((v) => v.country)).toEqual(['AL'])
    expect(evidence(d, 'victims.0')).toContain('cyberattack against Albania')
    expect(d.draft.sponsorCountries).toEqual(['IR'])
    expect(evidence(d, 'sponsorCountries.0')).toMatch(/Iran/)
    expect(d.draft.start).toBe('2022-07')
    expect(evidence(d, 'start')).toContain('a cyberattack in July targeted')
    expect(d.draft.nexus).toBe('state-linked')
    evidence(d, 'nexus')
    expect(d.draft.types).toEqual(['wiper'])

    const severing = d.draft.responses.find((r) => r.type === 'break-relations')!
    expect(severing).toMatchObject({ actor: 'Albania', actorCountry: 'AL', targetCountry: 'IR', date: '2022-09-08' })
    expect(evidence(d, `responses.${d.draft.responses.indexOf(severing)}`)).toContain('severing all diplomatic relations')
    const expulsion = d.draft.responses.find((r) => r.type === 'expel-diplomats')!
    expect(expulsion).toMatchObject({ actorCountry: 'AL', targetCountry: 'IR', date: '2022-09-08' })
    expect(expulsion.description).toContain('within 24 hours')
    expect(evidence(d, `responses.${d.draft.responses.indexOf(expulsion)}`)).toContain('leave the nation of Albania within 24 hours')
    const condemnation = d.draft.responses.find((r) => r.type === 'statement')!
    expect(condemnation).toMatchObject({ actor: 'United States', actorCountry: 'US', targetCountry: 'IR' })
    expect(evidence(d, `responses.${d.draft.responses.indexOf(condemnation)}`)).toContain('strongly condemns')

    expect(claims(d)).toEqual({
      attributions: [
        ['United States', 'US', 'IR', null, '2022-09-08', 'high'],
        ['Albania', 'AL', 'IR', null, '2022-09-08', 'high'],
      ],
      responses: [
        ['Albania', 'break-relations', 'IR', '2022-09-08'],
        ['Albania', 'expel-diplomats', 'IR', '2022-09-08'],
        ['United States', 'statement', 'IR', '2022-09-08'],
        ['United States', 'technical-assistance', 'AL', '2022-09-08'],
      ],
    })
    expect(evidence(d, 'attributions.1')).toContain('with indisputable evidence')
    expect(d.draft.attributions[1].statement).toBe('with indisputable evidence')
    expect(d.source).toEqual({ title: 'SecureWorld News, 8 September 2022', publisher: 'SecureWorld News', published: '2022-09-08', url: '' })
  })

  it('never proposes countries only mentioned in passing (Russia, China, Ukraine)', async () => {
    const d = await draftOf(FOUNDING, empty)
    const named = [...d.draft.victims.map((v) => v.country), ...d.draft.sponsorCountries, ...d.draft.responses.flatMap((r) => [r.actorCountry, r.targetCountry]), ...d.draft.attributions.flatMap((a) => [a.attributorCountry, a.toCountry])]
    for (const passing of ['RU', 'CN', 'UA']) expect(named).not.toContain(passing)
  })

  it('matches the sample workspace’s Albania incident first', async () => {
    const d = await draftOf(FOUNDING)
    expect(d.matches[0]).toMatchObject({ id: 'inc-albania-2022-07', score: 1 })
  })
})

describe('articles written for these tests', () => {
  it('Sony Pictures (Markdown, FBI on a Friday): victim US, sponsor North Korea, November 24 start, known persona', async () => {
    const d = await draftOf(join(ARTICLES, 'sony-2014-fbi-attribution.md'))
    expect(d.draft).toMatchObject({ start: '2014-11-24', sponsorCountries: ['KP'], types: ['wiper', 'hack-and-leak'], nexus: 'state-linked', actorIds: ['actor-guardians-of-peace'] })
    expect(d.draft.victims.map((v) => v.country)).toEqual(['US'])
    expect(claims(d)).toEqual({ attributions: [['United States', 'US', 'KP', null, '2014-12-19', null]], responses: [] })
    expect(evidence(d, 'attributions.0')).toContain('The FBI said on Friday')
    expect(evidence(d, 'start')).toContain('began on November 24')
    expect(d.source.title).toBe('FBI names North Korea as the culprit behind the Sony Pictures hack')
    expect(d.matches.map((m) => m.id)).toEqual(['inc-sony-2014-11'])
  })

  it('Costa Rica (criminal ransomware): no sponsor, emergency on Sunday, US reward on Friday', async () => {
    const d = await draftOf(join(ARTICLES, 'costa-rica-2022-conti-emergency.txt'))
    expect(d.draft).toMatchObject({ start: '2022-04-17', sponsorCountries: [], types: ['ransomware'], nexus: 'criminal', actorIds: ['actor-conti'] })
    expect(d.draft.victims).toEqual([{ country: 'CR', sector: 'Government', organisation: '' }])
    expect(claims(d)).toEqual({
      attributions: [],
      responses: [
        ['Costa Rica', 'state-of-emergency', '', '2022-05-08'],
        ['United States', 'reward', 'Conti', '2022-05-06'],
      ],
    })
    expect(evidence(d, 'responses.1')).toContain('offered a reward of up to $10 million')
    expect(evidence(d, 'nexus')).toMatch(/criminal group/)
    expect(d.source.published).toBe('2022-05-09')
  })

  it('NotPetya (several attributors, "almost certainly"): victim Ukraine, sponsor Russia, 27 June 2017', async () => {
    const d = await draftOf(join(ARTICLES, 'notpetya-2018-uk-us-attribution.txt'))
    expect(d.draft).toMatchObject({ start: '2017-06-27', sponsorCountries: ['RU'], types: ['wiper'], nexus: 'state-linked' })
    expect(d.draft.victims.map((v) => v.country)).toEqual(['UA'])
    expect(claims(d)).toEqual({
      attributions: [
        ['United Kingdom', 'GB', 'RU', null, '2018-02-15', 'almost-certain'],
        ['United States', 'US', 'RU', null, '2018-02-15', null],
        ['Australia', 'AU', 'RU', null, '2018-02-15', null],
      ],
      responses: [['United Kingdom', 'statement', '', '2018-02-15']],
    })
    expect(evidence(d, 'attributions.0')).toContain('almost certainly responsible')
    expect(d.matches[0].id).toBe('inc-notpetya-2017-06')
  })

  it('WannaCry ("in May", "on Tuesday"): victim the UK, sponsor North Korea, Lazarus Group named by the UK; briefed states stay out', async () => {
    const d = await draftOf(join(ARTICLES, 'wannacry-2017-us-uk-attribution.txt'))
    expect(d.draft).toMatchObject({ start: '2017-05', sponsorCountries: ['KP'], types: ['ransomware'], nexus: 'state-linked', actorIds: ['actor-lazarus'] })
    expect(d.draft.victims.map((v) => v.country)).toEqual(['GB'])
    expect(claims(d)).toEqual({
      attributions: [
        ['United States', 'US', 'KP', null, '2017-12-19', null],
        ['United Kingdom', 'GB', 'KP', 'actor-lazarus', '2017-12-19', null],
      ],
      responses: [],
    })
    const all = JSON.stringify(d.draft)
    for (const briefed of ['"AU"', '"CA"', '"NZ"', '"JP"']) expect(all).not.toContain(briefed)
    expect(d.matches[0].id).toBe('inc-wannacry-2017-05')
  })

  it('Georgia (saved web page): metadata from the page, boilerplate dropped, GRU and Sandworm matched', async () => {
    const d = await draftOf(join(ARTICLES, 'georgia-2019-gru-attribution.html'))
    expect(d.text).not.toMatch(/cookies|Share|Related|All rights reserved|dataLayer|World Business/)
    expect(d.source).toEqual({ title: "Georgia, UK and US accuse Russia's GRU of 2019 website attack", publisher: 'Caucasus Wire', published: '2020-02-20', url: 'https://caucasus-wire.example/2020/02/20/georgia-gru-attribution' })
    expect(d.draft).toMatchObject({ start: '2019-10-28', sponsorCountries: ['RU'], types: ['defacement'], nexus: 'state-linked', actorIds: ['actor-gru', 'actor-sandworm'] })
    expect(d.draft.victims.map((v) => v.country)).toEqual(['GE'])
    expect(claims(d)).toEqual({
      attributions: [
        ['Georgia', 'GE', 'RU', 'actor-gru', '2020-02-20', null],
        ['United Kingdom', 'GB', 'RU', 'actor-gru', '2020-02-20', 'almost-certain'],
        ['United States', 'US', 'RU', 'actor-gru', '2020-02-20', null],
      ],
      responses: [['United States', 'statement', 'RU', '2020-02-20']],
    })
    expect(d.draft.attributions[0].statement).toMatch(/^Georgia, Britain and the United States on Thursday accused/)
  })

  it('a follow-up about sanctions on an existing incident matches it and brings the sanctions, with actors found by alias', async () => {
    const d = await draftOf(join(ARTICLES, 'albania-2022-treasury-sanctions.txt'))
    expect(d.matches[0]).toEqual({ id: 'inc-albania-2022-07', title: 'Destructive attack on Albanian government systems', score: 1 })
    expect(d.draft).toMatchObject({ start: '2022-07-15', sponsorCountries: ['IR'], types: ['wiper', 'ransomware'], actorIds: ['actor-mois', 'actor-europium', 'actor-homeland-justice'] })
    expect(claims(d).responses).toEqual([['United States', 'sanctions', 'IR', '2022-09-09']])
    expect(evidence(d, 'responses.0')).toContain('imposed sanctions on Iran')
    expect(evidence(d, 'actorIds.1')).toContain('DEV-0842')
  })
})

describe('what intake refuses to propose', () => {
  it('an article that mentions countries only in passing proposes none of them, and no incident', async () => {
    const d = await draftOf(join(ARTICLES, 'conference-passing-mentions.txt'))
    expect(d.isIncident).toBe(false)
    expect(d.reason).toMatch(/No incident is proposed/)
    expect(d.draft.victims).toEqual([])
    expect(d.draft.sponsorCountries).toEqual([])
    expect(d.draft.responses).toEqual([])
    expect(d.draft.attributions).toEqual([])
  })

  it('an article about something else proposes no incident and says so', async () => {
    const d = await draftOf(join(ARTICLES, 'harvest-off-topic.txt'))
    expect(d.isIncident).toBe(false)
    expect(d.reason).toMatch(/not about a cyber operation/)
    expect(d.matches).toEqual([])
    expect(d.evidence).toEqual({})
  })

  it('hostile HTML: scripts, trackers, frames and a huge inline image give text only, and nothing is fetched', async () => {
    const html = readFileSync(join(ARTICLES, 'hostile-lithuania-2022-ddos.html'), 'utf8').replace('__HUGE_IMAGE__', 'A'.repeat(8 * 1024 * 1024))
    const fetched: string[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = ((url: string) => {
      fetched.push(String(url))
      return Promise.reject(new Error('no network'))
    }) as typeof fetch
    try {
      const article = await readArticle(Buffer.from(html), 'page.html')
      expect(article.text).toContain('Lithuanian government websites were hit by distributed denial-of-service attacks on Monday')
      expect(article.text).not.toMatch(/INJECTED|SVG-TEXT|alert|fetch|tracker|attacker|AAAA/)
      expect(article.text.length).toBeLessThan(1000)
      const d = draftFromText(article.text, { ...empty, hints: article.hints })
      expect(d.draft).toMatchObject({ start: '2022-06-27', types: ['ddos'], sponsorCountries: [], responses: [] })
      expect(d.draft.victims.map((v) => v.country)).toEqual(['LT'])
      expect(d.newActors).toEqual([{ name: 'Killnet', kind: 'hacktivist-persona', country: undefined }])
    } finally {
      globalThis.fetch = realFetch
    }
    expect(fetched).toEqual([])
  })
})

describe('dates and sentences', () => {
  const ref = new Date('2022-09-08T12:00:00Z')
  it('resolves month names, weekdays and full dates against the article date at their precision', () => {
    expect(datesIn('a cyberattack in July targeted the government', ref).map((d) => d.date)).toEqual(['2022-07'])
    expect(datesIn('officials said on Friday', ref).map((d) => d.date)).toEqual(['2022-09-02'])
    expect(datesIn('the ministry will respond on Friday', ref).map((d) => d.date)).toEqual(['2022-09-09'])
    expect(datesIn('the attack began in November', ref).map((d) => d.date)).toEqual(['2021-11'])
    expect(datesIn('on 15 July 2022 the sites went dark', ref).map((d) => d.date)).toEqual(['2022-07-15'])
    expect(datesIn('leave within 24 hours', ref)).toEqual([])
  })

  it('splits sentences with offsets into the text, and a line break always ends one', () => {
    const text = 'Headline without a stop\nFirst sentence here. Second one, said Mr. Smith.'
    const s = splitSentences(text)
    expect(s.map((x) => x.text)).toEqual(['Headline without a stop', 'First sentence here.', 'Second one, said Mr. Smith.'])
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text)
  })
})

describe('response rules', () => {
  const base = 'TIRANA, September 8, 2022 — Hackers linked to Iran attacked Albanian government systems in July, officials said.'
  const draftWith = (extra: string) => draftFromText(`${base}\n\n${extra}`, empty).draft.responses.map((r) => [r.actor, r.type, r.targetCountry ?? r.target, r.date])

  it('an alliance condemning is an alliance statement; a question or speculation is no response', () => {
    expect(draftWith('NATO condemned the attack on Wednesday and said allies stood with Albania.')).toEqual([['NATO', 'alliance-statement', '', '2022-09-07']])
    expect(draftWith('Should Albania sever diplomatic relations with Iran?')).toEqual([])
    expect(draftWith('Albania could perhaps expel Iranian diplomats.')).toEqual([])
  })

  it('sanctions need someone imposing them; "sanctioned goods" is not a response', () => {
    expect(draftWith('The European Union imposed sanctions on Iran on Monday.')).toEqual([['European Union', 'sanctions', 'IR', '2022-09-05']])
    expect(draftWith('Albania stopped the transit of sanctioned goods last year.')).toEqual([])
  })
})
