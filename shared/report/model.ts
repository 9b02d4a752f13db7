// Resolves a report definition against workspace data: the incidents in scope, the marking, and the ordered sections as blocks.
import { countryName } from '../countries'
import { highestTlp, INCIDENT_TYPE_LABELS, ReportInputSchema, STATE_NEXUS_LABELS, type Actor, type Incident, type Note, type ReportDefinition, type ReportInput, type Source, type Tlp } from '../domain'
import { filterIncidents, isEmptyFilter, textIndex, type IncidentFilter } from '../filter'
import { comparePartialDates, formatPartialDate } from '../partialDate'
import { linkedIds } from '../wikiLinks'
import type { Briefing, Figure, ResolvedSection } from './blocks'
import { blufWarnings, sectionSpec, SECTIONS, type SectionContext } from './sections'

/** The records a briefing draws on (a workspace, or the renderer's copy of it). */
export interface BriefingData {
  name: string
  incidents: readonly Incident[]
  actors: readonly Actor[]
  sources: readonly Source[]
  notes: readonly Note[]
}

export interface ResolveOptions {
  /** Today, for a definition without a date; defaults to the current UTC day. */
  today?: string
  /** Images keyed by section id, supplied by the views that draw them. */
  figures?: Partial<Record<string, Figure>>
  /** For the live preview: draw at most this many table rows and incident pages. */
  previewLimit?: number
}

/** The incidents a definition's scope selects, oldest first; hand-picked ids no longer present are skipped. */
export function scopedIncidents(
  data: Pick<BriefingData, 'incidents' | 'actors'>,
  def: Pick<ReportDefinition, 'scope'>,
  /** The text an incident is searched by; a caller that keeps a cache passes its own. */
  textOf: (incident: Incident) => string = textIndex(new Map(data.actors.map((a) => [a.id, a]))),
): Incident[] {
  let list: Incident[]
  if (def.scope.kind === 'incidents') {
    const byId = new Map(data.incidents.map((i) => [i.id, i]))
    list = def.scope.ids.map((id) => byId.get(id)).filter((i): i is Incident => !!i)
  } else list = [...filterIncidents(data.incidents, def.scope.filter, textOf)]
  return list.sort((a, b) => comparePartialDates(a.start, b.start) || a.title.localeCompare(b.title))
}

/** Pinned notes attached to, or linking to, one of `incidents`; dated ones first, oldest first. */
export function pinnedNotes(notes: readonly Note[], incidents: readonly Incident[]): Note[] {
  const inScope = new Set(incidents.map((i) => i.id))
  return notes
    .filter((n) => n.pinned && ((n.incidentId !== undefined && inScope.has(n.incidentId)) || linkedIds(n.body).some((id) => inScope.has(id))))
    .sort((a, b) => comparePartialDates(a.date, b.date) || a.title.localeCompare(b.title))
}

/** Highest marking of the content in scope (CLEAR when nothing is marked). */
export function contentTlp(incidents: readonly Incident[]): Tlp {
  return highestTlp(incidents.map((i) => i.tlp))
}

/** The filter in words: `victim Albania, type Data destruction / wiper`. */
export function describeFilter(f: IncidentFilter): string {
  if (isEmptyFilter(f)) return 'every incident in the workspace'
  const parts: string[] = []
  if (f.text.trim()) parts.push(`text “${f.text.trim()}”`)
  if (f.victim) parts.push(`victim ${countryName(f.victim)}`)
  if (f.sponsor) parts.push(`sponsor ${countryName(f.sponsor)}`)
  if (f.type) parts.push(`type ${INCIDENT_TYPE_LABELS[f.type]}`)
  if (f.nexus) parts.push(STATE_NEXUS_LABELS[f.nexus].toLowerCase())
  if (f.from || f.to) parts.push(`from ${formatPartialDate(f.from) || 'the start'} to ${formatPartialDate(f.to) || 'now'}${f.incidentDatesOnly ? ' (incident dates only)' : ' (incident, attribution or response dates)'}`)
  return `incidents matching ${parts.join(', ')}`
}

function scopeText(def: ReportDefinition, found: number): string {
  if (def.scope.kind === 'filter') return describeFilter(def.scope.filter)
  const missing = def.scope.ids.length - found
  return `${def.scope.ids.length} incidents picked by hand${missing > 0 ? ` (${missing} no longer in the workspace)` : ''}`
}

/** Resolves `def` against `data` into the briefing every writer renders. */
export function resolveBriefing(data: BriefingData, def: ReportDefinition, options: ResolveOptions = {}): Briefing {
  const incidents = scopedIncidents(data, def)
  const content = contentTlp(incidents)
  const tlp = highestTlp([content, def.tlp])
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const ctx: SectionContext = {
    definition: def,
    workspaceName: data.name,
    incidents,
    actors: new Map(data.actors.map((a) => [a.id, a])),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    date: formatPartialDate(def.date ?? today, 'long'),
    drawnOn: formatPartialDate(today, 'long'),
    tlp,
    scopeText: scopeText(def, incidents.length),
    figures: options.figures ?? {},
    previewLimit: options.previewLimit,
    notes: pinnedNotes(data.notes, incidents),
    titles: new Map<string, string>([
      ...data.incidents.map((i): [string, string] => [i.id, i.title]),
      ...data.actors.map((a): [string, string] => [a.id, a.name]),
      ...data.sources.map((s): [string, string] => [s.id, s.title]),
      ...data.notes.map((n): [string, string] => [n.id, n.title]),
    ]),
  }
  const warnings: string[] = []
  const sections: ResolvedSection[] = []
  for (const entry of def.sections) {
    const spec = sectionSpec(entry.id)
    if (!entry.enabled || !spec) continue
    const blocks = spec.build(ctx)
    if (blocks.length === 0) {
      if (spec.emptyWarning) warnings.push(spec.emptyWarning)
      continue
    }
    sections.push({ id: spec.id, pageBreakBefore: spec.pageBreakBefore === true && sections.length > 0, blocks })
  }
  if (def.sections.some((s) => s.id === 'bluf' && s.enabled)) warnings.push(...blufWarnings(def))
  if (incidents.length === 0) warnings.push('No incident is in scope.')
  return { title: def.title, author: def.author, date: ctx.date, tlp, contentTlp: content, incidentCount: incidents.length, sections, warnings }
}

/** A definition's sections in its order, followed by registered sections it does not list yet (off), so sections added by a later build can be turned on. */
export function sectionOrder(sections: ReportDefinition['sections']): ReportDefinition['sections'] {
  const known = sections.filter((s) => sectionSpec(s.id))
  const missing = SECTIONS.filter((spec) => !known.some((s) => s.id === spec.id)).map((spec) => ({ id: spec.id, enabled: false }))
  return [...known, ...missing]
}

/** The briefing exported when a workspace has no saved report: the whole workspace, every section. */
export function defaultReport(workspaceName: string): ReportDefinition {
  return ReportInputSchema.parse({
    name: 'Whole workspace',
    title: `${workspaceName}: briefing`,
    sections: SECTIONS.map((s) => ({ id: s.id, enabled: true })),
  } satisfies ReportInput)
}
