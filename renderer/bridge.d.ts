// The window.workbench bridge the preload exposes; absent when the page runs outside Electron.
import type { Bridge } from '../shared/bridge'

declare global {
  interface Window {
    workbench?: Bridge
  }
}

export {}
