// Runs a registered command when its key test matches a keydown anywhere in the window.
import { useEffect } from 'react'
import { commands } from './commands'

export function useCommandKeys(): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const command = commands().find((c) => c.keyTest?.(e) && (c.predicate?.() ?? true))
      if (!command) return
      e.preventDefault()
      command.perform()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
