// Sources the file's incidents carry (Watchfloor's own list, else their external references), and which of them a plan writes.
import { SourceSchema, STIX_ID, type Source } from '../../../../shared/domain'
import { sourceKey } from '../stixExport'
import { uuidV5, type StixObject } from '../stixVocabulary'
import { date, iso, prefixed, str, strs } from './read'
import type { PlanState } from './state'

/** A source from its properties (one Watchfloor listed, or one read from an external reference), or null when it has no key or is not valid. */
function sourceFrom(state: PlanState, raw: Record<string, unknown>, fallbackTime: string): Source | null {
  const key = str(raw.key)
  if (!key) return null
  const old = state.existing.sources.get(key)
  const parsed = SourceSchema.safeParse({
    id: old?.id ?? prefixed('src', key),
    title: raw.title,
    publisher: raw.publisher ?? '',
    url: raw.url ?? '',
    published: date(raw.published),
    captured: date(raw.captured),
    reliability: raw.reliability ?? 'F',
    credibility: raw.credibility ?? '6',
    sha256: raw.sha256,
    sample: raw.sample === true ? true : undefined,
    createdAt: iso(raw.created, fallbackTime),
    updatedAt: iso(raw.modified, fallbackTime),
    ...(STIX_ID.test(key) && !key.startsWith('x-watchfloor-source--') ? { stix: { id: key } } : raw.extra ? { stix: { id: key, extra: raw.extra } } : { stix: { id: key } }),
    // A bundle never carries the archived copy; an updated source keeps the one it has.
    archive: old?.archive,
  })
  return parsed.success ? parsed.data : null
}

/** A source read from one of `o`'s external references: its key is the reference's STIX id, else one derived from `o`, its URL and its name. */
function sourceOfReference(state: PlanState, o: StixObject, r: Record<string, unknown>): Source | null {
  const url = str(r.url) && /^https?:\/\/\S+$/i.test(String(r.url)) ? String(r.url) : ''
  const hashes = (r.hashes ?? {}) as Record<string, unknown>
  const sha = str(hashes['SHA-256'])?.toLowerCase()
  const key = str(r.external_id) && STIX_ID.test(String(r.external_id)) ? String(r.external_id) : `x-watchfloor-source--${uuidV5(`ref:${o.id}:${url}:${str(r.description) ?? str(r.source_name)}`)}`
  return sourceFrom(state, { key, title: str(r.description) || str(r.source_name) || url || 'Untitled source', publisher: str(r.source_name) ?? '', url, sha256: sha && /^[0-9a-f]{64}$/.test(sha) ? sha : undefined }, iso(o.created, state.now))
}

/** The valid sources `o` carries: Watchfloor's own list when it has one, else its external references other than ATT&CK's. */
export function sourcesOf(state: PlanState, o: StixObject, props: Record<string, unknown> | undefined): Source[] {
  const listed = Array.isArray(props?.sources) ? (props!.sources as Record<string, unknown>[]) : []
  if (listed.length > 0) return listed.map((s) => sourceFrom(state, s, iso(o.created, state.now))).filter((s): s is Source => !!s)
  const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : []
  return refs
    .filter((r) => r.source_name !== 'mitre-attack')
    .map((r) => sourceOfReference(state, o, r))
    .filter((s): s is Source => !!s)
}

/** The Watchfloor ids of the sources `keys` name: ones read from the file so far, or ones the workspace has. */
export function sourceIdsFor(state: PlanState, keys: unknown): string[] {
  return strs(keys).flatMap((k) => state.sourceByKey.get(k)?.id ?? state.existing.sources.get(k)?.id ?? [])
}

/** The sources the planned incidents cite (themselves, in claims or in responses) that are new or newer than the workspace's. */
export function citedSources(state: PlanState): Source[] {
  const cited = new Set<string>()
  for (const inc of state.incidentIdOf.values()) {
    for (const s of [...inc.sourceIds, ...inc.attributions.flatMap((a) => a.sourceIds), ...inc.responses.flatMap((r) => r.sourceIds)]) cited.add(s)
  }
  return [...state.sourceByKey.values()].filter((s) => {
    const old = state.existing.sources.get(sourceKey(s))
    return cited.has(s.id) && (!old || s.updatedAt > old.updatedAt)
  })
}
