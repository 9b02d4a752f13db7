// Every user operation the palette and shortcuts offer, registered once: name, label, key test, predicate, perform.
import { bridge } from '../api'
import { createNote } from '../notes/actions'
import { newIncident } from '../incidents/actions'
import { newSource } from '../sources/actions'
import { chooseImportFile, chooseTableFile, openExport } from '../interchange/actions'
import { showView, togglePalette } from '../state/actions'
import { getState } from '../state/store'
import { setThemeChoice } from '../state/theme'
import { VIEWS } from '../shell/views'

export interface Command {
  name: string
  label: string
  /** Shown beside the label; the key test is what runs it. */
  shortcut?: string
  keyTest?(e: KeyboardEvent): boolean
  /** The command is offered (and its key works) only when this is true. */
  predicate?(): boolean
  perform(): void
}

const writable = () => !getState().info?.readOnly
const mod = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey

export function commands(): Command[] {
  return [
    {
      name: 'palette',
      label: 'Search and run a command',
      shortcut: 'Ctrl+K',
      keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'k',
      perform: togglePalette,
    },
    {
      name: 'new-incident',
      label: 'New incident',
      predicate: writable,
      perform: newIncident,
    },
    {
      name: 'new-note',
      label: 'New note',
      shortcut: 'Alt+N',
      keyTest: (e) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN',
      predicate: writable,
      perform: () => createNote(),
    },
    {
      name: 'new-source',
      label: 'New source',
      predicate: writable,
      perform: newSource,
    },
    {
      name: 'import-data',
      label: 'Import a STIX or MISP file…',
      predicate: writable,
      perform: chooseImportFile,
    },
    {
      name: 'import-table',
      label: 'Import a CSV file or dataset (EuRepoC, CFR)…',
      predicate: writable,
      perform: chooseTableFile,
    },
    { name: 'export-data', label: 'Export data as STIX or MISP…', perform: openExport },
    ...VIEWS.map<Command>((v) => ({ name: `view-${v.id}`, label: `Go to ${v.label}`, shortcut: `Alt+${v.key}`, perform: () => showView(v.id) })),
    { name: 'theme-light', label: 'Use the light theme', predicate: () => getState().themeChoice !== 'light', perform: () => setThemeChoice('light') },
    { name: 'theme-dark', label: 'Use the dark theme', predicate: () => getState().themeChoice !== 'dark', perform: () => setThemeChoice('dark') },
    { name: 'theme-system', label: 'Follow the system theme', predicate: () => getState().themeChoice !== 'system', perform: () => setThemeChoice('system') },
    {
      name: 'open-workspace',
      label: 'Open workspace…',
      shortcut: 'Ctrl+O',
      // Only the desktop app has a folder dialog; the browser host serves the one workspace it was started on.
      predicate: () => typeof bridge.openWorkspace === 'function',
      perform: () => bridge.openWorkspace?.(),
    },
  ]
}

/** Commands the palette lists: those whose predicate holds, minus the palette itself. */
export function paletteCommands(): Command[] {
  return commands().filter((c) => c.name !== 'palette' && (c.predicate?.() ?? true))
}
