// Handles for tests and benches: put on `window` only when a test or bench switched them on before the page loaded.
declare global {
  interface Window {
    /** Set by a test or bench (Playwright's addInitScript) to ask for the handles below. */
    __watchfloorDebug?: boolean
  }
}

/** True when a test or bench asked for debug handles. */
export function debugHandlesOn(): boolean {
  return typeof window !== 'undefined' && window.__watchfloorDebug === true
}

/** Milliseconds the map's last filter and data build took (the map bench reads them). */
export const mapBuildStats = { filterMs: 0, buildMs: 0 }

/** Puts `value` on `window[name]` when handles are on; returns the function that takes it off again. */
export function exposeHandle(name: `__watchfloor${string}`, value: unknown): () => void {
  if (!debugHandlesOn()) return () => undefined
  const w = window as unknown as Record<string, unknown>
  w[name] = value
  return () => {
    if (w[name] === value) delete w[name]
  }
}
