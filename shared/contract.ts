// The IPC contract: every channel, its input schema and result type, and the typed client built on any transport.
import { z } from 'zod'
import {
  ActorInputSchema,
  ActorSchema,
  IncidentInputSchema,
  IncidentSchema,
  NoteInputSchema,
  NoteSchema,
  ReportInputSchema,
  ReportSchema,
  SourceInputSchema,
  SourceSchema,
  type Actor,
  type Incident,
  type Note,
  type Report,
  type Source,
} from './domain'
import { EXPORT_FORMATS, type ExportProgress, type ExportResult } from './report/exportTypes'
import { ExportScopeSchema, IMPORT_FORMATS, INTERCHANGE_FORMATS, type DataExportResult, type ImportPreview, type ImportResult } from './interchange'
import { CsvMappingSchema, type CsvMapping, type SavedMappingFile } from './datasets/mapping'
import { ConnectionInputSchema, PullInputSchema, PushInputSchema, type Connection, type ConnectionTest, type ConnectionView, type PullResult, type PushResult, type SharingOverview, type SharingProgress } from './sharing'
import { FIGURE_SECTION_IDS } from './report/sectionIds'
import { type CopyProblem, type OpenedCopy } from './archive'
import { ARCHIVE_MEDIA_TYPES } from './domain'
import { IntakeReadSchema, type IntakeApplied, type IntakeDraft } from './intake'
import { CHANNEL_NAMES, type Channel } from './channels'
import { WorkbenchError, type Result } from './result'

export { CHANNEL_NAMES, type Channel }

const idInput = z.object({ id: z.string().min(1).max(100) }).strict()

/** Shortest passphrase accepted when one is set, in characters. */
export const MIN_PASSPHRASE = 8
const passphrase = z.string().min(1, { error: 'Enter the passphrase' }).max(1024, { error: 'A passphrase is at most 1024 characters' })
const newPassphrase = z
  .string()
  .min(MIN_PASSPHRASE, { error: `Choose a passphrase of at least ${MIN_PASSPHRASE} characters; a longer one of several words is stronger` })
  .max(1024, { error: 'A passphrase is at most 1024 characters' })
const none = z.undefined()

export interface WorkspaceInfo {
  name: string
  /** Folder of the workspace on disk. */
  path: string
  sample: boolean
  schemaVersion: number
  /** Set when the workspace cannot be written; says why and what to do. */
  readOnly: string | null
  /** Newest backup that validates, offered when the workspace file is unreadable. */
  restorableBackup: string | null
  /** The file's references do not hold (duplicate ids, missing records): `workspace.repair()` fixes them after a backup. */
  repairable: boolean
  /** The workspace's files are encrypted at rest (its exports are not). */
  encrypted: boolean
  counts: { incidents: number; actors: number; sources: number; notes: number }
  /** Archived copies of sources found changed, missing or unreadable (checked on open and whenever one is opened). */
  copyProblems?: CopyProblem[]
}

export interface Snapshot {
  info: WorkspaceInfo
  incidents: Incident[]
  actors: Actor[]
  sources: Source[]
  notes: Note[]
  reports: Report[]
}

/** Largest piece of an import file sent in one call, in characters. */
export const MAX_UPLOAD_CHUNK = 8 * 1024 * 1024

/** Largest figure image accepted, as base64 characters (about 7.5 MB of PNG); the browser host refuses request bodies over 32 MB. */
export const MAX_FIGURE_BASE64 = 10 * 1024 * 1024
/** Largest side of a figure, in pixels. */
export const MAX_FIGURE_SIDE = 8000

/** A PNG figure (map, timeline) sent with an export: base64 bytes, pixel size, alt text and caption. */
export const FigureSchema = z
  .object({
    png: z
      .string()
      .max(MAX_FIGURE_BASE64, { error: `The figure image is larger than ${MAX_FIGURE_BASE64 / 1024 / 1024} MB of base64; export it smaller.` })
      .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, { error: 'The figure is not a base64-encoded PNG image.' }),
    width: z.number().int().min(1).max(MAX_FIGURE_SIDE),
    height: z.number().int().min(1).max(MAX_FIGURE_SIDE),
    alt: z.string().max(2000),
    caption: z.string().max(2000),
  })
  .strict()

