// The section registry of a briefing: each section's label, help text and how it turns the scoped data into blocks.
import { countryName } from '../countries'
import { citedSourceIds } from '../references'
import { citationsOf, describeSupport } from '../sourceUsage'
import {
  admiraltyGrade,
  ATTRIBUTION_BASIS_LABELS,
  ATTRIBUTOR_KIND_LABELS,
  CREDIBILITY_LABELS,
  INCIDENT_TYPE_LABELS,
  LIKELIHOOD_TERMS,
  RELIABILITY_LABELS,
  RESPONSE_TYPES,
  LEGAL_RESPONSE_TYPE_LABELS,
  STATE_NEXUS_LABELS,
  type Actor,
  type Incident,
  type Note,
  type ReportDefinition,
  type Source,
  type Tlp,
} from '../domain'
import { formatPartialDate } from '../partialDate'
import type { Block, Figure } from './blocks'
import { tlpLabel, urlCell } from './blocks'
import { estimativeWarnings } from './estimative'
import { WIKI_LINK } from '../wikiLinks'
import { FIGURE_SECTION_IDS, type FigureSectionId, type ReportSectionId } from './sectionIds'

/** Everything a section may draw on, resolved once per briefing. */
export interface SectionContext {
  definition: ReportDefinition
  workspaceName: string
  /** Incidents in scope, oldest first. */
  incidents: Incident[]
  actors: ReadonlyMap<string, Actor>
  sources: ReadonlyMap<string, Source>
  /** Formatted briefing date. */
  date: string
  /** Formatted day the data was drawn (the export). */
  drawnOn: string
  tlp: Tlp
  /** Words describing the scope, for the method appendix. */
  scopeText: string
  /** Set for the live preview: at most this many table rows and incident pages are drawn. */
  previewLimit?: number
  /** Images supplied by the views that draw them (map, timeline), keyed by section id. */
  figures: Partial<Record<string, Figure>>
  /** Pinned notes attached to, or linking to, an incident in scope; oldest date first. */
  notes: Note[]
  /** Title of any record by id, to show the links of a note. */
  titles: ReadonlyMap<string, string>
}

export interface SectionSpec {
  id: ReportSectionId
  label: string
  /** One line for the section picker. */
  hint: string
  /** Starts on a new page in PDF and DOCX. */
  pageBreakBefore?: boolean
  /** Blocks of the section; an empty list leaves the section out, with `emptyWarning` shown to the analyst. */
  build(ctx: SectionContext): Block[]
  emptyWarning?: string
}

const dash = '—'
const names = (codes: string[]) => (codes.length ? codes.map(countryName).join(', ') : dash)
const date = (d?: string) => formatPartialDate(d) || dash
const responseLabel = new Map<string, string>(RESPONSE_TYPES.map((t) => [t.id, t.cameo ? `${t.label} (CAMEO ${t.cameo})` : t.label]))
const likelihoodLabel = new Map<string, string>(LIKELIHOOD_TERMS.map((t) => [t.id, t.label]))

function sponsorOf(i: Incident, actors: ReadonlyMap<string, Actor>): string {
  const parts = i.sponsorCountries.map(countryName)
  for (const id of i.actorIds) {
    const a = actors.get(id)
    if (a && (a.kind === 'state-agency' || a.kind === 'state-sponsored-group') && !parts.includes(a.name)) parts.push(a.name)
  }
  return parts.join(', ') || STATE_NEXUS_LABELS[i.nexus]
}

/** Sources cited anywhere in the scoped incidents, by title. */
export function citedSources(ctx: Pick<SectionContext, 'incidents' | 'sources'>): Source[] {
  const ids = new Set(ctx.incidents.flatMap(citedSourceIds))
  return [...ids]
    .map((id) => ctx.sources.get(id))
    .filter((s): s is Source => !!s)
    .sort((a, b) => a.title.localeCompare(b.title))
}

/** The first `ctx.previewLimit` items (all of them outside the preview), and a note of what the export adds. */
function limited<T>(list: T[], ctx: SectionContext, what: string): { items: T[]; note: Block[] } {
  const max = ctx.previewLimit
  if (max === undefined || list.length <= max) return { items: list, note: [] }
  return { items: list.slice(0, max), note: [{ kind: 'paragraph', text: `Preview: the first ${max} ${what} of ${list.length}; the export has them all.`, muted: true }] }
}

