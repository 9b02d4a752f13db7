// Child process of the encryption-switch crash test: opens an encrypted workspace with one passphrase and changes it to another, until it is killed.
// Usage: node --import tsx tests/support/switchOnce.ts <workspace dir>; the passphrases come in WATCHFLOOR_TEST_FROM and WATCHFLOOR_TEST_TO.
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'

const [dir] = process.argv.slice(2)
const from = process.env.WATCHFLOOR_TEST_FROM
const to = process.env.WATCHFLOOR_TEST_TO
if (!dir || !from || !to) throw new Error('usage: WATCHFLOOR_TEST_FROM=… WATCHFLOOR_TEST_TO=… switchOnce.ts <workspace dir>')

const store = await WorkspaceStore.open(dir, { passphrase: from, kdf: { logN: 12, r: 8, p: 1 }, keepBackups: 30 })
process.stdout.write('switching\n')
await store.setPassphrase(to, from)
process.stdout.write('switched\n')
await store.close()