/** Channel → input schema. Every handler parses its input with this before anything else. */
export const CHANNELS = {
  'workspace:snapshot': none,
  'workspace:info': none,
  'workspace:restoreBackup': none,
  'workspace:repair': none,
  /** The passphrase of the encrypted workspace waiting to be opened: sent once, to derive its key on the main side. */
  'workspace:unlock': z.object({ passphrase }).strict(),
  'workspace:encrypt': z.object({ passphrase: newPassphrase }).strict(),
  'workspace:changePassphrase': z.object({ current: passphrase, next: newPassphrase }).strict(),
  'workspace:decrypt': z.object({ current: passphrase }).strict(),
  'incidents:create': IncidentInputSchema,
  'incidents:update': z.object({ id: z.string().min(1).max(100), input: IncidentInputSchema }).strict(),
  'incidents:delete': idInput,
  'incidents:restore': IncidentSchema,
  'actors:create': ActorInputSchema,
  'actors:update': z.object({ id: z.string().min(1).max(100), input: ActorInputSchema }).strict(),
  'actors:delete': idInput,
  'actors:restore': ActorSchema,
  'sources:create': SourceInputSchema,
  'sources:update': z.object({ id: z.string().min(1).max(100), input: SourceInputSchema }).strict(),
  'sources:delete': idInput,
  'sources:restore': SourceSchema,
  'notes:create': NoteInputSchema,
  'notes:update': z.object({ id: z.string().min(1).max(100), input: NoteInputSchema }).strict(),
  'notes:delete': idInput,
  'notes:restore': NoteSchema,
  'reports:create': ReportInputSchema,
  'reports:update': z.object({ id: z.string().min(1).max(100), input: ReportInputSchema }).strict(),
  'reports:delete': idInput,
  'reports:restore': ReportSchema,
  'report:export': z
    .object({
      report: ReportInputSchema,
      format: z.enum(EXPORT_FORMATS, { error: 'Pick a format: pdf, docx, md or html' }),
      /** Images of the figure sections, drawn by the renderer's views; sections without one are left out. */
      figures: z.partialRecord(z.enum(FIGURE_SECTION_IDS, { error: 'Unknown figure section' }), FigureSchema).optional(),
    })
    .strict(),
  'report:progress': none,
  'interchange:export': z.object({ format: z.enum(INTERCHANGE_FORMATS, { error: 'Pick a format: stix, misp or csv' }), scope: ExportScopeSchema }).strict(),
  /** One piece (at most 8 MB) of a file to import: big files cross in pieces, never as one giant call. */
  'interchange:upload': z.object({ uploadId: z.uuid(), chunk: z.string().max(MAX_UPLOAD_CHUNK, { error: 'A piece of an upload is at most 8 MB' }) }).strict(),
  'interchange:preview': z
    .object({
      uploadId: z.uuid(),
      fileName: z.string().min(1).max(500),
      format: z.enum(IMPORT_FORMATS, { error: 'Pick a format: auto, stix, misp, csv, eurepoc or cfr' }).default('auto'),
      campaignsAsIncidents: z.boolean().default(false),
      /** How a CSV file's columns map to incident fields (suggested from the headers when absent). */
      mapping: CsvMappingSchema.optional(),
      /** The dataset's version, kept in the imported records' provenance. */
      datasetVersion: z.string().trim().max(100).optional(),
      /** How the window decoded the file's bytes. */
      encoding: z.object({ name: z.string().max(40), note: z.string().max(500).optional() }).strict().optional(),
    })
    .strict(),
  'interchange:commit': z.object({ token: z.uuid() }).strict(),
  'interchange:undo': z.object({ importId: z.uuid() }).strict(),
  /** One piece (base64, at most 8 MB) of a file to archive as a source's copy. */
  'sources:uploadCopy': z
    .object({ uploadId: z.uuid(), chunk: z.string().max(MAX_UPLOAD_CHUNK, { error: 'A piece of an upload is at most 8 MB' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'A piece of an archived copy is base64' }) })
    .strict(),
  'sources:attachCopy': z
    .object({
      id: z.string().min(1).max(100),
      uploadId: z.uuid(),
      fileName: z.string().min(1).max(255),
      mediaType: z.enum(ARCHIVE_MEDIA_TYPES, { error: 'An archived copy is HTML, text, Markdown, PDF or a PNG, JPEG, GIF or WebP image' }),
    })
    .strict(),
  'sources:openCopy': idInput,
  'sources:readCopy': z.object({ readId: z.uuid(), offset: z.number().int().min(0) }).strict(),
  'sources:removeCopy': idInput,
  'sources:restoreCopy': idInput,
  /** The rows a table import's preview rejects, as CSV in the exports folder. */
  'interchange:rejects': z.object({ token: z.uuid() }).strict(),
  'datasets:mappings': none,
  'datasets:saveMapping': CsvMappingSchema.refine((m) => m.name.trim() !== '', { message: 'Name the mapping to save it', path: ['name'] }),
  /** Reads an article (pasted text, or an upload sent through interchange:upload) into a draft; nothing is written. */
  'intake:read': IntakeReadSchema,
  /** Writes what the analyst confirmed from a draft: the source with its archived copy, and the incident created or merged. */
  'intake:apply': z
    .object({
      token: z.uuid(),
      incident: IncidentInputSchema,
      source: SourceInputSchema.omit({ archive: true, sha256: true }),
      mergeInto: z.string().min(1).max(100).optional(),
      force: z.boolean().default(false),
      newActors: z.array(ActorInputSchema).max(50).default([]),
    })
    .strict(),
  'sharing:list': none,
  /** A connection to save; its password or token goes to the secret store, never back to the window. */
  'sharing:save': ConnectionInputSchema,
  'sharing:remove': z.object({ id: z.uuid() }).strict(),
  'sharing:test': z.object({ id: z.uuid() }).strict(),
  'sharing:push': PushInputSchema,
  'sharing:pull': PullInputSchema,
  'sharing:progress': none,
} as const satisfies Record<Channel, z.ZodType>

