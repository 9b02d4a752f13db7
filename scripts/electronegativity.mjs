// `npm run electronegativity` (and part of `npm test`): Electron security review of the app as it ships — main-process sources, preload, built pages — failing on any medium or high finding.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

// The package's CLI reads its options from whichever commander npm hoists (7.x here, which keeps them elsewhere); its API does not.
const run = createRequire(import.meta.url)('@doyensec/electronegativity')

/** What is reviewed, in one scan so the global checks (navigation limits, permission handler, CSP) see the whole app. */
const PARTS = ['package.json', 'electron/app', 'electron/preload', 'out/renderer']
// It looks up newer Electron releases on the network; the review must give the same answer offline.
const EXCLUDED = ['availablesecurityfixesglobalcheck']
// PDF.js (the archived-copy viewer's PDF renderer, bundled as its own chunks) uses class private fields, which the
// scanner's parser cannot read; it calls no Electron or Node API, so its chunks are left out and listed.
const VENDORED = /^pdf(?:\.worker\.min)?-[\w-]+\.m?js$/

const missing = PARTS.filter((p) => !existsSync(p))
if (missing.length) {
  console.error(`electronegativity: ${missing.join(', ')} missing (run npm run build first)`)
  process.exit(1)
}
const stage = mkdtempSync(join(tmpdir(), 'watchfloor-eng-'))
let failures = 0
let lows = 0
let notes = 0
try {
  const skipped = []
  const keep = (src) => !(VENDORED.test(basename(src)) && skipped.push(basename(src)))
  for (const p of PARTS) cpSync(p, join(stage, p), { recursive: true, filter: keep })
  if (skipped.length) console.log(`electronegativity: left out PDF.js chunks it cannot parse: ${skipped.join(', ')}`)
  const result = await run({ input: stage, isRelative: true, excludeFromScan: EXCLUDED })
  for (const e of result.errors.filter((x) => !x.tolerable)) {
    console.error(`electronegativity: could not read ${e.file}: ${e.message}`)
    failures++
  }
  for (const issue of result.issues) {
    const line = `${issue.severity.name.padEnd(6)} ${issue.id} ${issue.file}:${issue.location?.line ?? '?'} — ${issue.description}`
    if (issue.severity.name === 'INFORMATIONAL') {
      notes++
      console.log(line)
    } else if (issue.severity.name === 'LOW') {
      lows++
      console.log(line)
    } else {
      failures++
      console.error(line)
    }
  }
} finally {
  rmSync(stage, { recursive: true, force: true })
}
console.log(`electronegativity: ${failures} medium or high, ${lows} low (each justified where it is raised), ${notes} informational`)
process.exit(failures > 0 ? 1 : 0)
