// Benchmark of CSV import: a generated 100k-row CSV imported (parse, map, validate, one write after a backup) beside papaparse alone over the same file, in the same run;
// and the floor any import into a one-document JSON workspace has: papaparse, the bare records built from the cells with no mapping or checks, and those records written as JSON.
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { suggestMapping } from '../../shared/datasets/mapping'
import { toCsv } from '../../shared/datasets/csv'
import { InterchangeService } from '../../electron/core/services/InterchangeService'
import { AuditLog } from '../../electron/core/store/AuditLog'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { writeChunksAtomic } from '../../electron/core/fs/atomicWrite'
import { jsonPieces, utf8Chunks } from '../../electron/core/store/jsonStream'
import { median, timed } from './benchTiming'

const TARGET = 3
const ROWS = 100_000
const VICTIMS = ['Albania', 'Estonia', 'Germany', 'Ukraine', 'United States', 'Japan', 'Costa Rica', 'Montenegro', 'Saudi Arabia', 'Latvia']
const SPONSORS = ['Iran, Islamic Republic of', 'Russian Federation', 'China', "Korea, Democratic People's Republic of", '']
const TYPES = ['Espionage', 'Data destruction', 'Denial of service', 'Ransomware; Doxing', 'Defacement']
const rows: string[][] = []
for (let n = 0; n < ROWS; n++) {
  const year = 2005 + (n % 20)
  const date = n % 3 === 0 ? `${(n % 12) + 1}/${(n % 28) + 1}/${year}` : n % 3 === 1 ? `${year}-${String((n % 12) + 1).padStart(2, '0')}` : String(year)
  rows.push([`R${n}`, `Operation ${n} against ${VICTIMS[n % VICTIMS.length]} ministry networks`, date, VICTIMS[n % VICTIMS.length], SPONSORS[n % SPONSORS.length], TYPES[n % TYPES.length], `Generated row ${n}, with a comma and "quotes".`])
}
const text = toCsv(['ID', 'Title', 'Date', 'Victim country', 'Sponsor', 'Type', 'Summary'], rows)
const mapping = suggestMapping(['ID', 'Title', 'Date', 'Victim country', 'Sponsor', 'Type', 'Summary'], rows, 'Bench sheet')
console.log(`CSV of ${ROWS} rows, ${(text.length / 1e6).toFixed(1)} MB`)

/** The least an import must do: parse, one record per row with the fields an imported incident has (values copied from the cells), and one JSON write. */
async function floor(file: string): Promise<void> {
  const cells = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data
  const now = new Date().toISOString()
  const incidents = cells.slice(1).map((c, n) => ({
    id: `inc-${randomUUID()}`,
    title: c[1],
    summary: c[6],
    status: 'draft',
    types: [c[5]],
    victims: [{ country: c[3], sector: '', organisation: '' }],
    sponsorCountries: [c[4]],
    actorIds: [],
    nexus: 'unknown',
    impact: '',
    techniques: [],
    tags: [],
    tlp: 'CLEAR',
    sourceIds: [],
    attributions: [],
    responses: [],
    locations: [],
    provenance: { dataset: 'Bench sheet', version: '', key: c[0], row: n + 2, importedAt: now, digest: c[0] },
    createdAt: now,
    updatedAt: now,
    start: c[2],
  }))
  // Written the way the workspace is (in pieces, one reused buffer), the fastest JSON write here.
  await writeChunksAtomic(file, utf8Chunks(jsonPieces({ incidents })))
}

const root = await mkdtemp(join(tmpdir(), 'watchfloor-bench-datasets-'))
try {
  const importRuns: number[] = []
  const baseRuns: number[] = []
  const floorRuns: number[] = []
  let accounted = 0
  for (let run = 0; run < 3; run++) {
    baseRuns.push(await timed(() => Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })))
    floorRuns.push(await timed(() => floor(join(root, `floor-${run}.json`))))
    const dir = join(root, `import-${run}`)
    const store = await WorkspaceStore.open(dir, { create: { name: 'Bench' } })
    const service = new InterchangeService(store, new AuditLog(store.dir))
    importRuns.push(
      await timed(async () => {
        const preview = service.preview({ text }, 'bench.csv', 'csv', { mapping })
        accounted = preview.totals.new
        await service.commit(preview.token)
      }),
    )
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
  if (accounted !== ROWS) {
    console.log(`expected ${ROWS} new incidents, got ${accounted}`)
    process.exitCode = 1
  }
  const imp = median(importRuns)
  const base = median(baseRuns)
  const least = median(floorRuns)
  console.log(`import of ${ROWS} CSV rows: ${imp.toFixed(0)} ms (parse, map, validate, backup + one write) vs papaparse alone ${base.toFixed(0)} ms → ${(imp / base).toFixed(2)}× (target ≤ ${TARGET}×)`)
  console.log(`floor (papaparse, bare records, one JSON write): ${least.toFixed(0)} ms → ${(least / base).toFixed(2)}× papaparse; the import takes ${(imp / least).toFixed(2)}× the floor`)
} finally {
  await rm(root, { recursive: true, force: true })
}
