// The map's theme: the user's choice if any, else the system's prefers-color-scheme (the app itself is dark).
import { useEffect, useState } from 'react'
import type { MapTheme } from './mapStyle'

const KEY = 'watchfloor.mapTheme'
const query = () => window.matchMedia?.('(prefers-color-scheme: light)')

export function useMapTheme(): [MapTheme, (t: MapTheme) => void] {
  const [chosen, setChosen] = useState<MapTheme | null>(() => {
    const saved = localStorage.getItem(KEY)
    return saved === 'light' || saved === 'dark' ? saved : null
  })
  const [system, setSystem] = useState<MapTheme>(() => (query()?.matches ? 'light' : 'dark'))
  useEffect(() => {
    const q = query()
    if (!q) return
    const on = () => setSystem(q.matches ? 'light' : 'dark')
    q.addEventListener('change', on)
    return () => q.removeEventListener('change', on)
  }, [])
  const choose = (t: MapTheme) => {
    localStorage.setItem(KEY, t)
    setChosen(t)
  }
  return [chosen ?? system, choose]
}
