// The theme switch in the header: follow the system, or always light or dark; remembered across runs.
import { setThemeChoice, useTheme, type ThemeChoice } from '../state/theme'
import { useApp } from '../state/store'

export function ThemeSwitch() {
  const choice = useApp((s) => s.themeChoice)
  const theme = useTheme()
  return (
    <label className="theme-switch">
      <span className="visually-hidden">Theme</span>
      <select value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)} title="Theme: follow the system, or always light or dark">
        <option value="system">System theme ({theme})</option>
        <option value="light">Light theme</option>
        <option value="dark">Dark theme</option>
      </select>
    </label>
  )
}
