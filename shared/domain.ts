// Domain records of a workspace (incidents, actors, sources, notes, reports) as zod schemas and their types; the vocabularies they use are in vocabularies.ts.
import { z } from 'zod'
import { isCountryCode } from './countries'
import { isPartialDate } from './partialDate'
import { REPORT_SECTION_IDS } from './report/sectionIds'
import { ACTOR_KINDS, ATTACK_TECHNIQUE, ATTRIBUTION_BASES, ATTRIBUTOR_KINDS, CONFIDENCE_LEVELS, CREDIBILITY, INCIDENT_STATUS, INCIDENT_TYPES, LEGAL_RESPONSE_TYPES, LIKELIHOOD_IDS, RELIABILITY, RESPONSE_TYPE_IDS, STATE_NEXUS, TLP_LEVELS } from './vocabularies'

// The vocabularies are part of the domain's vocabulary for every importer.
export * from './vocabularies'

const id = z.string().min(1, 'Missing id').max(100)
const text = (label: string, max: number) => z.string().max(max, `${label} is too long (at most ${max} characters)`)
/** Something a reader can see: not only spaces, zero-width or other invisible format characters. */
export const VISIBLE = /[^\s\p{Cf}\p{Cc}\u2800\u3164\uFFA0]/u
const required = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .max(max, `${label} is too long (at most ${max} characters)`)
    .refine((s) => VISIBLE.test(s), `${label} is required`)
const partialDate = z.string().refine(isPartialDate, {
  message: 'Not a date: use a year (2022), a month (2022-07 or July 2022) or a day (2022-07-15)',
})
const country = z.string().refine(isCountryCode, { message: 'Not a country code (ISO 3166-1 alpha-2, e.g. AL)' })
const timestamp = z.iso.datetime({ offset: true })
const tags = z.array(required('Tag', 60)).max(50, 'At most 50 tags').default([])
const sourceIds = z.array(id).max(200).default([])

