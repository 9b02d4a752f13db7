// The app's theme: the user's choice (system, light or dark, kept in local storage) resolved against the system's preference.
import { useSyncExternalStore } from 'react'
import { setState, useApp } from './store'
import { rememberThemeChoice, type Theme, type ThemeChoice } from './themeStorage'

export type { Theme, ThemeChoice }

export function setThemeChoice(choice: ThemeChoice): void {
  rememberThemeChoice(choice)
  setState({ themeChoice: choice })
}

const lightQuery = () => (typeof window !== 'undefined' ? window.matchMedia?.('(prefers-color-scheme: light)') : undefined)

/** The system's preference now: light when it asks for light, else dark (the app's first look). */
export function systemTheme(): Theme {
  return lightQuery()?.matches ? 'light' : 'dark'
}

function subscribeSystem(onChange: () => void): () => void {
  const q = lightQuery()
  q?.addEventListener('change', onChange)
  return () => q?.removeEventListener('change', onChange)
}

export function resolveTheme(choice: ThemeChoice, system: Theme): Theme {
  return choice === 'system' ? system : choice
}

/** The theme in force, following the system's preference while the choice is "system". */
export function useTheme(): Theme {
  const choice = useApp((s) => s.themeChoice)
  const system = useSyncExternalStore(subscribeSystem, systemTheme)
  return resolveTheme(choice, system)
}

/** Puts the theme on the document: the stylesheet's palette and the browser's own controls follow it. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  root.dataset.theme = theme
  root.style.colorScheme = theme
}
