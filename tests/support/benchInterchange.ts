// Benchmark of STIX import and export beside bare JSON: a generated 100k-object bundle imported (parse, check, map, one write) vs JSON.parse + one plain write; 10k incidents exported with the check vs JSON.stringify + write.
import { writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportStix } from '../../electron/core/interchange/stixExport'
import { bundleProblems } from '../../electron/core/interchange/stixCheck'
import { InterchangeService } from '../../electron/core/services/InterchangeService'
import { AuditLog } from '../../electron/core/store/AuditLog'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { median, timed } from './benchTiming'
import { generateWorkspace } from './generate'
import { oasisErrors } from './oasisStix'

const TARGET = { import: 4, export: 4 }
const root = await mkdtemp(join(tmpdir(), 'watchfloor-bench-interchange-'))
try {
  // A bundle of about 100k objects: incidents exported with their relationships, responses and actors.
  let incidents = 14_000
  let text = JSON.stringify(exportStix(generateWorkspace(incidents)))
  let objects = (JSON.parse(text) as { objects: unknown[] }).objects.length
  incidents = Math.round((incidents * 100_000) / objects)
  text = JSON.stringify(exportStix(generateWorkspace(incidents)))
  objects = (JSON.parse(text) as { objects: unknown[] }).objects.length
  console.log(`Bundle of ${objects} objects (${incidents} generated incidents), ${(text.length / 1e6).toFixed(1)} MB`)
  const errors = oasisErrors((JSON.parse(text) as { objects: { type: string; id: string }[] }).objects)
  console.log(`OASIS STIX 2.1 schemas over the bench bundle: ${errors.length} errors${errors.length ? ` (first: ${errors[0]})` : ''}`)
  if (errors.length > 0) process.exitCode = 1

  const importRuns: number[] = []
  const baseRuns: number[] = []
  for (let run = 0; run < 3; run++) {
    const dir = join(root, `import-${run}`)
    const store = await WorkspaceStore.open(dir, { create: { name: 'Bench' } })
    const service = new InterchangeService(store, new AuditLog(store.dir))
    baseRuns.push(await timed(() => writeFileSync(join(root, `plain-${run}.json`), JSON.stringify(JSON.parse(text)))))
    importRuns.push(
      await timed(async () => {
        const preview = service.preview({ text }, 'bench.json')
        await service.commit(preview.token)
      }),
    )
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
  const imp = median(importRuns)
  const impBase = median(baseRuns)

  const ws = generateWorkspace(10_000)
  // The baseline writes the very bundle the export writes: what costs more is mapping and checking.
  const same = exportStix(ws)
  const exportRuns: number[] = []
  const exportBase: number[] = []
  for (let run = 0; run < 5; run++) {
    exportBase.push(await timed(() => writeFileSync(join(root, 'plain-export.json'), JSON.stringify(same))))
    exportRuns.push(
      await timed(() => {
        const bundle = exportStix(ws)
        if (bundleProblems(bundle).length > 0) throw new Error('invalid bundle')
        writeFileSync(join(root, 'export.json'), JSON.stringify(bundle))
      }),
    )
  }
  const exp = median(exportRuns)
  const expBase = median(exportBase)
  console.log(`import of ${objects} objects: ${imp.toFixed(0)} ms (preview: parse, check, map; commit: backup + one write) vs JSON.parse + one plain write ${impBase.toFixed(0)} ms → ${(imp / impBase).toFixed(2)}× (target ≤ ${TARGET.import}×)`)
  console.log(`export of 10k incidents (${same.objects.length} objects) with the bundle check: ${exp.toFixed(0)} ms vs JSON.stringify + write of the same bundle ${expBase.toFixed(0)} ms → ${(exp / expBase).toFixed(2)}× (target ≤ ${TARGET.export}×)`)
} finally {
  await rm(root, { recursive: true, force: true })
}
