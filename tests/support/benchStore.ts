// Benchmark of the workspace store against bare JSON: open and save-after-one-edit at 1k, 10k and 100k incidents, plain and encrypted.
// Run through `npm run bench`; pass --expose-gc so each timed run starts from a collected heap.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WORKSPACE_FILE } from '../../electron/core/store/files'
import { WorkspaceKey } from '../../electron/core/store/cipher'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { compare, durableWrite } from './benchTiming'
import { generateWorkspace } from './generate'

/** Open and save targets at 100k incidents, as ratios to bare JSON (save: to the durable baseline). */
const TARGET = { open: 1.5, save: 1.3 }
/** An encrypted workspace's open and save at 100k, as ratios to the plain store's. */
const ENCRYPTED_TARGET = 1.5
const PASSPHRASE = 'bench passphrase, several words long'
const SIZES = [
  { incidents: 1_000, warmups: 3, runs: 15 },
  { incidents: 10_000, warmups: 2, runs: 9 },
  { incidents: 100_000, warmups: 1, runs: 5 },
]

interface Row {
  incidents: number
  mb: number
  open: { json: number; store: number; untrusted: number; encrypted: number; kdf: number }
  save: { json: number; durable: number; store: number; encrypted: number }
}

async function measure({ incidents, warmups, runs }: (typeof SIZES)[number]): Promise<Row> {
  const root = await mkdtemp(join(tmpdir(), 'watchfloor-bench-'))
  try {
    const dir = join(root, 'ws')
    const data = generateWorkspace(incidents)
    const created = await WorkspaceStore.open(dir, { create: { data } })
    await created.close()
    // The same workspace encrypted, with the default scrypt costs: its open derives the key, as the app's does.
    const encDir = join(root, 'enc')
    const sealed = await WorkspaceStore.open(encDir, { create: { data } })
    await sealed.setPassphrase(PASSPHRASE)
    await sealed.close()
    await (await WorkspaceStore.open(encDir, { passphrase: PASSPHRASE })).close()
    const file = join(dir, WORKSPACE_FILE)
    const fingerprint = join(dir, `.${WORKSPACE_FILE}.fingerprint`)
    const hidden = `${fingerprint}.hidden`

    const open = await compare(
      {
        json: () => JSON.parse(readFileSync(file, 'utf8')),
        store: async () => (await WorkspaceStore.open(dir)).close(),
        untrusted: async () => {
          // Without its fingerprint the file is validated in full, as after a hand edit or a crash.
          renameSync(fingerprint, hidden)
          try {
            await (await WorkspaceStore.open(dir)).close()
          } finally {
            renameSync(hidden, fingerprint)
          }
        },
        encrypted: async () => (await WorkspaceStore.open(encDir, { passphrase: PASSPHRASE })).close(),
        // The key derivation alone: a fixed cost whatever the size, there to make the workspace expensive to guess at.
        kdf: () => WorkspaceKey.unlock(PASSPHRASE, readFileSync(join(encDir, WORKSPACE_FILE))),
      },
      warmups,
      runs,
    )

    const store = await WorkspaceStore.open(dir)
    const encStore = await WorkspaceStore.open(encDir, { passphrase: PASSPHRASE })
    const other = join(root, 'baseline.json')
    let edit = 0
    const save = await compare(
      {
        json: () => writeFileSync(other, JSON.stringify(store.data)),
        durable: () => durableWrite(other, JSON.stringify(store.data)),
        store: () =>
          store.update((data) => {
            const n = edit++ % data.incidents.length
            data.incidents[n].title = `Edited incident ${n} (${edit})`
          }),
        encrypted: () =>
          encStore.update((d) => {
            const n = edit++ % d.incidents.length
            d.incidents[n].title = `Edited incident ${n} (${edit})`
          }),
      },
      warmups,
      runs,
    )
    await store.close()
    await encStore.close()
    return { incidents, mb: statSync(file).size / 1e6, open, save }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8)
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`.padStart(7)

console.log(`Workspace store vs bare JSON (median ms${(globalThis as { gc?: unknown }).gc ? '' : '; run with --expose-gc for steadier figures'})`)
console.log('incidents     MB | open: JSON    store  ratio  untrusted  ratio | save: JSON  durable    store  ratio  vs JSON | encrypted: open  ratio  (scrypt)     save  ratio')
const rows: Row[] = []
for (const size of SIZES) {
  const r = await measure(size)
  rows.push(r)
  console.log(
    `${String(r.incidents).padStart(9)} ${r.mb.toFixed(1).padStart(6)} |   ${ms(r.open.json)} ${ms(r.open.store)} ${ratio(r.open.store, r.open.json)}   ${ms(r.open.untrusted)} ${ratio(r.open.untrusted, r.open.json)} |   ${ms(r.save.json)} ${ms(r.save.durable)} ${ms(r.save.store)} ${ratio(r.save.store, r.save.durable)} ${ratio(r.save.store, r.save.json)} |  ${ms(r.open.encrypted)} ${ratio(r.open.encrypted, r.open.store)} ${ms(r.open.kdf)} ${ms(r.save.encrypted)} ${ratio(r.save.encrypted, r.save.store)}`,
  )
}
console.log('open = WorkspaceStore.open + close (lock, read, fingerprint check, parse, backup copy) vs JSON.parse(readFileSync)')
console.log('untrusted = the same open with the fingerprint missing, so the file is validated in full with zod')
console.log('encrypted = the same workspace encrypted (AES-256-GCM, scrypt N=2^17 r=8 p=1): open derives the key once, then decrypts; save seals; ratios to the plain store')
console.log('save = store.update of one title, awaited (lock check, stringify, temp file + fsync + rename + folder fsync, fingerprint) vs the durable baseline (the same write + fsyncs by hand); vs JSON = vs writeFileSync(JSON.stringify), no fsync')

const big = rows.at(-1)!
const openRatio = big.open.store / big.open.json
const saveRatio = big.save.store / big.save.durable
const met = openRatio <= TARGET.open && saveRatio <= TARGET.save
console.log(
  `100k targets ${met ? 'met' : 'NOT met'}: open ${openRatio.toFixed(2)}× (target ≤ ${TARGET.open}×, ${openRatio <= TARGET.open ? 'met' : 'missed'}), ` +
    `save ${saveRatio.toFixed(2)}× (target ≤ ${TARGET.save}×, ${saveRatio <= TARGET.save ? 'met' : 'missed'})`,
)
const encOpen = big.open.encrypted / big.open.store
const encSave = big.save.encrypted / big.save.store
console.log(
  `100k encrypted targets ${encOpen <= ENCRYPTED_TARGET && encSave <= ENCRYPTED_TARGET ? 'met' : 'NOT met'}: open ${encOpen.toFixed(2)}× plain ` +
    `(${((big.open.encrypted - big.open.kdf) / big.open.store).toFixed(2)}× without the ${Math.round(big.open.kdf)} ms of scrypt), save ${encSave.toFixed(2)}× plain (target ≤ ${ENCRYPTED_TARGET}× each)`,
)
