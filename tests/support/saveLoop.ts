// Child process of the crash test: saves a rising counter into the first incident, the app's settings and a briefing export, until it is killed.
// Usage: node --import tsx tests/support/saveLoop.ts <workspace dir> <settings dir>; an encrypted workspace's passphrase comes in WATCHFLOOR_TEST_PASSPHRASE.
import { join } from 'node:path'
import { writeSettings } from '../../electron/app/settings'
import { exportBriefing } from '../../electron/core/services/report/exportBriefing'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { defaultReport } from '../../shared/report/model'

const [dir, settingsDir] = process.argv.slice(2)
if (!dir || !settingsDir) throw new Error('usage: saveLoop.ts <workspace dir> <settings dir>')

// A backup every few saves so kills also land while a backup is being copied and pruned.
const store = await WorkspaceStore.open(dir, { backupEvery: 7, keepBackups: 5, passphrase: process.env.WATCHFLOOR_TEST_PASSPHRASE })
if (store.readOnlyReason) {
  console.error(`read-only: ${store.readOnlyReason}`)
  process.exit(2)
}

const COUNTER = /^Counter (\d+)$/
let counter = Number(COUNTER.exec(store.data.incidents[0]?.title ?? '')?.[1] ?? 0)
const definition = defaultReport('Crash test')
for (;;) {
  counter++
  const value = counter
  await store.update((data) => {
    data.incidents[0].title = `Counter ${value}`
    data.incidents[0].updatedAt = new Date().toISOString()
  })
  // Written only after the save resolved: the parent holds the store to this promise. Pipes are synchronous on POSIX.
  process.stdout.write(`saved ${value}\n`)
  // Every few saves, the settings file and an export are rewritten too, so kills land inside those writes as well.
  if (value % 3 === 0) {
    await writeSettings(settingsDir, { recent: [join(settingsDir, `workspace-${value}`)] })
    await exportBriefing({ data: store.data, definition, format: 'md', out: join(dir, 'exports', 'crash-test.md') })
  }
}
