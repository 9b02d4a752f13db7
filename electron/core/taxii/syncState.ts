// The workspace's sharing file (sharing.json beside workspace.json): saved connections without secrets, and per collection what was pushed (id → version) and where the last pull stopped.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { AUTH_KINDS, type Connection } from '../../../shared/sharing'
import { writeFileAtomic } from '../fs/atomicWrite'
import { openFor, sealFor } from '../store/heldKeys'

export const SHARING_FILE = 'sharing.json'

const ConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  server: z.string(),
  auth: z.enum(AUTH_KINDS),
  user: z.string().optional(),
  tokenHeader: z.string().optional(),
})

const CollectionStateSchema = z.object({
  /** STIX id → the version (modified, else created) the server holds from us. */
  sent: z.record(z.string(), z.string()).default({}),
  /** The page being sent when a push stopped: checked against the server before the next push sends it again. */
  inFlight: z.array(z.object({ id: z.string(), version: z.string() })).optional(),
  /** The server's status resource for that page, when it answered with one: the next push asks it first (it also tells a write-only collection's outcome). */
  inFlightStatus: z.string().optional(),
  /** The X-TAXII-Date-Added-Last of the last committed pull. */
  addedAfter: z.string().optional(),
  lastPush: z.string().optional(),
  lastPull: z.string().optional(),
})
export type CollectionState = z.infer<typeof CollectionStateSchema>

const SyncStateSchema = z.object({
  version: z.literal(1),
  connections: z.array(ConnectionSchema).default([]),
  /** Keyed by the collection's objects URL. */
  collections: z.record(z.string(), CollectionStateSchema).default({}),
})
export type SyncState = z.infer<typeof SyncStateSchema>

/** Reads and writes one workspace's sharing file; writes are atomic and one at a time. */
export class SyncStateFile {
  readonly file: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dir: string) {
    this.file = join(dir, SHARING_FILE)
  }

  async read(): Promise<SyncState> {
    let text: string
    try {
      text = openFor(dirname(this.file), await readFile(this.file)).toString('utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, connections: [], collections: {} }
      throw err
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      throw new Error(`${this.file} is not JSON; move it aside to start sharing afresh.`)
    }
    const parsed = SyncStateSchema.safeParse(raw)
    if (!parsed.success) throw new Error(`${this.file} is not a sharing file Watchfloor understands; move it aside to start sharing afresh.`)
    return parsed.data
  }

  /** Reads, changes and writes the file, after every earlier change. */
  change<T>(fn: (state: SyncState) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const state = await this.read()
      const out = fn(state)
      // Sealed under the workspace's key when it is encrypted, like the rest of its data.
      await writeFileAtomic(this.file, sealFor(dirname(this.file), JSON.stringify(state) + '\n'))
      return out
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  async connection(id: string): Promise<Connection | undefined> {
    return (await this.read()).connections.find((c) => c.id === id)
  }
}

/** An empty state for a collection. */
export const emptyCollectionState = (): CollectionState => ({ sent: {} })
