// IPC registration: one ipcMain.handle per contract channel, refusing calls that do not come from our own page.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { CHANNEL_NAMES, EVENTS, REQUESTS, type EncryptionDialog } from '../../shared/channels'
import type { Handlers } from '../../shared/contract'
import { fail } from '../../shared/result'
import { isAppUrl, type RendererEntry } from './pages'
import { dispatch } from '../core/handlers'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

export const REFUSED_MESSAGE = 'Call refused: unknown sender'

/** Trusts only the main frame of our window while it shows our renderer; an iframe or a navigated page gets nothing. */
export function trustedSender(getWindow: () => BrowserWindow | null, entry: RendererEntry): SenderCheck {
  return (event) => {
    const win = getWindow()
    const frame = event.senderFrame
    if (!win || win.isDestroyed() || !frame) return false
    return event.sender === win.webContents && frame.parent === null && isAppUrl(frame.url, entry)
  }
}

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedSender: SenderCheck): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (isTrustedSender(event)) return dispatch(handlers, channel, input)
      console.warn(`[watchfloor] refused ${channel} from ${event.senderFrame?.url ?? 'a gone frame'}`)
      return fail('invalid-input', REFUSED_MESSAGE)
    })
  }
}

/** Menu actions the page may ask for (the command palette's Open workspace…), from our own page only. */
export function registerRequests(ipcMain: IpcMain, isTrustedSender: SenderCheck, actions: { openWorkspace(): void }): void {
  ipcMain.on(REQUESTS.openWorkspace, (event) => {
    if (isTrustedSender(event as unknown as IpcMainInvokeEvent)) actions.openWorkspace()
    else console.warn(`[watchfloor] refused ${REQUESTS.openWorkspace} from ${event.senderFrame?.url ?? 'a gone frame'}`)
  })
}

/** Asks the page to show the encrypt / change passphrase / decrypt dialog. */
export function sendEncryptionRequest(contents: WebContents, dialog: EncryptionDialog): void {
  if (!contents.isDestroyed()) contents.send(EVENTS.encryptionRequested, dialog)
}

/** Tells the page another workspace is open, so it reloads its snapshot. */
export function sendWorkspaceChanged(contents: WebContents): void {
  if (!contents.isDestroyed()) contents.send(EVENTS.workspaceChanged)
}
