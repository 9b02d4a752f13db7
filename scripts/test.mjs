// `npm test`: builds the app, lints, runs every runner (vitest, Playwright) and closes with one line `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const results = 'test-results'
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`)
  return spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

let passed = 0
let failed = 0

const build = run('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'])
if (build !== 0) failed += 1

// Lint (with the import boundaries), the type check and the Electron security review (of the build) count as one check each.
for (const [cmd, args] of [['npx', ['eslint', '.']], ['npx', ['tsc', '-b']], ...(build === 0 ? [['node', ['scripts/electronegativity.mjs']]] : [])]) {
  if (run(cmd, args) === 0) passed += 1
  else failed += 1
}

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`])
const vitest = readJson(`${results}/vitest.json`)
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  // A suite that failed to load reports no tests; count it as a failure so it cannot pass silently.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} else failed += 1

if (build === 0) {
  const e2eStatus = run('npx', ['playwright', 'test'])
  const pw = readJson(`${results}/playwright.json`)
  if (pw) {
    passed += pw.stats.expected + pw.stats.flaky
    failed += pw.stats.unexpected
    if (e2eStatus !== 0 && pw.stats.unexpected === 0) failed += 1
  } else failed += 1
} else console.error('Build failed: browser tests were not run.')

console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
