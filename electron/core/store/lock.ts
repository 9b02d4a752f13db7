// A lock file with the owner's pid, so a second process never writes to a workspace another one holds.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { open, readFile, unlink } from 'node:fs/promises'

export const LOCK_FILE = '.watchfloor.lock'

interface LockOwner {
  pid: number
  host: string
  since: string
  /** Tells apart two holders in one process: a same-process reopen takes the lock over. */
  token?: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : null
  } catch {
    return null
  }
}

export type LockResult = { acquired: true; release: () => Promise<void> } | { acquired: false; owner: LockOwner }

/**
 * Takes the lock at `path`. A lock left by a dead process on this host (or an unreadable one)
 * is stale and taken over; a live owner wins and the caller must not write.
 */
export async function acquireLock(path: string): Promise<LockResult> {
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(JSON.stringify(me))
      await handle.close()
      return {
        acquired: true,
        release: async () => {
          const owner = await readOwner(path)
          if (owner?.pid === me.pid && owner.token === me.token) await unlink(path).catch(() => undefined)
        },
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = await readOwner(path)
      if (owner && owner.pid !== process.pid && (owner.host !== me.host || isAlive(owner.pid))) return { acquired: false, owner }
      await unlink(path).catch(() => undefined)
    }
  }
  throw new Error(`Could not take the workspace lock ${path}`)
}
