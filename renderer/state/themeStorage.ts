// Where the theme choice is remembered (local storage), apart from the store so the store can start from it.

export type Theme = 'light' | 'dark'
export type ThemeChoice = 'system' | Theme

const KEY = 'watchfloor.theme'
/** Where the map kept its own light/dark switch before the whole app had themes; read once as the first choice. */
const OLD_MAP_KEY = 'watchfloor.mapTheme'

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** The remembered choice: the app's, else the map's old one, else following the system. */
export function savedThemeChoice(): ThemeChoice {
  const saved = stored(KEY) ?? stored(OLD_MAP_KEY)
  return saved === 'light' || saved === 'dark' || saved === 'system' ? saved : 'system'
}

export function rememberThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(KEY, choice)
    localStorage.removeItem(OLD_MAP_KEY)
  } catch {
    // Storage refused (a locked-down profile): the choice holds for this session.
  }
}