/** A note's markdown as briefing text: links shown by the record's title, heading and emphasis marks dropped. */
export function plainNoteText(body: string, titles: ReadonlyMap<string, string>): string {
  return body
    .replace(WIKI_LINK, (_all, id: string, label?: string) => label?.trim() || titles.get(id.trim()) || id.trim())
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*|`)(?=\S)(.+?)(?<=\S)\1/g, '$2')
}

function paragraphs(text: string): Block[] {
  const blocks: Block[] = []
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean)
    if (lines.length === 0) continue
    if (lines.every((l) => /^[-*•]\s+/.test(l))) blocks.push({ kind: 'list', items: lines.map((l) => l.replace(/^[-*•]\s+/, '')) })
    else blocks.push({ kind: 'paragraph', text: lines.join(' ') })
  }
  return blocks
}

/** The sources a claim cites, each with its grade: `B2 Title; C3 Title`, or a dash. */
export function claimSources(ids: readonly string[], sources: ReadonlyMap<string, Source>): string {
  const found = ids.map((id) => sources.get(id)).filter((s): s is Source => !!s)
  return found.map((s) => `${admiraltyGrade(s)} ${s.title}`).join('; ') || dash
}

/** The fields datasets carry, where the incident has them: receiver category, zero-day use, intensity and provenance. */
export function datasetFields(i: Incident): [string, string][] {
  const out: [string, string][] = []
  const categories = [...new Set(i.victims.flatMap((v) => (v.category ? [v.category] : [])))]
  if (categories.length > 0) out.push(['Receiver category', categories.join('; ')])
  if (i.zeroDay !== undefined) out.push(['Zero-day used', i.zeroDay ? 'Yes' : 'No'])
  if (i.intensity) out.push(['Intensity', `${i.intensity.source} ${i.intensity.score}`])
  if (i.provenance) out.push(['Provenance', `${i.provenance.dataset}${i.provenance.version ? ` ${i.provenance.version}` : ''}, ${i.provenance.key.startsWith('row ') ? i.provenance.key : `id ${i.provenance.key}`}`])
  return out
}

function incidentPage(i: Incident, ctx: SectionContext): Block[] {
  const actorName = (id?: string) => (id ? (ctx.actors.get(id)?.name ?? id) : '')
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: i.title },
    {
      kind: 'fields',
      pairs: [
        ['Date', i.end ? `${date(i.start)} – ${date(i.end)}` : date(i.start)],
        ['Victims', i.victims.map((v) => [countryName(v.country), v.organisation || v.sector].filter(Boolean).join(': ')).join('; ') || dash],
        ['Sponsor', sponsorOf(i, ctx.actors)],
        ['Actors', i.actorIds.map(actorName).join(', ') || dash],
        ['Type', i.types.map((t) => INCIDENT_TYPE_LABELS[t]).join(', ') || dash],
        ['Status', i.status === 'confirmed' ? 'Confirmed' : 'Draft'],
        ['Marking', tlpLabel(i.tlp)],
        ...datasetFields(i),
      ],
    },
  ]
  blocks.push(...paragraphs(i.summary))
  blocks.push({ kind: 'heading', level: 3, text: 'Attributions' })
  if (i.attributions.length === 0) blocks.push({ kind: 'paragraph', text: 'No attribution recorded.', muted: true })
  else
    blocks.push({
      kind: 'table',
      columns: ['Date', 'Attributed by', 'To', 'Basis', 'Confidence', 'Likelihood', 'Sources'],
      rows: i.attributions.map((a) => [
        date(a.date),
        `${a.attributor} (${ATTRIBUTOR_KIND_LABELS[a.attributorKind]})`,
        [...new Set([a.toCountry ? countryName(a.toCountry) : '', actorName(a.toActorId)].filter(Boolean))].join(' / ') || dash,
        a.basis.map((b) => ATTRIBUTION_BASIS_LABELS[b]).join(', ') || dash,
        a.confidence ?? dash,
        a.likelihood ? (likelihoodLabel.get(a.likelihood) ?? a.likelihood) : dash,
        claimSources(a.sourceIds, ctx.sources),
      ]),
    })
  blocks.push({ kind: 'heading', level: 3, text: 'Responses' })
  if (i.responses.length === 0) blocks.push({ kind: 'paragraph', text: 'No response recorded.', muted: true })
  else
    blocks.push({
      kind: 'table',
      columns: ['Date', 'Actor', 'Response', 'Target', 'Description', 'Sources'],
      rows: i.responses.map((r) => [
        date(r.date),
        r.actor,
        `${responseLabel.get(r.type) ?? r.type}${r.legalType ? ` — ${LEGAL_RESPONSE_TYPE_LABELS[r.legalType]}` : ''}`,
        r.target || (r.targetCountry ? countryName(r.targetCountry) : dash),
        r.description || dash,
        claimSources(r.sourceIds, ctx.sources),
      ]),
    })
  blocks.push({ kind: 'heading', level: 3, text: 'Impact' })
  const impact = paragraphs(i.impact)
  if (i.severity) blocks.push({ kind: 'paragraph', text: `Severity ${i.severity} of 5.` })
  blocks.push(...(impact.length ? impact : i.severity ? [] : [{ kind: 'paragraph' as const, text: 'No impact recorded.', muted: true }]))
  return blocks
}

/** How the method appendix names each figure section. */
export const FIGURE_NAMES: Record<FigureSectionId, string> = { map: 'situation map', timeline: 'timeline figure' }

/** Figure sections the definition turns on but no image was supplied for (the command line draws none). */
export function missingFigures(ctx: Pick<SectionContext, 'definition' | 'figures'>): FigureSectionId[] {
  return FIGURE_SECTION_IDS.filter((id) => !ctx.figures[id] && ctx.definition.sections.some((s) => s.id === id && s.enabled))
}

const METHOD_TEXT = [
  'Sources are graded on the Admiralty scale: the reliability of the source from A (completely reliable) to F (cannot be judged), and the credibility of the information from 1 (confirmed) to 6 (cannot be judged); "B2" is a usually reliable source reporting information that is probably true.',
  'Judgments use the estimative language of ICD 203. A likelihood term expresses how probable an event or development is; a confidence level (low, moderate, high) expresses how well the judgment is supported by sources and reasoning. The two are stated in separate sentences.',
  'Dates are given at the precision known: a year, a month or a day.',
]

/** Every section this build can produce, in default order. */
export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'title',
    label: 'Title, date and author',
    hint: 'The briefing title, its date, author and marking',
    build: (ctx) => [
      {
        kind: 'title',
        title: ctx.definition.title,
        lines: [ctx.date, ctx.definition.author ? `Prepared by ${ctx.definition.author}` : '', `${ctx.incidents.length} incident${ctx.incidents.length === 1 ? '' : 's'} · ${tlpLabel(ctx.tlp)}`].filter(Boolean),
      },
    ],
  },
  {
    id: 'bluf',
    label: 'BLUF / key judgments',
    hint: 'Free text: the bottom line up front, in estimative language',
    build: (ctx) => {
      const body = paragraphs(ctx.definition.bluf)
      return body.length ? [{ kind: 'heading', level: 2, text: 'Key judgments' }, ...body] : []
    },
    emptyWarning: 'The key judgments are empty, so that section is left out.',
  },
  {
    id: 'map',
    label: 'Situation map',
    hint: 'The incidents in scope by victim country, with sponsor arcs (drawn by the map view)',
    build: (ctx) => (ctx.figures.map ? [{ kind: 'heading', level: 2, text: 'Situation map' }, { kind: 'figure', figure: ctx.figures.map }] : []),
    emptyWarning: 'The situation map has not been drawn, so that section is left out.',
  },
  {
    id: 'timeline',
    label: 'Timeline figure',
    hint: 'The incidents in scope over time by victim country, with attributions and responses (drawn by the timeline view)',
    build: (ctx) => (ctx.figures.timeline ? [{ kind: 'heading', level: 2, text: 'Timeline' }, { kind: 'figure', figure: ctx.figures.timeline }] : []),
    emptyWarning: 'The timeline figure has not been drawn, so that section is left out.',
  },
  {
    id: 'incident-table',
    label: 'Table of incidents',
    hint: 'Date at its precision, victim, sponsor, type and status',
    build: (ctx) => {
      const { items, note } = limited(ctx.incidents, ctx, 'rows')
      const table: Block =
        items.length === 0
          ? { kind: 'paragraph', text: 'No incident is in the scope of this briefing.', muted: true }
          : {
              kind: 'table',
              columns: ['Date', 'Incident', 'Victim', 'Sponsor', 'Type', 'Status'],
              rows: items.map((i) => [
                date(i.start),
                i.title,
                names(i.victims.map((v) => v.country)),
                sponsorOf(i, ctx.actors),
                i.types.map((t) => INCIDENT_TYPE_LABELS[t]).join(', ') || dash,
                i.status === 'confirmed' ? 'Confirmed' : 'Draft',
              ]),
            }
      return [{ kind: 'heading', level: 2, text: 'Incidents' }, table, ...note]
    },
  },
  {
    id: 'incident-pages',
    label: 'A page per incident',
    hint: 'Summary, attributions with basis and confidence, responses, impact',
    build: (ctx) => {
      const { items, note } = limited(ctx.incidents, ctx, 'incident pages')
      return [...items.flatMap((i) => incidentPage(i, ctx)), ...note]
    },
    emptyWarning: 'No incident is in scope, so there are no incident pages.',
  },
  {
    id: 'pinned-notes',
    label: 'Pinned notes',
    hint: 'The analyst’s pinned notes on the incidents in scope',
    build: (ctx) =>
      ctx.notes.length === 0
        ? []
        : [
            { kind: 'heading', level: 2, text: 'Analyst notes' },
            ...ctx.notes.flatMap((n): Block[] => [
              { kind: 'heading', level: 3, text: n.date ? `${n.title} (${formatPartialDate(n.date)})` : n.title },
              ...paragraphs(plainNoteText(n.body, ctx.titles)),
            ]),
          ],
    emptyWarning: 'No pinned note concerns the incidents in scope, so that section is left out.',
  },
  {
    id: 'sources',
    label: 'Sources',
    hint: 'Every cited source with its Admiralty grade, capture date and the claims it supports',
    build: (ctx) => {
      const list = citedSources(ctx)
      return [
        { kind: 'heading', level: 2, text: 'Sources' },
        list.length === 0
          ? { kind: 'paragraph', text: 'The incidents in scope cite no source.', muted: true }
          : {
              kind: 'table',
              columns: ['Grade', 'Title', 'Publisher', 'Published', 'Captured', 'Address', 'Supports'],
              rows: list.map((s) => [
                admiraltyGrade(s),
                s.title,
                s.publisher || dash,
                date(s.published),
                date(s.captured),
                s.url ? urlCell(s.url) : dash,
                describeSupport(citationsOf(ctx.incidents, s.id)),
              ]),
            },
      ]
    },
  },
  {
    id: 'method',
    label: 'Method appendix',
    hint: 'Scope, grading scales, estimative language and marking',
    build: (ctx) => [
      { kind: 'heading', level: 2, text: 'Method' },
      { kind: 'paragraph', text: `Scope: ${ctx.scopeText}. Drawn from the workspace “${ctx.workspaceName}” on ${ctx.drawnOn}.` },
      ...METHOD_TEXT.map((text): Block => ({ kind: 'paragraph', text })),
      ...missingFigures(ctx).map(
        (id): Block => ({ kind: 'paragraph', text: `The ${FIGURE_NAMES[id]} was turned on but is not in this export: it could not be drawn when the export was made.` }),
      ),
      {
        kind: 'table',
        caption: 'ICD 203 likelihood terms',
        columns: ['Term', 'Probability'],
        rows: LIKELIHOOD_TERMS.map((t) => [t.label, `${t.range[0]}–${t.range[1]} %`]),
      },
      {
        kind: 'table',
        caption: 'Admiralty scale',
        columns: ['Reliability', 'Credibility'],
        rows: Object.entries(RELIABILITY_LABELS).map(([k, v], n) => {
          const c = String(n + 1) as keyof typeof CREDIBILITY_LABELS
          return [`${k}: ${v}`, `${c}: ${CREDIBILITY_LABELS[c]}`]
        }),
      },
      {
        kind: 'paragraph',
        text: `Marking: ${tlpLabel(ctx.tlp)} (TLP 2.0). A briefing carries at least the highest marking of what it contains; share it only as that marking allows.`,
      },
    ],
  },
]

/** The registered section with this id, or undefined. */
export function sectionSpec(id: string): SectionSpec | undefined {
  return SECTIONS.find((s) => s.id === id)
}

/** Warnings about the key judgments' estimative language. */
export function blufWarnings(def: ReportDefinition): string[] {
  return estimativeWarnings(def.bluf)
}
