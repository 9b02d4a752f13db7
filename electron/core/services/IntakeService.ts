// Article intake: reads an article into a draft (nothing written), then creates the incident or merges it into a matched one, with the article kept as a source with an archived copy that every accepted claim cites.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ActorInputSchema, IncidentInputSchema, SourceInputSchema, type ActorInput, type Incident, type IncidentInput, type SourceInput } from '../../../shared/domain'
import { articleMediaType, type ArticleMediaType, type IntakeApplied, type IntakeDraft } from '../../../shared/intake'
import { describeIssues, toFieldIssues } from '../../../shared/issues'
import { ServiceError } from '../../../shared/result'
import { SOURCES_DIR, writeArchivedCopy } from '../store/archive'
import type { WorkspaceStore } from '../store/WorkspaceStore'
import type { RecordService } from './RecordService'

/** The extraction code and its libraries (sentence splitter, date parser, country names) load on first use, not at every start of the app or CLI. */
async function extractor() {
  const [extract, read] = await Promise.all([import('../intake/extract'), import('../intake/readArticle')])
  return { draftFromText: extract.draftFromText, likelyMatches: extract.likelyMatches, readArticle: read.readArticle }
}

/** Longest article text intake drafts from, in characters (drafting takes about 50 ms per 1,000 words, on the main side). */
export const MAX_ARTICLE_CHARS = 250_000

/** A match at least this close refuses a plain create: merge into it, or create anyway on purpose. */
export const DUPLICATE_SCORE = 0.7

/** The article as it arrived: what gets archived. */
export interface ArticleBytes {
  bytes: Uint8Array
  fileName: string
  mediaType: ArticleMediaType
}

export interface ApplyOptions {
  /** Merge into this incident instead of creating one. */
  mergeInto?: string
  /** Create even though a likely match exists. */
  force?: boolean
  /** New actors the analyst accepted; their ids are added to the incident. */
  newActors?: ActorInput[]
}

export type ApplyResult = IntakeApplied

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error)
    throw new ServiceError('invalid-input', `The ${what} is not valid, so nothing was written: ${describeIssues(issues)}`, issues)
  }
  return parsed.data
}

type Fields = Omit<Incident, 'id' | 'createdAt' | 'updatedAt'>

/** `existing` with what the draft adds: new victims, sponsors, types, actors, attributions and responses (repeats left out), the start when it had none. */
export function mergeDraft(existing: Incident, add: Fields): Fields {
  const union = <T>(a: T[], b: T[]) => [...a, ...b.filter((x) => !a.includes(x))]
  const { id: _id, createdAt: _c, updatedAt: _u, ...base } = existing
  return {
    ...base,
    start: existing.start ?? add.start,
    nexus: existing.nexus === 'unknown' ? add.nexus : existing.nexus,
    types: union(existing.types, add.types),
    victims: [...existing.victims, ...add.victims.filter((v) => !existing.victims.some((e) => e.country === v.country))],
    sponsorCountries: union(existing.sponsorCountries, add.sponsorCountries),
    actorIds: union(existing.actorIds, add.actorIds),
    sourceIds: union(existing.sourceIds, add.sourceIds),
    attributions: [...existing.attributions, ...add.attributions.filter((a) => !existing.attributions.some((e) => e.attributor === a.attributor && e.toCountry === a.toCountry && e.date === a.date))],
    responses: [...existing.responses, ...add.responses.filter((r) => !existing.responses.some((e) => (e.actorCountry ?? e.actor) === (r.actorCountry ?? r.actor) && e.type === r.type && e.date === r.date))],
  }
}

export class IntakeService {
  /** Articles read and waiting for the analyst's decision, by token (the last few only). */
  private pending = new Map<string, ArticleBytes>()

  constructor(
    private readonly store: WorkspaceStore,
    private readonly records: { incidents: RecordService<'incidents'>; sources: RecordService<'sources'>; actors: RecordService<'actors'> },
  ) {}

  /** Drafts from an article's bytes; nothing is written. */
  async draft(article: ArticleBytes): Promise<IntakeDraft> {
    const { draftFromText, readArticle } = await extractor()
    const read = await readArticle(article.bytes, article.fileName, article.mediaType)
    if (read.text.length > MAX_ARTICLE_CHARS) throw new ServiceError('invalid-input', `${article.fileName} holds ${read.text.length.toLocaleString('en')} characters of text; intake drafts from articles of at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} (about 40,000 words). Paste the part about the incident instead.`)
    if (read.text.trim() === '') throw new ServiceError('invalid-input', `${article.fileName} has no text to read (a scanned PDF has only images; paste its text instead).`)
    return draftFromText(read.text, { actors: this.store.data.actors, incidents: this.store.data.incidents, hints: read.hints })
  }

