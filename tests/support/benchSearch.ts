// Benchmark of full-text search: index build and query time over 100k incidents + 10k notes, beside a linear-scan baseline.
// Run through `npm run bench`; exits 1 when the p95 query time misses its target.
import type { Note } from '../../shared/domain'
import { SearchIndex } from '../../shared/searchIndex'
import { generateIncidents, rng } from './generate'

/** p95 query time target, in ms. */
const TARGET_P95_MS = 10
const INCIDENTS = 100_000
const NOTES = 10_000
const QUERIES = 300

const r = rng(7)
const SYLLABLES = ['al', 'ba', 'ni', 'ra', 'ko', 'ter', 'wip', 'ran', 'som', 'mo', 'is', 'eu', 'pi', 'um', 'sha', 'mo', 'on', 'dur', 'res', 'tir', 'ana', 'leak', 'gru', 'sand', 'worm']
const VOCABULARY = Array.from({ length: 5000 }, () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(''))
const word = () => VOCABULARY[Math.floor(r() * VOCABULARY.length)]

function generateNotes(count: number, incidentIds: string[]): Note[] {
  const now = '2026-01-01T00:00:00.000Z'
  return Array.from({ length: count }, (_, n) => ({
    id: `note-gen-${n}`,
    title: `${word()} ${word()} ${word()}`,
    body: Array.from({ length: 80 }, () => word()).join(' ') + ` [[${incidentIds[n % incidentIds.length]}]]`,
    tags: [word()],
    pinned: false,
    createdAt: now,
    updatedAt: now,
  }))
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`
const load = (await import('node:os')).loadavg()[0]

const incidents = generateIncidents(INCIDENTS, 3)
const notes = generateNotes(NOTES, incidents.map((i) => i.id))
const records = { incidents, actors: [], sources: [], notes }

// Words every generated incident holds ("generated", "incident", "synthetic"…): the worst case for an index.
const COMMON = ['generated', 'incident', 'synthetic record', 'genrated', 'incid', 'attributed to', 'load tests', 'against', 'operation']

// Queries as a user types them: whole words, prefixes of 3–5 letters, one-letter typos, two-word queries, and common words.
const queries = Array.from({ length: QUERIES }, (_, n) => {
  const w = word()
  if (n % 10 === 9) return `${COMMON[n % COMMON.length]}${n % 20 === 19 ? ` ${n * 7}` : ''}`
  switch (n % 4) {
    case 0:
      return w
    case 1:
      return w.slice(0, 3 + (n % 3))
    case 2:
      return w.length > 4 ? w.slice(0, 2) + w.slice(3) : w
    default:
      return `${w} ${word().slice(0, 3)}`
  }
})

// Baseline: the least any search must do, a lower-cased copy of every record's text, then scanned per query.
let start = performance.now()
const haystacks = [...incidents.map((i) => `${i.title}\n${i.summary}\n${i.tags.join(' ')}`), ...notes.map((n) => `${n.title}\n${n.body}\n${n.tags.join(' ')}`)].map((t) => t.toLowerCase())
const baselineBuild = performance.now() - start

start = performance.now()
const index = SearchIndex.build(records)
const build = performance.now() - start

/**
 * Each query's time is the best of ROUNDS runs: this machine's cores are shared with other jobs
 * (load average far above the core count), and one preempted run would otherwise read as a slow query.
 */
const ROUNDS = 3
function timeQueries(run: (q: string) => unknown): number[] {
  for (const q of queries.slice(0, 20)) run(q)
  const best = queries.map(() => Infinity)
  for (let round = 0; round < ROUNDS; round++) {
    queries.forEach((q, n) => {
      const t = performance.now()
      run(q)
      best[n] = Math.min(best[n], performance.now() - t)
    })
  }
  return best
}

const scan = (q: string) => {
  const words = q.toLowerCase().split(/\s+/)
  const hits: number[] = []
  for (let n = 0; n < haystacks.length && hits.length < 20; n++) if (words.every((w) => haystacks[n].includes(w))) hits.push(n)
  return hits
}
const indexTimes = timeQueries((q) => index.search(q, 20))
const scanTimes = timeQueries(scan)

// One note edited: how long the index takes to follow it.
const updates = notes.slice(0, 200).map((n, k) => {
  const edited = { ...n, body: `${n.body} ${word()} edit ${k}` }
  const t = performance.now()
  index.upsert({ kind: 'note', record: edited })
  return performance.now() - t
})

const p95 = percentile(indexTimes, 95)
console.log(`search over ${INCIDENTS.toLocaleString('en')} incidents + ${NOTES.toLocaleString('en')} notes (${index.size.toLocaleString('en')} documents), ${QUERIES} queries`)
console.log(`  index build              ${fmt(build)}   (baseline: lower-cased text copy ${fmt(baselineBuild)}, ${(build / baselineBuild).toFixed(1)}x)`)
console.log(`  query p50 / p95 / max    ${fmt(percentile(indexTimes, 50))} / ${fmt(p95)} / ${fmt(Math.max(...indexTimes))}   (prefix + fuzzy, top 20)`)
console.log(`  baseline linear scan     ${fmt(percentile(scanTimes, 50))} / ${fmt(percentile(scanTimes, 95))} / ${fmt(Math.max(...scanTimes))}   (substring, no typos, first 20)`)
console.log(`  one note re-indexed p95  ${fmt(percentile(updates, 95))}`)
console.log(`  (each query: best of ${ROUNDS} runs; 1-minute load average ${load.toFixed(1)})`)
console.log(`  target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`)
process.exit(p95 <= TARGET_P95_MS ? 0 : 1)
