// Article intake: the draft an article yields (incident fields, each with the sentence behind it), and the channel inputs that read and apply it.
import { z } from 'zod'
import type { ActorKind, Incident, IncidentInput, Source } from './domain'

/** Media types an article arrives in. */
export const ARTICLE_MEDIA_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/pdf'] as const
export type ArticleMediaType = (typeof ARTICLE_MEDIA_TYPES)[number]

/** File endings intake reads, and their media types. */
export const ARTICLE_EXTENSIONS: Record<string, ArticleMediaType> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  pdf: 'application/pdf',
}

/** The media type of a file name, or null when intake does not read it. */
export function articleMediaType(fileName: string): ArticleMediaType | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return (ext && ARTICLE_EXTENSIONS[ext]) || null
}

/** A stretch of the article's plain text, by character offsets `[start, end)`. */
export interface Span {
  start: number
  end: number
}

/** The sentence behind a proposal, and where it sits in the article text. */
export interface Evidence extends Span {
  sentence: string
}

/** Source metadata guessed from the document; all editable. */
export interface GuessedSource {
  title: string
  publisher: string
  published?: string
  url: string
}

/** An actor the article names that the workspace does not have yet. */
export interface ProposedActor {
  name: string
  kind: ActorKind
  country?: string
}

/** What intake proposes from one article. Evidence keys are field paths of `draft` (`victims.0`, `attributions.1`, `start`…) or `newActors.N`. */
export interface IntakeDraft {
  /** False when the article is not about a cyber incident; `reason` then says why. */
  isIncident: boolean
  reason: string
  draft: IncidentInput & { victims: NonNullable<IncidentInput['victims']>; sponsorCountries: string[]; types: NonNullable<IncidentInput['types']>; attributions: NonNullable<IncidentInput['attributions']>; responses: NonNullable<IncidentInput['responses']>; actorIds: string[] }
  evidence: Record<string, Evidence>
  newActors: ProposedActor[]
  matches: { id: string; title: string; score: number }[]
  source: GuessedSource
  /** The article's plain text, as the evidence offsets count it. */
  text: string
}

/** Largest article intake reads, in bytes. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024

export const IntakeReadSchema = z
  .object({
    /** Pasted text, or an upload (base64 for PDF, text otherwise) sent in pieces through interchange:upload. */
    text: z.string().max(5_000_000, { error: 'Pasted text is at most 5 million characters' }).optional(),
    uploadId: z.uuid().optional(),
    fileName: z.string().min(1).max(500).default('pasted-article.txt'),
  })
  .strict()
  .refine((v) => (v.text === undefined) !== (v.uploadId === undefined), { message: 'Paste text or choose a file' })

/** What an applied draft wrote. `before` is the merged incident as it was (for undo). */
export interface IntakeApplied {
  incident: Incident
  source: Source
  actorIds: string[]
  merged: boolean
  before?: Incident
}
