// `npm run bench`: runs each benchmark step in its own Node process and fails if any step fails.
// Add a step to STEPS; `npm run bench -- store` runs only the steps whose name contains "store".
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Each step: a name and the Node arguments that run it from the repository root. */
const STEPS = [
  {
    name: 'store: open and save at 1k / 10k / 100k incidents',
    // --expose-gc lets the bench collect between timed runs; the 100k workspace needs more than the default heap.
    args: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', 'tests/support/benchStore.ts'],
  },
  {
    name: 'interchange: STIX import of 100k objects and export of 10k incidents',
    args: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', 'tests/support/benchInterchange.ts'],
  },
  {
    name: 'datasets: CSV import of 100k rows beside papaparse alone',
    args: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', 'tests/support/benchDatasets.ts'],
  },
  {
    name: 'report: 50-incident PDF briefing',
    args: ['--import', 'tsx', 'tests/support/benchReport.ts'],
  },
  {
    name: 'map: data builder and filter change → map idle at 100k incidents',
    // Serves the built app (npm run build first) to Chromium through the browser host.
    args: ['--import', 'tsx', '--max-old-space-size=8192', 'tests/support/benchMap.ts'],
  },
  {
    name: 'search: index build and query p95 over 100k incidents + 10k notes',
    args: ['--import', 'tsx', '--max-old-space-size=4096', 'tests/support/benchSearch.ts'],
  },
  {
    name: 'timeline: zoom-and-pan frame times at 10k / 100k incidents in Chromium, and vis-timeline for comparison',
    args: ['--import', 'tsx', 'tests/support/benchTimeline.ts'],
  },
]

const filters = process.argv.slice(2)
const chosen = STEPS.filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f)))
if (chosen.length === 0) {
  console.error(`No bench step matches ${filters.join(', ')}. Steps: ${STEPS.map((s) => s.name).join('; ')}`)
  process.exit(1)
}

const failed = []
for (const step of chosen) {
  console.log(`\n== ${step.name}`)
  const started = performance.now()
  const run = spawnSync(process.execPath, step.args, { cwd: ROOT, stdio: 'inherit' })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (run.status !== 0) {
    failed.push(step.name)
    console.log(`== ${step.name}: FAILED (${run.signal ?? `exit ${run.status}`}) after ${seconds} s`)
  } else console.log(`== ${step.name}: done in ${seconds} s`)
}
console.log(`\n${chosen.length - failed.length} bench steps passed, ${failed.length} failed`)
process.exit(failed.length ? 1 : 0)
