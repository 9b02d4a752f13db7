// What the record forms accept and the messages an analyst sees when an incident, actor or source is refused.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { admiraltyGrade, ActorInputSchema, IncidentInputSchema, SourceInputSchema } from '../../../shared/domain'
import { toFieldIssues } from '../../../shared/issues'

/** Field path → message, as the form shows them beside each field. */
function problems(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(toFieldIssues(result.error).map((i) => [i.path, i.message]))
}

const incident = (extra: Record<string, unknown> = {}) => ({ title: 'Wiper attack on Albanian government', ...extra })

describe('incident form', () => {
  it('accepts a title alone and fills in sensible defaults', () => {
    const parsed = IncidentInputSchema.parse(incident())
    expect(parsed).toMatchObject({ title: 'Wiper attack on Albanian government', status: 'draft', tlp: 'CLEAR', nexus: 'unknown', victims: [], actorIds: [], tags: [] })
  })

  it('accepts a fully described incident', () => {
    const full = incident({
      status: 'confirmed',
      types: ['wiper', 'hack-and-leak'],
      start: '2022-07-15',
      end: '2022-09',
      disclosed: '2022',
      victims: [{ country: 'AL', sector: 'government' }],
      sponsorCountries: ['IR'],
      severity: 5,
      techniques: ['T1485', 'T1566.001'],
      tags: ['albania', 'wiper'],
      tlp: 'AMBER+STRICT',
      attributions: [{ id: 'a1', attributor: 'Government of Albania', attributorKind: 'government', toCountry: 'IR', date: '2022-09-07', confidence: 'high', likelihood: 'almost-certain' }],
      responses: [{ id: 'r1', actor: 'Albania', type: 'break-relations', date: '2022-09-07' }],
      locations: [{ label: 'Tirana', lat: 41.33, lon: 19.82 }],
    })
    expect(problems(IncidentInputSchema, full)).toEqual({})
  })

  it('trims the title and says it is required when missing, blank or not text', () => {
    expect(IncidentInputSchema.parse(incident({ title: '  Padded  ' })).title).toBe('Padded')
    expect(problems(IncidentInputSchema, {})).toEqual({ title: 'Title is required' })
    expect(problems(IncidentInputSchema, incident({ title: '   ' }))).toEqual({ title: 'Title is required' })
    expect(problems(IncidentInputSchema, incident({ title: 42 }))).toEqual({ title: 'Title is required' })
  })

  it('says how long a title may be', () => {
    expect(problems(IncidentInputSchema, incident({ title: 'x'.repeat(301) }))).toEqual({ title: 'Title is too long (at most 300 characters)' })
  })

  it('refuses an unknown or lower-case country code and names the field', () => {
    const message = 'Not a country code (ISO 3166-1 alpha-2, e.g. AL)'
    expect(problems(IncidentInputSchema, incident({ victims: [{ country: 'ZZ' }] }))).toEqual({ 'victims.0.country': message })
    expect(problems(IncidentInputSchema, incident({ sponsorCountries: ['IR', 'ir'] }))).toEqual({ 'sponsorCountries.1': message })
  })

  it('accepts Kosovo, which ISO has not assigned', () => {
    expect(problems(IncidentInputSchema, incident({ victims: [{ country: 'XK' }] }))).toEqual({})
  })

  it('refuses an end before the start', () => {
    expect(problems(IncidentInputSchema, incident({ start: '2022-07-15', end: '2022-06' }))).toEqual({ end: 'End is before start' })
    expect(problems(IncidentInputSchema, incident({ start: '2022', end: '2021-12-31' }))).toEqual({ end: 'End is before start' })
  })

  it('accepts an end at a coarser precision that still contains the start', () => {
    expect(problems(IncidentInputSchema, incident({ start: '2022-07-15', end: '2022-07' }))).toEqual({})
    expect(problems(IncidentInputSchema, incident({ start: '2022-07-15', end: '2022' }))).toEqual({})
  })

  it('refuses impossible dates with a hint at what to type', () => {
    const issues = problems(IncidentInputSchema, incident({ start: '2022-13', disclosed: '2022-02-30' }))
    expect(Object.keys(issues).sort()).toEqual(['disclosed', 'start'])
    expect(issues.start).toBe('Not a date: use a year (2022), a month (2022-07 or July 2022) or a day (2022-07-15)')
  })

  it('refuses a malformed ATT&CK technique id and shows the expected shape', () => {
    expect(problems(IncidentInputSchema, incident({ techniques: ['T1485', 'T148', 'T1566.01'] }))).toEqual({
      'techniques.1': 'ATT&CK technique ids look like T1485 or T1566.001',
      'techniques.2': 'ATT&CK technique ids look like T1485 or T1566.001',
    })
  })

  it('keeps severity to a whole number from 1 to 5', () => {
    expect(problems(IncidentInputSchema, incident({ severity: 7 }))).toEqual({ severity: 'Severity is from 1 to 5' })
    expect(problems(IncidentInputSchema, incident({ severity: 0 }))).toEqual({ severity: 'Severity is from 1 to 5' })
    expect(problems(IncidentInputSchema, incident({ severity: 2.5 }))).toEqual({ severity: 'Severity is a whole number from 1 to 5' })
  })

  it('refuses coordinates off the globe', () => {
    expect(problems(IncidentInputSchema, incident({ locations: [{ lat: 91, lon: 0 }, { lat: 0, lon: -181 }] }))).toEqual({
      'locations.0.lat': 'Latitude must be between -90 and 90',
      'locations.1.lon': 'Longitude must be between -180 and 180',
    })
  })

  it('asks who attributes and with what confidence in plain words', () => {
    const issues = problems(IncidentInputSchema, incident({ attributions: [{ id: 'a1', attributor: '', attributorKind: 'oracle', confidence: 'total' }] }))
    expect(issues).toEqual({
      'attributions.0.attributor': 'Attributor is required',
      'attributions.0.attributorKind': 'Pick who attributes',
      'attributions.0.confidence': 'Pick a confidence: low, moderate or high',
    })
  })

  it('refuses an unknown response type', () => {
    expect(problems(IncidentInputSchema, incident({ responses: [{ id: 'r1', actor: 'Albania', type: 'war' }] }))).toEqual({ 'responses.0.type': 'Pick a response type' })
  })

  it('refuses blank tags', () => {
    expect(problems(IncidentInputSchema, incident({ tags: ['ok', ' '] }))).toEqual({ 'tags.1': 'Tag is required' })
  })
})

