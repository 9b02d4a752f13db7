// The renderer's app state (the only module that imports zustand): a data slice (the workspace's records) and a UI slice (view, filter, selection, forms, palette, toasts).
import { create } from 'zustand'
import type { WorkspaceInfo } from '../../shared/contract'
import type { Actor, Incident, Note, Report, Source } from '../../shared/domain'
import { EMPTY_FILTER, type IncidentFilter, type Sort } from '../../shared/filter'
import type { CsvMapping } from '../../shared/datasets/mapping'
import type { ImportPreview } from '../../shared/interchange'
import type { GuessedSource, IntakeDraft } from '../../shared/intake'
import type { EncryptionDialog } from '../../shared/channels'
import { savedThemeChoice, type ThemeChoice } from './themeStorage'

/** Views of the shell in tab order; shell/views.ts gives each its label, shortcut and component. */
export const VIEW_IDS = ['incidents', 'actors', 'map', 'timeline', 'notes', 'reports', 'sources', 'sharing'] as const
export type View = (typeof VIEW_IDS)[number]

export interface Toast {
  id: number
  kind: 'info' | 'error'
  message: string
  action?: { label: string; run: () => void }
}

export type NoteSave = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string }

/** What the detail pane edits: an existing record by id, a new one, or nothing. */
export type Editing = { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'new' }

/** The open workspace as the main side last reported it. */
export interface DataSlice {
  /** `locked`: the workspace is encrypted and the passphrase screen asks for its passphrase. */
  status: 'loading' | 'ready' | 'error' | 'locked'
  loadError: string | null
  info: WorkspaceInfo | null
  incidents: Incident[]
  actors: Actor[]
  sources: Source[]
  notes: Note[]
  /** Saved briefing definitions. */
  reports: Report[]
}

/** What the user is looking at and doing. */
export interface UiSlice {
  view: View
  filter: IncidentFilter
  sort: Sort
  incident: Editing
  /** The incident shown as its form rather than its read view (the one being edited), or null. */
  incidentForm: string | null
  /** The app-wide incident selection (table, map, timeline); the detail pane edits `incident`, one of them. */
  selection: string[]
  actor: Editing
  /** The note open in the notes view (notes are created at once, so never `new`). */
  note: Editing
  /** Tag the note list is filtered to, or null for every note. */
  noteTag: string | null
  /** Autosave of the open note: what the user sees beside it. */
  noteSave: NoteSave
  /** The command palette (Ctrl/Cmd+K) is open. */
  palette: boolean
  /** The report definition the Reports view edits. */
  report: Editing
  /** The source the Sources view edits. */
  source: Editing
  /** A form has edits not saved yet; navigation asks first. */
  dirty: boolean
  /** Navigation waiting for the user to confirm discarding edits. */
  pending: (() => void) | null
  toasts: Toast[]
  /** An import under way: reading, planning or writing a file, with what the user sees; the preview once planned. */
  importing: { fileName: string; stage: string; preview: ImportPreview | null; campaignsAsIncidents: boolean; fromServer?: boolean } | null
  /** The column-mapping step of a CSV import: the file's headers and first rows, the mapping being edited, saved mappings. */
  mapping: MappingStep | null
  /** The data export dialog is open. */
  exporting: boolean
  /** Article intake: pasting or reading an article, then reviewing its draft (nothing is written before the analyst confirms). */
  intake: IntakeUi | null
  /** The encrypt / change passphrase / decrypt dialog that is open, if any. */
  encryption: EncryptionDialog | null
  /** Light, dark, or following the system (state/theme.ts remembers it). */
  themeChoice: ThemeChoice
}

/** What the mapping dialog shows; the file's text and every row stay outside the store (interchange/actions.ts). */
export interface MappingStep {
  fileName: string
  encoding: string
  encodingNote?: string
  headers: string[]
  /** The first rows, for samples and the live preview. */
  rows: string[][]
  /** Data rows in the file. */
  total: number
  mapping: CsvMapping
  saved: CsvMapping[]
  /** Distinct values of enumeration columns over every row, with counts and what they map to. */
  values: { field: string; column: string; value: string; count: number; mapped: string | undefined }[]
}

/** The intake screen: its stage, the draft under review and the analyst's decisions on it. */
export interface IntakeUi {
  /** What is under way ('' when waiting for the analyst). */
  stage: string
  fileName: string
  /** Text typed into the paste box. */
  pasted: string
  draft: (IntakeDraft & { token: string }) | null
  /** Proposal keys (`victims.0`, `responses.2`…) the analyst rejected. */
  rejected: string[]
  title: string
  start: string
  /** Dates edited on claims, by key (`attributions.0`, `responses.1`). */
  dates: Record<string, string>
  source: GuessedSource
  /** `new`, or the id of the incident to merge into. */
  target: string
  /** The last write's refusal, shown in the screen. */
  error: string
}

export type AppState = DataSlice & UiSlice

const initialData = (): DataSlice => ({ status: 'loading', loadError: null, info: null, incidents: [], actors: [], sources: [], notes: [], reports: [] })

const initialUi = (): UiSlice => ({
  view: 'incidents',
  filter: EMPTY_FILTER,
  sort: { key: 'start', dir: 'desc' },
  incident: { kind: 'none' },
  incidentForm: null,
  selection: [],
  actor: { kind: 'none' },
  note: { kind: 'none' },
  noteTag: null,
  noteSave: { kind: 'saved' },
  palette: false,
  report: { kind: 'none' },
  source: { kind: 'none' },
  dirty: false,
  pending: null,
  toasts: [],
  importing: null,
  mapping: null,
  exporting: false,
  intake: null,
  encryption: null,
  themeChoice: savedThemeChoice(),
})

export const useApp = create<AppState>(() => ({ ...initialData(), ...initialUi() }))

export const getState = useApp.getState
export const setState = useApp.setState
