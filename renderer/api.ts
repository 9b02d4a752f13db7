// The typed client over whichever host runs the renderer: Electron's preload bridge, or the browser host's HTTP bridge.
import type { Bridge } from '../shared/bridge'
import { createClient } from '../shared/contract'
import { fail } from '../shared/result'

const KEEPALIVE_MAX_CHARS = 60_000

/** The browser host's bridge: its session is an HttpOnly cookie the one-time address set, which the page never sees. */
function httpBridge(): Bridge {
  return {
    async invoke(channel, input) {
      try {
        const body = JSON.stringify({ channel, input })
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
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
