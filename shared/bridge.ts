// What a host exposes to the renderer: a transport for the contract and the events it pushes.
import type { Channel } from './channels'
import type { Result } from './result'

export interface Bridge {
  /** Sends one call; answers with the handler's Result (never rejects for a handler failure). */
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>
  /** Called when the host opened another workspace (File menu); returns an unsubscribe function. */
  onWorkspaceChanged(listener: () => void): () => void
  /** Called when File › New from article… is chosen (hosts with a menu only); returns an unsubscribe function. */
  onNewFromArticle?(listener: () => void): () => void
  /** Shows File › Open workspace…'s folder dialog; only hosts that have one (the desktop app) provide it. */
  openWorkspace?(): void
  /** The locale to write dates and times in (the desktop app: the system's regional format); without it the browser's languages decide. */
  locale?: string
}
