// Child process of the lock race test: on `open <dir> <tag>` it opens the workspace, saves three tagged incidents if it may write, and says so, keeping the workspace open until `close`.
// Usage: node --import tsx tests/support/lockRacer.ts
import { createInterface } from 'node:readline'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { incident } from './storeFixture'

let open: WorkspaceStore | null = null
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, dir, tag] = line.split(' ')
  if (verb === 'close') {
    await open?.close()
    open = null
    process.stdout.write('{"closed":true}\n')
    continue
  }
  try {
    const store = (open = await WorkspaceStore.open(dir))
    const writer = store.readOnlyReason === null
    const saved: string[] = []
    if (writer) {
      for (let k = 1; k <= 3; k++) {
        const title = `${tag} save ${k}`
        await store.update((d) => void d.incidents.push({ ...incident(k, title), id: `inc-${tag}-${k}` }))
        saved.push(title)
      }
    }
    process.stdout.write(JSON.stringify({ tag, writer, saved }) + '\n')
  } catch (err) {
    process.stdout.write(JSON.stringify({ tag, error: (err as Error).message }) + '\n')
  }
}