/** A STIX 2.1 identifier: `type--uuid`. */
export const STIX_ID = /^[a-z0-9][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/**
 * Where a record came from in STIX, and what of the STIX object Watchfloor has no field for: the
 * record exports again under `id`, carrying `extra` (x_ properties, other extensions) unchanged.
 */
export const StixLinkSchema = z
  .object({
    id: z.string().regex(STIX_ID, 'Not a STIX identifier'),
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
export type StixLink = z.infer<typeof StixLinkSchema>
const stix = StixLinkSchema.optional()

/**
 * Where an imported record came from: the dataset, its version, and the dataset's own id or row. `importedAt` is
 * the record's `updatedAt` as imported, so an edit since shows as a later `updatedAt`; `digest` fingerprints the
 * row so an unchanged row is recognised on re-import.
 */
export const ProvenanceSchema = z.object({
  dataset: required('Dataset', 200),
  version: text('Dataset version', 100).default(''),
  key: required('Dataset id', 200),
  row: z.number().int().min(1).optional(),
  importedAt: timestamp,
  digest: z.string().max(100).optional(),
})
export type Provenance = z.infer<typeof ProvenanceSchema>

export const VictimSchema = z.object({
  country,
  sector: text('Sector', 120).default(''),
  organisation: text('Organisation', 200).default(''),
  /** The receiver's category, e.g. critical infrastructure or state institutions (EuRepoC `receiver_category`). */
  category: text('Category', 200).optional(),
})

/** A numeric intensity score and what scale it is on ("EuRepoC weighted intensity"). */
export const IntensitySchema = z.object({
  score: z.number({ error: 'Intensity must be a number' }).min(0, 'Intensity is not negative').max(1000, 'Intensity is at most 1000'),
  source: required('Intensity scale', 200),
})

export const AttributionSchema = z.object({
  id,
  attributor: required('Attributor', 200),
  /** The actor the attributor is (since version 6); `attributor` stays the label shown. */
  attributorActorId: id.optional(),
  attributorKind: z.enum(ATTRIBUTOR_KINDS, { error: 'Pick who attributes' }),
  attributorCountry: country.optional(),
  date: partialDate.optional(),
  toCountry: country.optional(),
  toActorId: id.optional(),
  basis: z.array(z.enum(ATTRIBUTION_BASES)).max(4).default([]),
  confidence: z.enum(CONFIDENCE_LEVELS, { error: 'Pick a confidence: low, moderate or high' }).optional(),
  likelihood: z.enum(LIKELIHOOD_IDS).optional(),
  statement: text('Statement', 4000).default(''),
  sourceIds,
  stix,
})

export const ResponseSchema = z.object({
  id,
  actor: required('Responding actor', 200),
  /** The actor who responded (since version 6); `actor` stays the label shown. */
  actorId: id.optional(),
  actorCountry: country.optional(),
  type: z.enum(RESPONSE_TYPE_IDS, { error: 'Pick a response type' }),
  /** For a legal response: retorsion, countermeasure, law enforcement… */
  legalType: z.enum(LEGAL_RESPONSE_TYPES).optional(),
  date: partialDate.optional(),
  target: text('Target', 200).default(''),
  targetCountry: country.optional(),
  description: text('Description', 4000).default(''),
  sourceIds,
  stix,
})

export const LocationSchema = z.object({
  label: text('Place', 200).default(''),
  lat: z.number({ error: 'Latitude must be a number' }).min(-90, 'Latitude must be between -90 and 90').max(90, 'Latitude must be between -90 and 90'),
  lon: z.number({ error: 'Longitude must be a number' }).min(-180, 'Longitude must be between -180 and 180').max(180, 'Longitude must be between -180 and 180'),
})

const incidentFields = {
  title: required('Title', 300),
  summary: text('Summary', 20000).default(''),
  status: z.enum(INCIDENT_STATUS).default('draft'),
  types: z.array(z.enum(INCIDENT_TYPES)).max(INCIDENT_TYPES.length).default([]),
  start: partialDate.optional(),
  end: partialDate.optional(),
  disclosed: partialDate.optional(),
  victims: z.array(VictimSchema).max(300).default([]),
  sponsorCountries: z.array(country).max(20).default([]),
  actorIds: z.array(id).max(50).default([]),
  nexus: z.enum(STATE_NEXUS).default('unknown'),
  impact: text('Impact', 10000).default(''),
  severity: z.number().int('Severity is a whole number from 1 to 5').min(1, 'Severity is from 1 to 5').max(5, 'Severity is from 1 to 5').optional(),
  techniques: z.array(z.string().regex(ATTACK_TECHNIQUE, 'ATT&CK technique ids look like T1485 or T1566.001')).max(200).default([]),
  tags,
  tlp: z.enum(TLP_LEVELS).default('CLEAR'),
  sourceIds,
  attributions: z.array(AttributionSchema).max(200).default([]),
  responses: z.array(ResponseSchema).max(500).default([]),
  locations: z.array(LocationSchema).max(50).default([]),
  /** Whether the operation used a zero-day vulnerability (unset: not known). */
  zeroDay: z.boolean().optional(),
  intensity: IntensitySchema.optional(),
  provenance: ProvenanceSchema.optional(),
  sample: z.boolean().optional(),
  stix,
}

function endNotBeforeStart(v: { start?: string; end?: string }, ctx: z.RefinementCtx) {
  if (v.start && v.end && v.end < v.start.slice(0, v.end.length)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'End is before start' })
  }
}

/** What a client sends to create or replace an incident. */
export const IncidentInputSchema = z.object(incidentFields).superRefine(endNotBeforeStart)
export const IncidentSchema = z.object({ ...incidentFields, id, createdAt: timestamp, updatedAt: timestamp }).superRefine(endNotBeforeStart)

export const ActorInputSchema = z.object({
  name: required('Name', 200),
  aliases: z.array(required('Alias', 200)).max(100).default([]),
  kind: z.enum(ACTOR_KINDS, { error: 'Pick a kind of actor' }),
  country: country.optional(),
  description: text('Description', 20000).default(''),
  provenance: ProvenanceSchema.optional(),
  sample: z.boolean().optional(),
  stix,
})
export const ActorSchema = ActorInputSchema.extend({ id, createdAt: timestamp, updatedAt: timestamp })

const url = z
  .string()
  .max(2000, 'URL is too long')
  .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), { message: 'URL must start with http:// or https://' })

