// Benchmark of article intake: drafting from a 1,000-word and a 5,000-word article and from 100 articles in a row (median and p95 per article), beside merely splitting the same text into sentences.
// Run through `npm run bench`; exits 1 when the median draft of a 1,000-word article misses its target.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { draftFromText, splitSentences } from '../../electron/core/intake/extract'
import { markdownText } from '../../electron/core/intake/readArticle'
import { readHtml } from '../../electron/core/intake/html'
import { sampleWorkspace } from '../../shared/sample/sampleWorkspace'

/** Median time to draft a 1,000-word article, in ms. */
const TARGET_1K_MS = 300

const ROOT = join(import.meta.dirname, '../..')
const ARTICLES = join(ROOT, 'tests/fixtures/articles')
// The founding article is a test fixture from the shared folder; the others were written for the tests.
const texts = [readFileSync(join(ROOT, '../shared/fixtures/seed-article-albania-iran-2022.txt'), 'utf8')]
for (const name of readdirSync(ARTICLES).sort()) {
  const raw = readFileSync(join(ARTICLES, name), 'utf8')
  texts.push(name.endsWith('.html') ? readHtml(raw.replace('__HUGE_IMAGE__', '')).text : name.endsWith('.md') ? markdownText(raw) : raw)
}
const words = (t: string) => t.split(/\s+/).filter(Boolean).length

/** An article of about `target` words: the founding article, then the others' bodies in turn, as one long piece. */
function articleOf(target: number): string {
  const parts = [texts[0]]
  for (let n = 1; words(parts.join('\n\n')) < target; n++) parts.push(texts[n % texts.length].split('\n').slice(1).join('\n'))
  return parts.join('\n\n')
}

const ws = sampleWorkspace()
const options = { actors: ws.actors, incidents: ws.incidents }

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}
function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

// Warm up the libraries (compromise, chrono) and the name tables once, as the app does on its first article.
const warm = time(() => draftFromText(texts[0], options))

function measure(label: string, list: string[]): { median: number; p95: number } {
  const draft = list.map((t) => time(() => draftFromText(t, options)))
  const split = list.map((t) => time(() => splitSentences(t)))
  const median = percentile(draft, 50)
  const p95 = percentile(draft, 95)
  const splitMedian = percentile(split, 50)
  console.log(`  ${label.padEnd(34)} draft median ${fmt(median)}, p95 ${fmt(p95)} · split into sentences median ${fmt(splitMedian)}, p95 ${fmt(percentile(split, 95))} · draft/split ${(median / splitMedian).toFixed(1)}×`)
  return { median, p95 }
}

const load = (await import('node:os')).loadavg()[0]
console.log(`  first draft (libraries warming up): ${fmt(warm)}; load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`)
const oneK = articleOf(1000)
const fiveK = articleOf(5000)
const k1 = measure(`1,000-word article ×20 (${words(oneK)} words)`, Array(20).fill(oneK))
measure(`5,000-word article ×10 (${words(fiveK)} words)`, Array(10).fill(fiveK))
// 100 articles in a row: the fixtures in turn, each made distinct by its place in the run.
const hundred = Array.from({ length: 100 }, (_, n) => `${texts[n % texts.length]}\n\nArticle ${n + 1} of the run.`)
measure(`100 articles in a row (${Math.round(hundred.reduce((a, t) => a + words(t), 0) / 100)} words avg)`, hundred)

if (k1.median > TARGET_1K_MS) {
  console.log(`  MISSED: a 1,000-word article took ${fmt(k1.median)} (median) to draft; target ≤ ${TARGET_1K_MS} ms`)
  process.exit(1)
}
console.log(`  ok: a 1,000-word article drafts in ${fmt(k1.median)} (median), target ≤ ${TARGET_1K_MS} ms`)
