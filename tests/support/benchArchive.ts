// Benchmark of archived copies against bare file I/O: checking every copy (as on open and in validate) vs reading and hashing the same files by hand, and storing a copy vs a durable write of the same bytes.
// Run through `npm run bench`.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkArchivedCopies, writeArchivedCopy } from '../../electron/core/store/archive'
import type { ArchivedCopy } from '../../shared/domain'
import { compare, durableWrite } from './benchTiming'

/** Ratios to the by-hand baseline the archive code must stay within; storing also creates the source's folder and checks the bytes, hence the wider bound. */
const TARGET = { check: 1.5, store: 2 }
const COPIES = 120
const SIZE = 512 * 1024
const RUNS = 15
const WARMUPS = 2

const root = await mkdtemp(join(tmpdir(), 'watchfloor-bench-archive-'))
try {
  const dir = join(root, 'ws')
  await mkdir(dir)
  // A page-sized HTML file of text, different per copy.
  const page = (n: number) => Buffer.from(`<!doctype html><p>${`Copy ${n}: statement on the attack. `.repeat(SIZE / 40)}</p>`.slice(0, SIZE))
  const sources: { id: string; title: string; archive: ArchivedCopy }[] = []
  for (let n = 0; n < COPIES; n++) sources.push({ id: `src-${n}`, title: `Source ${n}`, archive: await writeArchivedCopy(dir, `src-${n}`, 'page.html', 'text/html', page(n)) })

  const check = await compare(
    {
      byHand: async () => {
        for (const s of sources) createHash('sha256').update(await readFile(join(dir, s.archive.file))).digest('hex')
      },
      archive: async () => {
        const problems = await checkArchivedCopies(dir, sources)
        if (problems.length) throw new Error(problems[0].message)
      },
    },
    WARMUPS,
    RUNS,
  )
  const bytes = page(COPIES + 1)
  const other = join(root, 'baseline.html')
  let n = 0
  const store = await compare(
    {
      byHand: () => durableWrite(other, bytes),
      archive: () => writeArchivedCopy(dir, `src-new-${n++}`, 'page.html', 'text/html', bytes),
    },
    WARMUPS,
    RUNS,
  )

  const mb = (COPIES * SIZE) / 1024 / 1024
  console.log(`Archived copies vs bare file I/O (median ms over ${RUNS} runs)`)
  console.log(`check ${COPIES} copies (${mb.toFixed(0)} MB): by hand ${check.byHand.toFixed(1)}, archive ${check.archive.toFixed(1)}, ratio ${(check.archive / check.byHand).toFixed(2)}× (target ≤ ${TARGET.check}×)`)
  console.log(`store one ${SIZE / 1024} KB copy: durable write ${store.byHand.toFixed(2)}, archive ${store.archive.toFixed(2)}, ratio ${(store.archive / store.byHand).toFixed(2)}× (target ≤ ${TARGET.store}×)`)
  const missed = [check.archive / check.byHand > TARGET.check && 'check', store.archive / store.byHand > TARGET.store && 'store'].filter(Boolean)
  if (missed.length) {
    console.error(`Over target: ${missed.join(', ')}`)
    process.exitCode = 1
  }
} finally {
  await rm(root, { recursive: true, force: true })
}
