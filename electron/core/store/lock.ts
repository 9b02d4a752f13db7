// The workspace lock: at most one process writes a workspace. Taken by an atomic exclusive link, taken over from a dead owner only under a breaker, and re-checked before every write.
import { randomBytes, randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { link, lstat, open, readFile, rename, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { isProcessAlive } from '../fs/processes'

export const LOCK_FILE = '.watchfloor.lock'

export interface LockOwner {
  pid: number
  host: string
  since: string
  /** Tells apart two holders in one process: a same-process reopen takes the lock over. */
  token?: string
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : null
  } catch {
    return null
  }
}

/** The inode of `path` without following a link, or null when nothing is there. */
async function inodeOf(path: string): Promise<bigint | null> {
  try {
    return (await lstat(path, { bigint: true })).ino
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Writes `owner` to a new file under a name nobody else uses, fsynced, so it can be linked into place whole. */
async function writeCandidate(path: string, owner: LockOwner): Promise<string> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644)
  try {
    await handle.writeFile(JSON.stringify(owner))
    await handle.sync()
  } finally {
    await handle.close()
  }
  return temp
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

/**
 * Removes the stale lock whose inode is `stale`, and nothing else. Only the holder of the breaker
 * (`<lock>.break`, created exclusively) may remove a lock, so no process can delete a lock another
 * one has just taken over: while the breaker is held the lock can only appear, never change.
 */
async function breakStale(path: string, stale: bigint, me: LockOwner): Promise<void> {
  const breaker = `${path}.break`
  try {
    const temp = await writeCandidate(breaker, me)
    try {
      await link(temp, breaker)
    } finally {
      await unlink(temp).catch(() => undefined)
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    const holder = await readOwner(breaker)
    // A breaker left by a process that died within its few system calls: move it aside (to a name of our own, so only one mover succeeds) and retry.
    if (holder && holder.host === me.host && !isProcessAlive(holder.pid)) {
      const aside = `${breaker}.${process.pid}.${randomBytes(4).toString('hex')}.stale`
      if (await rename(breaker, aside).then(() => true, () => false)) await unlink(aside).catch(() => undefined)
    } else await pause(5 + Math.random() * 20)
    return
  }
  try {
    if ((await inodeOf(path)) === stale) await unlink(path)
  } finally {
    await unlink(breaker).catch(() => undefined)
  }
}

export interface HeldLock {
  /** True while the lock file is still the one this process linked into place and names it. */
  verify(): Promise<boolean>
  release(): Promise<void>
}

export type LockResult = ({ acquired: true } & HeldLock) | { acquired: false; owner: LockOwner }

/**
 * Takes the lock at `path`. A lock left by a dead process on this host (or an unreadable one) is
 * stale and taken over; a live owner wins and the caller must not write. Two processes started
 * together on a stale lock never both acquire it.
 */
export async function acquireLock(path: string): Promise<LockResult> {
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() }
  const candidate = await writeCandidate(path, me)
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        // link() creates the name only if it does not exist: of any number of racers, exactly one succeeds.
        await link(candidate, path)
        const ino = (await inodeOf(path))!
        return {
          acquired: true,
          verify: async () => (await inodeOf(path)) === ino && (await readOwner(path))?.token === me.token,
          release: async () => {
            if ((await inodeOf(path)) === ino && (await readOwner(path))?.token === me.token) await unlink(path).catch(() => undefined)
          },
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const ino = await inodeOf(path)
      if (ino === null) continue
      const owner = await readOwner(path)
      if (owner && owner.pid !== process.pid && (owner.host !== me.host || isProcessAlive(owner.pid))) return { acquired: false, owner }
      await breakStale(path, ino, me)
    }
  } finally {
    await unlink(candidate).catch(() => undefined)
  }
  throw new Error(`Could not take the workspace lock ${path}: other processes kept changing it.`)
}
