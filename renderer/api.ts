// The typed client over whichever host runs the renderer: Electron's preload bridge, or the browser host's HTTP bridge.
import type { Bridge } from '../shared/bridge'
import { createClient } from '../shared/contract'
import { fail } from '../shared/result'

const TOKEN_KEY = 'watchfloor.token'
const KEEPALIVE_MAX_CHARS = 60_000

/** The browser host puts its token in the URL fragment; keep it for this tab and clear it from the address bar. */
function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', location.pathname + location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpBridge(): Bridge {
  const token = takeToken()
  return {
    async invoke(channel, input) {
      try {
        const body = JSON.stringify({ channel, input })
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Watchfloor-Token': token },
          body,
          // A call made as the page closes (a note's last autosave) still reaches the host; browsers cap keepalive bodies at 64 KiB.
          keepalive: body.length < KEEPALIVE_MAX_CHARS,
        })
        return await res.json()
      } catch (err) {
        return fail('internal', `The Watchfloor host did not answer (${(err as Error).message}). Is it still running?`)
      }
    },
    // The browser host serves one workspace for its whole run, so it never announces a switch.
    onWorkspaceChanged: () => () => undefined,
  }
}

export const bridge: Bridge = window.workbench ?? httpBridge()
export const client = createClient(bridge.invoke)