/** Media types an archived copy may have (no SVG: it can carry scripts). */
export const ARCHIVE_MEDIA_TYPES = ['text/html', 'text/plain', 'text/markdown', 'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
/** Where an archived copy lives: `sources/<source id>/<file name>`, with no folder tricks in either part. */
export const ARCHIVE_FILE = /^sources\/(?!\.)[A-Za-z0-9._-]{1,100}\/(?!\.)[^/\\\0]{1,200}$/

/** A captured copy of what a source points to, stored in the workspace folder and checked against its hash whenever it is read. */
export const ArchivedCopySchema = z.object({
  file: z.string().regex(ARCHIVE_FILE, 'An archived copy lives at sources/<source id>/<file name>'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 is 64 lowercase hex digits'),
  size: z.number().int().min(0),
  mediaType: z.enum(ARCHIVE_MEDIA_TYPES, { error: 'An archived copy is HTML, text, Markdown, PDF or a PNG, JPEG, GIF or WebP image' }),
  capturedAt: timestamp,
})
export type ArchivedCopy = z.infer<typeof ArchivedCopySchema>
export type ArchiveMediaType = ArchivedCopy['mediaType']

export const SourceInputSchema = z.object({
  title: required('Title', 500),
  publisher: text('Publisher', 200).default(''),
  url: url.default(''),
  published: partialDate.optional(),
  captured: partialDate.optional(),
  reliability: z.enum(RELIABILITY).default('F'),
  credibility: z.enum(CREDIBILITY).default('6'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 is 64 hex digits').optional(),
  archive: ArchivedCopySchema.optional(),
  sample: z.boolean().optional(),
  stix,
})
/** A stored source. Its `archive` is written with the copy (attach, intake); an edit keeps the stored one (see the sources' record service). */
export const SourceSchema = SourceInputSchema.extend({ id, createdAt: timestamp, updatedAt: timestamp })

export const NoteInputSchema = z.object({
  title: required('Title', 300),
  body: text('Note text', 100000).default(''),
  /** The incident the note is attached to (shown in its detail pane). */
  incidentId: id.optional(),
  /** A dated note sits on the timeline. */
  date: partialDate.optional(),
  tags,
  /** Pinned notes go first in the list and into briefings. */
  pinned: z.boolean().default(false),
  stix,
})
export const NoteSchema = NoteInputSchema.extend({ id, createdAt: timestamp, updatedAt: timestamp })

/** The app-wide incident filter as a report scope stores it (see shared/filter.ts). */
export const FilterSchema = z
  .object({
    text: text('Search text', 500).default(''),
    victim: country.nullable().default(null),
    sponsor: country.nullable().default(null),
    type: z.enum(INCIDENT_TYPES).nullable().default(null),
    nexus: z.enum(STATE_NEXUS).nullable().default(null),
    from: partialDate.nullable().default(null),
    to: partialDate.nullable().default(null),
    /** The date window looks at incident dates only, not at attributions and responses; absent means false. */
    incidentDatesOnly: z.boolean().optional(),
  })
  .strict()

export const ReportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filter'), filter: FilterSchema }).strict(),
  z.object({ kind: z.literal('incidents'), ids: z.array(id).min(1, 'Pick at least one incident').max(10000) }).strict(),
])

export const ReportSectionSchema = z.object({
  id: z.enum(REPORT_SECTION_IDS, { error: 'Unknown section' }),
  enabled: z.boolean(),
})

/** A saved briefing definition: what to include and how it is marked; resolved against the data at each export. */
export const ReportInputSchema = z.object({
  name: required('Report name', 200),
  title: required('Briefing title', 300),
  author: text('Author', 200).default(''),
  /** Date printed on the briefing; the export date when absent. */
  date: partialDate.optional(),
  scope: ReportScopeSchema.default({ kind: 'filter', filter: { text: '', victim: null, sponsor: null, type: null, nexus: null, from: null, to: null } }),
  sections: z
    .array(ReportSectionSchema)
    .max(REPORT_SECTION_IDS.length)
    .refine((list) => new Set(list.map((s) => s.id)).size === list.length, { message: 'A section is listed twice' })
    .default(REPORT_SECTION_IDS.map((id) => ({ id, enabled: true }))),
  /** Bottom line up front / key judgments, one paragraph per blank-line-separated block. */
  bluf: text('Key judgments', 20000).default(''),
  /** The analyst's marking; the briefing carries the higher of this and its content's highest marking. */
  tlp: z.enum(TLP_LEVELS).default('CLEAR'),
  sample: z.boolean().optional(),
  stix,
})
export const ReportSchema = ReportInputSchema.extend({ id, createdAt: timestamp, updatedAt: timestamp })

export type Victim = z.infer<typeof VictimSchema>
export type Attribution = z.infer<typeof AttributionSchema>
export type IncidentResponse = z.infer<typeof ResponseSchema>
export type GeoPoint = z.infer<typeof LocationSchema>
export type IncidentInput = z.input<typeof IncidentInputSchema>
export type Incident = z.infer<typeof IncidentSchema>
export type ActorInput = z.input<typeof ActorInputSchema>
export type Actor = z.infer<typeof ActorSchema>
export type SourceInput = z.input<typeof SourceInputSchema>
export type Source = z.infer<typeof SourceSchema>
export type NoteInput = z.input<typeof NoteInputSchema>
export type Note = z.infer<typeof NoteSchema>

export type ReportScope = z.infer<typeof ReportScopeSchema>
export type ReportInput = z.input<typeof ReportInputSchema>
export type ReportDefinition = z.infer<typeof ReportInputSchema>
export type Report = z.infer<typeof ReportSchema>

/** An incident's own fields with every default filled in: a blank form, or the base of a record built in code. */
export function blankIncident(): Omit<Incident, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    title: '',
    summary: '',
    status: 'draft',
    types: [],
    victims: [],
    sponsorCountries: [],
    actorIds: [],
    nexus: 'unknown',
    impact: '',
    techniques: [],
    tags: [],
    tlp: 'CLEAR',
    sourceIds: [],
    attributions: [],
    responses: [],
    locations: [],
  }
}

/** `B2`-style Admiralty grade of a source. */
export function admiraltyGrade(source: Pick<Source, 'reliability' | 'credibility'>): string {
  return `${source.reliability}${source.credibility}`
}
