// The sandboxed preload: exposes the Bridge as window.workbench and nothing else of Electron.
import { contextBridge, ipcRenderer } from 'electron'
import type { Bridge } from '../../shared/bridge'
import { EVENTS, isChannel, REQUESTS } from '../../shared/channels'
import type { Result } from '../../shared/result'

/** The system's regional format, passed by the main process as an argument (the page's own Intl follows the UI language instead). */
const LOCALE_ARG = '--watchfloor-locale='
const locale = process.argv.find((a) => a.startsWith(LOCALE_ARG))?.slice(LOCALE_ARG.length)

const bridge: Bridge = {
  invoke(channel, input) {
    // A Result, like every other failure, so the page has one error path.
    if (!isChannel(channel)) {
      return Promise.resolve<Result<unknown>>({ ok: false, error: { code: 'invalid-input', message: `Unknown channel ${String(channel).slice(0, 80)}.` } })
    }
    return ipcRenderer.invoke(channel, input)
  },
  onWorkspaceChanged(listener) {
    // The IpcRendererEvent would hand the page a way back to ipcRenderer; it gets no arguments.
    const relay = () => listener()
    ipcRenderer.on(EVENTS.workspaceChanged, relay)
    return () => {
      ipcRenderer.removeListener(EVENTS.workspaceChanged, relay)
    }
  },
  onNewFromArticle(listener) {
    const relay = () => listener()
    ipcRenderer.on(EVENTS.newFromArticle, relay)
    return () => {
      ipcRenderer.removeListener(EVENTS.newFromArticle, relay)
    }
  },
  openWorkspace() {
    ipcRenderer.send(REQUESTS.openWorkspace)
  },
  locale,
}

contextBridge.exposeInMainWorld('workbench', bridge)
