// Renderer entry: puts the remembered theme on the page before the first paint, then mounts the app shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './shell/App'
import { applyTheme, resolveTheme, systemTheme } from './state/theme'
import { savedThemeChoice } from './state/themeStorage'
import './styles.css'

applyTheme(resolveTheme(savedThemeChoice(), systemTheme()))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