describe('actor form', () => {
  const actor = (extra: Record<string, unknown> = {}) => ({ name: 'Homeland Justice', kind: 'hacktivist-persona', ...extra })

  it('accepts a name and a kind', () => {
    expect(ActorInputSchema.parse(actor({ aliases: ['HomeLand Justice'], country: 'IR' }))).toMatchObject({ name: 'Homeland Justice', aliases: ['HomeLand Justice'], description: '' })
  })

  it('requires a name and a kind of actor', () => {
    expect(problems(ActorInputSchema, {})).toEqual({ name: 'Name is required', kind: 'Pick a kind of actor' })
    expect(problems(ActorInputSchema, actor({ name: ' ', kind: 'wizard' }))).toEqual({ name: 'Name is required', kind: 'Pick a kind of actor' })
  })

  it('refuses blank aliases and unknown countries', () => {
    expect(problems(ActorInputSchema, actor({ aliases: [''], country: 'Iran' }))).toEqual({
      'aliases.0': 'Alias is required',
      country: 'Not a country code (ISO 3166-1 alpha-2, e.g. AL)',
    })
  })
})

describe('source form', () => {
  const source = (extra: Record<string, unknown> = {}) => ({ title: 'Microsoft on the Albania attacks', ...extra })

  it('accepts a title alone and grades it "F6" until the analyst judges it', () => {
    const parsed = SourceInputSchema.parse(source())
    expect(parsed.url).toBe('')
    expect(admiraltyGrade(parsed)).toBe('F6')
  })

  it('accepts http and https links', () => {
    expect(problems(SourceInputSchema, source({ url: 'https://www.microsoft.com/en-us/security/blog/2022/09/08/' }))).toEqual({})
    expect(problems(SourceInputSchema, source({ url: 'HTTP://example.org/a?b=c#d' }))).toEqual({})
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org', 'https://exa mple.org', 'example.org'])(
    'refuses the link %j',
    (url) => {
      expect(problems(SourceInputSchema, source({ url }))).toEqual({ url: 'URL must start with http:// or https://' })
    },
  )

  it('refuses an over-long link', () => {
    expect(problems(SourceInputSchema, source({ url: `https://example.org/${'a'.repeat(2000)}` }))).toEqual({ url: 'URL is too long' })
  })

  it('requires a title and checks gradings, dates and the archive hash', () => {
    const issues = problems(SourceInputSchema, { reliability: 'G', credibility: '7', published: 'yesterday', sha256: 'abc' })
    expect(Object.keys(issues).sort()).toEqual(['credibility', 'published', 'reliability', 'sha256', 'title'])
    expect(issues.title).toBe('Title is required')
    expect(issues.sha256).toBe('SHA-256 is 64 hex digits')
  })

  it('accepts an Admiralty grading and shows it as "B2"', () => {
    expect(admiraltyGrade(SourceInputSchema.parse(source({ reliability: 'B', credibility: '2', sha256: 'a'.repeat(64) })))).toBe('B2')
  })
})
