// The fast incident check never passes what the schema refuses or would change: for every variant below it either agrees with IncidentSchema (and the schema gives the record back unchanged) or leaves the record to the schema.
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { blankIncident, IncidentSchema, type Incident } from '../../../shared/domain'
import { passesIncidentSchema } from '../../../shared/incidentCheck'

const NOW = '2026-03-01T10:15:00.000Z'

function good(): Incident {
  return {
    ...blankIncident(),
    id: 'inc-1',
    title: 'Wiper attack on Albanian government networks',
    summary: 'Systems of several ministries were wiped.',
    status: 'confirmed',
    types: ['wiper', 'hack-and-leak'],
    start: '2022-07',
    end: '2022-09-15',
    victims: [{ country: 'AL', sector: 'Government', organisation: 'Ministry', category: 'State institutions' }],
    sponsorCountries: ['IR'],
    actorIds: ['actor-1'],
    nexus: 'state-linked',
    severity: 4,
    techniques: ['T1485', 'T1566.001'],
    tags: ['wiper'],
    tlp: 'AMBER',
    sourceIds: ['src-1'],
    locations: [{ label: 'Tirana', lat: 41.33, lon: 19.82 }],
    zeroDay: false,
    intensity: { score: 12.5, source: 'EuRepoC weighted intensity' },
    provenance: { dataset: 'EuRepoC', version: '1.3', key: 'E-17', row: 2, importedAt: NOW, digest: 'abc' },
    createdAt: NOW,
    updatedAt: NOW,
  }
}

/** Each variant changes one thing of a valid record; the schema refuses most of them, and changes (trims, fills) the rest. */
const VARIANTS: [string, (i: Record<string, unknown>) => void][] = [
  ['title untrimmed', (i) => (i.title = '  Wiper attack ')],
  ['title blank', (i) => (i.title = '   ')],
  ['title invisible', (i) => (i.title = '\u200b')],
  ['title too long', (i) => (i.title = 'x'.repeat(301))],
  ['title missing', (i) => delete i.title],
  ['summary missing (default filled)', (i) => delete i.summary],
  ['summary too long', (i) => (i.summary = 'x'.repeat(20001))],
  ['id empty', (i) => (i.id = '')],
  ['id too long', (i) => (i.id = 'x'.repeat(101))],
  ['createdAt not a timestamp', (i) => (i.createdAt = '2026-03-01')],
  ['updatedAt not a timestamp', (i) => (i.updatedAt = 'yesterday')],
  ['status unknown', (i) => (i.status = 'open')],
  ['type unknown', (i) => (i.types = ['wiper', 'prank'])],
  ['start not a date', (i) => (i.start = '2022-13')],
  ['end before start', (i) => (i.end = '2021')],
  ['disclosed not a date', (i) => (i.disclosed = 'soon')],
  ['victim country unknown', (i) => (i.victims = [{ country: 'ZZ', sector: '', organisation: '' }])],
  ['victim with an unknown field', (i) => (i.victims = [{ country: 'AL', sector: '', organisation: '', extra: 1 }])],
  ['victim sector missing (default filled)', (i) => (i.victims = [{ country: 'AL', organisation: '' }])],
  ['too many sponsors', (i) => (i.sponsorCountries = Array(21).fill('IR'))],
  ['actor id empty', (i) => (i.actorIds = [''])],
  ['nexus unknown', (i) => (i.nexus = 'maybe')],
  ['severity out of range', (i) => (i.severity = 6)],
  ['severity not whole', (i) => (i.severity = 2.5)],
  ['severity not a number', (i) => (i.severity = NaN)],
  ['technique malformed', (i) => (i.techniques = ['T12'])],
  ['tag untrimmed', (i) => (i.tags = [' wiper'])],
  ['tag too long', (i) => (i.tags = ['x'.repeat(61)])],
  ['tlp unknown', (i) => (i.tlp = 'PURPLE')],
  ['location off the globe', (i) => (i.locations = [{ label: '', lat: 91, lon: 0 }])],
  ['location label missing (default filled)', (i) => (i.locations = [{ lat: 1, lon: 1 }])],
  ['zeroDay not a boolean', (i) => (i.zeroDay = 'no')],
  ['intensity negative', (i) => (i.intensity = { score: -1, source: 'x' })],
  ['intensity without a scale', (i) => (i.intensity = { score: 1 })],
  ['provenance version missing (default filled)', (i) => (i.provenance = { dataset: 'X', key: 'k', importedAt: NOW })],
  ['provenance row zero', (i) => (i.provenance = { dataset: 'X', version: '', key: 'k', row: 0, importedAt: NOW })],
  ['provenance import time not a timestamp', (i) => (i.provenance = { dataset: 'X', version: '', key: 'k', importedAt: 'now' })],
  ['provenance dataset blank', (i) => (i.provenance = { dataset: ' ', version: '', key: 'k', importedAt: NOW })],
  ['attribution (left to the schema)', (i) => (i.attributions = [{ id: 'att-1', attributor: 'US', attributorKind: 'government', basis: [], statement: '', sourceIds: [] }])],
  ['unknown field (the schema drops it)', (i) => (i.colour = 'red')],
  ['types missing (default filled)', (i) => delete i.types],
]

describe('the fast incident check', () => {
  it('passes a full valid record, which the schema gives back unchanged', () => {
    const record = good()
    expect(passesIncidentSchema(record)).toBe(true)
    expect(IncidentSchema.parse(record)).toStrictEqual(record)
  })

  it('passes a blank record with only what an import sets', () => {
    const record = { ...blankIncident(), id: 'inc-2', title: 'Defacement of news sites', createdAt: NOW, updatedAt: NOW }
    expect(passesIncidentSchema(record)).toBe(true)
    expect(IncidentSchema.parse(record)).toStrictEqual(record)
  })

  it.each(VARIANTS)('%s: left to the schema', (_name, change) => {
    const record = good() as unknown as Record<string, unknown>
    change(record)
    // Each variant is refused by the schema, changed by it (trimmed, defaults filled, fields dropped), or of a kind always left to it.
    expect(passesIncidentSchema(record)).toBe(false)
    const parsed = IncidentSchema.safeParse(record)
    if (!_name.includes('left to the schema')) expect(parsed.success && isDeepStrictEqual(parsed.data, record)).toBe(false)
  })

  it('passes nothing that is not a record', () => {
    for (const value of [null, undefined, 'inc-1', 42, [good()]]) expect(passesIncidentSchema(value)).toBe(false)
  })
})