  /** Reads pasted text or an uploaded file (base64 for PDF) into a draft, and keeps the bytes under a token until apply. */
  async read(input: { text?: string; upload?: string; fileName: string }): Promise<IntakeDraft & { token: string }> {
    const fileName = input.fileName
    let mediaType = articleMediaType(fileName)
    if (input.text !== undefined) mediaType = /^\s*<(?:!doctype html|html|body|article|p)\b/i.test(input.text) ? 'text/html' : 'text/plain'
    if (!mediaType) throw new ServiceError('invalid-input', `${fileName} is not an article intake reads: use .txt, .md, .html, .htm or .pdf, or paste the text.`)
    const raw = input.text ?? input.upload ?? ''
    const bytes = mediaType === 'application/pdf' && input.text === undefined ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8')
    const article = { bytes, fileName: input.text !== undefined ? (mediaType === 'text/html' ? 'pasted-article.html' : 'pasted-article.txt') : fileName, mediaType }
    const draft = await this.draft(article)
    const token = randomUUID()
    this.pending.set(token, article)
    if (this.pending.size > 4) this.pending.delete(this.pending.keys().next().value!)
    return { ...draft, token }
  }

  /** The article kept under `token` by read. */
  article(token: string): ArticleBytes {
    const article = this.pending.get(token)
    if (!article) throw new ServiceError('not-found', 'This draft is no longer current; read the article again.')
    return article
  }

  /**
   * Writes what the analyst confirmed: the source with its archived copy, accepted new actors, and the
   * incident (created, or merged into `mergeInto`), every claim citing the source. Checked first (the
   * incident, the source, a likely duplicate), and taken back if a later step fails.
   */
  async apply(article: ArticleBytes, incidentInput: IncidentInput, sourceInput: SourceInput, options: ApplyOptions = {}): Promise<ApplyResult> {
    if (this.store.readOnlyReason) throw new ServiceError('read-only', this.store.readOnlyReason)
    const fields = check(IncidentInputSchema, incidentInput, 'incident') as Fields
    const sourceFields = check(SourceInputSchema, { ...sourceInput, archive: undefined }, 'source')
    const actors = (options.newActors ?? []).map((a) => check(ActorInputSchema, a, 'new actor'))
    let existing: Incident | undefined
    if (options.mergeInto) existing = this.records.incidents.get(options.mergeInto)
    else if (!options.force) {
      const { likelyMatches } = await extractor()
      const close = likelyMatches({ ...fields, sponsorCountries: fields.sponsorCountries, actorIds: fields.actorIds }, this.store.data.incidents).filter((m) => m.score >= DUPLICATE_SCORE)
      if (close.length > 0) {
        const m = close[0]
        throw new ServiceError('conflict', `This article looks like the incident “${m.title}” (${m.id}, match ${m.score}); nothing was written. Merge into it, or create a new incident on purpose.`)
      }
    }

    const sourceId = `src-${randomUUID()}`
    await this.store.switchSettled()
    const archive = await writeArchivedCopy(this.store.dir, sourceId, article.fileName, article.mediaType, article.bytes)
    const created: { actors: string[]; source?: string } = { actors: [] }
    try {
      for (const a of actors) created.actors.push((await this.records.actors.create({ ...a, aliases: a.aliases ?? [], description: a.description ?? '' })).id)
      const source = await this.records.sources.create({ ...sourceFields, sha256: archive.sha256, archive, captured: archive.capturedAt.slice(0, 10) }, sourceId)
      created.source = source.id
      const cite = <T extends { sourceIds: string[] }>(c: T): T => ({ ...c, sourceIds: [...c.sourceIds.filter((s) => s !== sourceId), sourceId] })
      const draft: Fields = {
        ...fields,
        actorIds: [...fields.actorIds, ...created.actors],
        sourceIds: [...fields.sourceIds, sourceId],
        attributions: fields.attributions.map(cite),
        responses: fields.responses.map(cite),
      }
      if (existing) {
        const incident = await this.records.incidents.update(existing.id, mergeDraft(existing, draft))
        return { incident, source, actorIds: created.actors, merged: true, before: existing }
      }
      const incident = await this.records.incidents.create(draft)
      return { incident, source, actorIds: created.actors, merged: false }
    } catch (err) {
      if (created.source) await this.records.sources.delete(created.source).catch(() => undefined)
      // No source records the copy yet: its folder (named by the id made here) goes with the failed intake.
      else await rm(join(this.store.dir, SOURCES_DIR, sourceId), { recursive: true, force: true }).catch(() => undefined)
      for (const id of created.actors.reverse()) await this.records.actors.delete(id).catch(() => undefined)
      throw err
    }
  }
}
