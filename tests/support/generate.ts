// Generated incidents for tests and benchmarks: deterministic, valid, and varied enough to filter.
import { INCIDENT_TYPES, RESPONSE_TYPES, type Incident } from '../../shared/domain'
import { emptyWorkspace, type Workspace } from '../../shared/workspace'

const VICTIMS = ['AL', 'US', 'GB', 'UA', 'EE', 'DE', 'FR', 'SA', 'CR', 'ME', 'JP', 'KR', 'IN', 'BR', 'AU']
const SPONSORS = ['IR', 'RU', 'KP', 'CN']

/** A small deterministic PRNG (mulberry32) so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` valid incidents spread over 2000–2025 with attributions and responses. */
export function generateIncidents(count: number, seed = 1): Incident[] {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const now = '2026-01-01T00:00:00.000Z'
  const out: Incident[] = []
  for (let n = 0; n < count; n++) {
    const year = 2000 + Math.floor(r() * 26)
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0')
    const precision = r()
    const start = precision < 0.2 ? `${year}` : precision < 0.5 ? `${year}-${month}` : `${year}-${month}-${day}`
    const victim = pick(VICTIMS)
    const sponsor = pick(SPONSORS)
    const nexus = r() < 0.7 ? 'state-linked' : r() < 0.5 ? 'criminal' : 'unknown'
    out.push({
      id: `gen-${seed}-${n}`,
      title: `Generated incident ${n} against ${victim}`,
      summary: `Synthetic record ${n} for load tests; operation attributed to ${sponsor}.`,
      status: r() < 0.6 ? 'confirmed' : 'draft',
      types: [pick(INCIDENT_TYPES)],
      start,
      victims: [{ country: victim, sector: 'government', organisation: '' }],
      sponsorCountries: nexus === 'state-linked' ? [sponsor] : [],
      actorIds: [],
      nexus,
      impact: '',
      severity: 1 + Math.floor(r() * 5),
      techniques: ['T1485'],
      tags: ['generated'],
      tlp: 'CLEAR',
      sourceIds: [],
      attributions: [
        { id: `gen-${seed}-${n}-a`, attributor: 'Generated government', attributorKind: 'government', date: start, toCountry: sponsor, basis: ['intelligence'], confidence: 'moderate', statement: '', sourceIds: [] },
      ],
      responses: [{ id: `gen-${seed}-${n}-r`, actor: 'Generated ministry', type: pick(RESPONSE_TYPES).id, date: start, target: sponsor, description: '', sourceIds: [] }],
      locations: [],
      createdAt: now,
      updatedAt: now,
    })
  }
  return out
}

/** A workspace holding `count` generated incidents. */
export function generateWorkspace(count: number, seed = 1): Workspace {
  return { ...emptyWorkspace(`Generated ${count}`, '2026-01-01T00:00:00.000Z'), incidents: generateIncidents(count, seed) }
}