/** What each channel answers with. */
export interface Outputs {
  'workspace:snapshot': Snapshot
  'workspace:info': WorkspaceInfo
  'workspace:restoreBackup': WorkspaceInfo
  /** What the repair changed, in words, and the workspace now writable. */
  'workspace:repair': { info: WorkspaceInfo; fixes: string[] }
  'workspace:unlock': WorkspaceInfo
  /** The workspace now, and files that could not be opened under the old passphrase and were left as they were. */
  'workspace:encrypt': { info: WorkspaceInfo; left: string[] }
  'workspace:changePassphrase': { info: WorkspaceInfo; left: string[] }
  'workspace:decrypt': { info: WorkspaceInfo; left: string[] }
  'incidents:create': Incident
  'incidents:update': Incident
  'incidents:delete': Incident
  'incidents:restore': Incident
  'actors:create': Actor
  'actors:update': Actor
  'actors:delete': Actor
  'actors:restore': Actor
  'sources:create': Source
  'sources:update': Source
  'sources:delete': Source
  'sources:restore': Source
  'notes:create': Note
  'notes:update': Note
  'notes:delete': Note
  'notes:restore': Note
  'reports:create': Report
  'reports:update': Report
  'reports:delete': Report
  'reports:restore': Report
  'report:export': ExportResult
  'report:progress': ExportProgress | null
  'interchange:export': DataExportResult
  'interchange:upload': { received: number }
  'interchange:preview': ImportPreview
  'interchange:commit': ImportResult
  'interchange:undo': { fileName: string }
  'sources:uploadCopy': { received: number }
  'sources:attachCopy': Source
  'sources:openCopy': OpenedCopy
  /** A piece of the opened copy as base64, and the offset of the next (null after the last). */
  'sources:readCopy': { chunk: string; next: number | null }
  'sources:removeCopy': Source
  'sources:restoreCopy': Source
  'interchange:rejects': { path: string; rows: number }
  'datasets:mappings': CsvMapping[]
  'datasets:saveMapping': SavedMappingFile
  'intake:read': IntakeDraft & { token: string }
  'intake:apply': IntakeApplied
  'sharing:list': SharingOverview
  'sharing:save': ConnectionView
  'sharing:remove': Connection
  'sharing:test': ConnectionTest
  'sharing:push': PushResult
  'sharing:pull': PullResult
  'sharing:progress': SharingProgress | null
}

export type Input<C extends Channel> = z.input<(typeof CHANNELS)[C]>
export type ParsedInput<C extends Channel> = z.output<(typeof CHANNELS)[C]>

/** Server side: one async function per channel, given already-parsed input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Outputs[C]> | Outputs[C] }

/** A transport: sends one call and answers with the handler's Result. */
export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>

type Namespace<C> = C extends `${infer N}:${string}` ? N : never
type Method<C extends Channel> = Input<C> extends undefined ? () => Promise<Outputs[C]> : (input: Input<C>) => Promise<Outputs[C]>

/** `client.incidents.create(input)` for channel `incidents:create`; rejects with WorkbenchError. */
export type Client = {
  [N in Namespace<Channel>]: { [C in Channel as C extends `${N}:${infer V}` ? V : never]: Method<C> }
}

/** Builds the typed client over a transport. */
export function createClient(invoke: Invoke): Client {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNEL_NAMES) {
    const [ns, verb] = channel.split(':')
    client[ns] ??= {}
    client[ns][verb] = async (input?: unknown) => {
      const result = await invoke(channel, input)
      if (!result.ok) throw new WorkbenchError(result.error)
      return result.value
    }
  }
  return client as unknown as Client
}
