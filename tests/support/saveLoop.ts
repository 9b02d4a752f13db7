// Child process of the crash test: saves a rising counter into the first incident until it is killed.
// Usage: node --import tsx tests/support/saveLoop.ts <workspace dir>
import { WorkspaceStore } from '../../electron/store/WorkspaceStore'

const dir = process.argv[2]
if (!dir) throw new Error('usage: saveLoop.ts <workspace dir>')

// A backup every few saves so kills also land while a backup is being copied and pruned.
const store = await WorkspaceStore.open(dir, { backupEvery: 7, keepBackups: 5 })
if (store.readOnlyReason) {
  console.error(`read-only: ${store.readOnlyReason}`)
  process.exit(2)
}

const COUNTER = /^Counter (\d+)$/
let counter = Number(COUNTER.exec(store.data.incidents[0]?.title ?? '')?.[1] ?? 0)
for (;;) {
  counter++
  const value = counter
  await store.update((data) => {
    data.incidents[0].title = `Counter ${value}`
    data.incidents[0].updatedAt = new Date().toISOString()
  })
  // Written only after the save resolved: the parent holds the store to this promise. Pipes are synchronous on POSIX.
  process.stdout.write(`saved ${value}\n`)
}
