// What the Sharing view does: list, save and remove connections, test one, push a scope, and pull into the import preview — all through the main side, which alone talks to the server.
import type { DataExportScope } from '../../shared/interchange'
import type { CollectionRef, ConnectionInput, ConnectionTest, PullResult, PushResult, SharingOverview, SharingProgress } from '../../shared/sharing'
import { client } from '../api'
import { toast } from '../state/actions'
import { setState } from '../state/store'

export const listConnections = (): Promise<SharingOverview> => client.sharing.list()

export async function saveConnection(input: ConnectionInput) {
  const saved = await client.sharing.save(input)
  toast('info', `Saved the connection “${saved.name}”.`)
  return saved
}

/** Removes a connection; Undo adds it back (its saved password stays where it was kept). */
export async function removeConnection(id: string, reload: () => void): Promise<void> {
  const removed = await client.sharing.remove({ id })
  toast('info', `Removed the connection “${removed.name}”.`, {
    label: 'Undo',
    run: () => void client.sharing.save({ name: removed.name, server: removed.server, auth: removed.auth, user: removed.user, tokenHeader: removed.tokenHeader }).then(reload),
  })
}

export const testConnection = (id: string): Promise<ConnectionTest> => client.sharing.test({ id })

/** Polls the main side's progress line while `work` runs. */
async function withProgress<T>(work: Promise<T>, onProgress: (p: SharingProgress | null) => void): Promise<T> {
  let done = false
  const poll = async () => {
    while (!done) {
      onProgress(await client.sharing.progress().catch(() => null))
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  void poll()
  try {
    return await work
  } finally {
    done = true
    onProgress(null)
  }
}

export function push(connection: string, collection: CollectionRef, scope: DataExportScope, onProgress: (p: SharingProgress | null) => void): Promise<PushResult> {
  return withProgress(client.sharing.push({ connection, collection, scope }), onProgress)
}

/** Pulls what is new and opens the import preview with it; the analyst commits it (or not) there. */
export async function pull(connection: string, collection: CollectionRef, onProgress: (p: SharingProgress | null) => void): Promise<PullResult> {
  const result = await withProgress(client.sharing.pull({ connection, collection }), onProgress)
  if (result.preview) setState({ importing: { fileName: result.preview.fileName, stage: '', preview: result.preview, campaignsAsIncidents: false, fromServer: true } })
  return result
}
