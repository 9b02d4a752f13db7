// Child process of the unwritable-folder test, run as an unprivileged user: an edit fails on a folder made read-only, then the folder is writable again.
// Usage: node --import tsx tests/support/unwritableEdit.ts <workspace dir (owned by this user)>
import { chmod, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { WorkbenchError } from '../../shared/result'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { LOCK_FILE } from '../../electron/core/store/lock'
import { incident } from './storeFixture'

const dir = process.argv[2]
const store = await WorkspaceStore.open(dir)
if (store.readOnlyReason) throw new Error(`expected a writable workspace: ${store.readOnlyReason}`)
await chmod(dir, 0o555)
let failedCode = ''
let failedMessage = ''
try {
  await store.update((d) => void d.incidents.push(incident(0, 'Refused by the folder')))
} catch (err) {
  failedCode = (err as WorkbenchError).code
  failedMessage = (err as Error).message
}
const inMemoryAfterFailure = store.data.incidents.some((i) => i.title === 'Refused by the folder')
const temps = (await readdir(dir)).filter((n) => n.endsWith('.tmp'))
await chmod(dir, 0o755)
await store.update((d) => void (d.incidents[0].title = 'Saved after the folder was writable again'))
await store.close()
const onDisk = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as { incidents: { title: string }[] }
const inFileAfterNextSave = onDisk.incidents.some((i) => i.title === 'Refused by the folder')
const savedAfter = onDisk.incidents[0].title === 'Saved after the folder was writable again'

// Opening a read-only folder: read-only with the reason, and no lock left behind.
await chmod(dir, 0o555)
const reopened = await WorkspaceStore.open(dir)
const reopenedReadOnly = reopened.readOnlyReason
await reopened.close()
const lockLeft = (await readdir(dir)).includes(LOCK_FILE)
await chmod(dir, 0o755)

console.log(JSON.stringify({ failedCode, failedMessage, inMemoryAfterFailure, temps, inFileAfterNextSave, savedAfter, reopenedReadOnly, lockLeft }))
