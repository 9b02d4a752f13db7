// Resolving a report definition: scope by filter or by hand, the marking floor, section order and the sample's Albania briefing.
import { describe, expect, it } from 'vitest'
import { ReportInputSchema, type Note, type ReportDefinition } from '../../../../shared/domain'
import { EMPTY_FILTER } from '../../../../shared/filter'
import { cellText } from '../../../../shared/report/blocks'
import { defaultReport, describeFilter, resolveBriefing, scopedIncidents, sectionOrder } from '../../../../shared/report/model'
import { missingFigures, sectionSpec, SECTIONS } from '../../../../shared/report/sections'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'

const ws = sampleWorkspace()
const albania = ws.reports.find((r) => r.name === 'Albania 2022 briefing')!
const def = (patch: Partial<ReportDefinition>): ReportDefinition => ReportInputSchema.parse({ name: 'Test', title: 'Test briefing', ...patch })

describe('scope', () => {
  it('by filter: the sample Albania briefing holds the three Albanian incidents, oldest first', () => {
    expect(scopedIncidents(ws, albania).map((i) => i.id)).toEqual(['inc-albania-2022-07', 'inc-albania-tims-2022-09', 'inc-albania-leaks-2022-09'])
    expect(describeFilter(albania.scope.kind === 'filter' ? albania.scope.filter : EMPTY_FILTER)).toBe('incidents matching victim Albania')
  })

  it('by hand: picked ids, missing ones skipped and said so in the method', () => {
    const d = def({ scope: { kind: 'incidents', ids: ['inc-sony-2014-11', 'gone', 'inc-estonia-2007-04'] } })
    const b = resolveBriefing(ws, d, { today: '2026-01-05' })
    expect(b.incidentCount).toBe(2)
    const method = b.sections.find((s) => s.id === 'method')!
    expect(JSON.stringify(method.blocks)).toContain('3 incidents picked by hand (1 no longer in the workspace)')
  })

  it('refuses an empty hand-picked scope', () => {
    const r = ReportInputSchema.safeParse({ name: 'x', title: 'y', scope: { kind: 'incidents', ids: [] } })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe('Pick at least one incident')
  })
})

describe('marking', () => {
  it('is at least the highest marking in scope; the analyst may raise it but not lower it', () => {
    const marked = { ...ws, incidents: ws.incidents.map((i) => (i.id === 'inc-albania-tims-2022-09' ? { ...i, tlp: 'AMBER' as const } : i)) }
    expect(resolveBriefing(marked, { ...albania, tlp: 'CLEAR' }).tlp).toBe('AMBER')
    expect(resolveBriefing(marked, { ...albania, tlp: 'RED' }).tlp).toBe('RED')
    expect(resolveBriefing(ws, albania).tlp).toBe('CLEAR')
    expect(resolveBriefing(marked, albania).contentTlp).toBe('AMBER')
  })
})

describe('the situation map section', () => {
  const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
  const map = { png: PNG_1PX, width: 960, height: 620, alt: 'World map', caption: 'Situation map' }
  const withMap = { ...albania, sections: albania.sections.map((s) => (s.id === 'map' ? { ...s, enabled: true } : s)) }

  it('is off in the sample briefing, right after the key judgments, and appended (off) to definitions saved before it existed', () => {
    expect(albania.sections.map((s) => [s.id, s.enabled]).slice(0, 5)).toEqual([['title', true], ['bluf', true], ['map', false], ['timeline', false], ['incident-table', true]])
    expect(sectionOrder(albania.sections.filter((s) => s.id !== 'map')).at(-1)).toEqual({ id: 'map', enabled: false })
    expect(resolveBriefing(ws, albania, { figures: { map } }).sections.map((s) => s.id)).not.toContain('map')
  })

  it('builds a heading and a figure block when the map was drawn, and says nothing about figures', () => {
    const b = resolveBriefing(ws, withMap, { today: '2026-01-05', figures: { map } })
    expect(b.sections.map((s) => s.id)).toEqual(['title', 'bluf', 'map', 'incident-table', 'incident-pages', 'sources', 'method'])
    expect(b.warnings).toEqual([])
    expect(b.sections[2].blocks).toEqual([{ kind: 'heading', level: 2, text: 'Situation map' }, { kind: 'figure', figure: map }])
    expect(JSON.stringify(b.sections.at(-1))).not.toContain('situation map')
  })

  it('is left out with a warning, and a line in the method appendix, when no map was supplied', () => {
    const b = resolveBriefing(ws, withMap, { today: '2026-01-05' })
    expect(b.sections.map((s) => s.id)).not.toContain('map')
    expect(b.warnings).toContain(sectionSpec('map')!.emptyWarning)
    expect(sectionSpec('map')!.emptyWarning).toBe('The situation map has not been drawn, so that section is left out.')
    expect(JSON.stringify(b.sections.at(-1))).toContain('The situation map was turned on but is not in this export: it could not be drawn when the export was made.')
    expect(missingFigures({ definition: withMap, figures: {} })).toEqual(['map'])
    expect(missingFigures({ definition: albania, figures: {} })).toEqual([])
  })
})

describe('the timeline section', () => {
  const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
  const timeline = { png: PNG_1PX, width: 960, height: 700, alt: 'Timeline', caption: 'Timeline' }
  const withTimeline = { ...albania, sections: albania.sections.map((s) => (s.id === 'timeline' ? { ...s, enabled: true } : s)) }

  it('comes after the map, and is appended (off) to definitions saved before it existed', () => {
    expect(SECTIONS.map((s) => s.id).indexOf('timeline')).toBe(SECTIONS.map((s) => s.id).indexOf('map') + 1)
    expect(sectionOrder(albania.sections.filter((s) => s.id !== 'timeline')).at(-1)).toEqual({ id: 'timeline', enabled: false })
  })

  it('builds a heading and a figure block when the timeline was drawn', () => {
    const b = resolveBriefing(ws, withTimeline, { figures: { timeline } })
    expect(b.sections.find((s) => s.id === 'timeline')!.blocks).toEqual([{ kind: 'heading', level: 2, text: 'Timeline' }, { kind: 'figure', figure: timeline }])
    expect(b.warnings).toEqual([])
  })

  it('is left out with a warning and a line in the method appendix when it was not drawn', () => {
    const b = resolveBriefing(ws, withTimeline, { figures: {} })
    expect(b.sections.map((s) => s.id)).not.toContain('timeline')
    expect(b.warnings).toEqual(['The timeline figure has not been drawn, so that section is left out.'])
    expect(JSON.stringify(b.sections.at(-1))).toContain('The timeline figure was turned on but is not in this export: it could not be drawn when the export was made.')
  })
})

describe('sections', () => {
  it('follow the definition order and leave out those turned off', () => {
    const d = def({ sections: [{ id: 'sources', enabled: true }, { id: 'title', enabled: true }, { id: 'method', enabled: false }] })
    expect(resolveBriefing(ws, d).sections.map((s) => s.id)).toEqual(['sources', 'title'])
  })

  it('leaves out empty key judgments and says so; warns on mixed estimative language', () => {
    expect(resolveBriefing(ws, def({ bluf: '' })).warnings).toContain('The key judgments are empty, so that section is left out.')
    const b = resolveBriefing(ws, def({ bluf: 'It is very likely, with high confidence, that Iran did it.' }))
    expect(b.warnings.some((w) => w.includes('ICD 203'))).toBe(true)
  })

  it('gives every incident its own page with attributions and responses', () => {
    const b = resolveBriefing(ws, albania)
    const pages = b.sections.find((s) => s.id === 'incident-pages')!.blocks
    const titles = pages.filter((x) => x.kind === 'heading' && x.level === 2)
    expect(titles.map((t) => t.kind === 'heading' && t.pageBreakBefore)).toEqual([true, true, true])
    const attributions = pages.find((x) => x.kind === 'table' && x.columns.includes('Confidence'))
    expect(attributions?.kind === 'table' && attributions.rows.some((r) => r.includes('Microsoft (Company)') && r.includes('moderate'))).toBe(true)
  })

  it('lists cited sources with their Admiralty grade', () => {
    const sources = resolveBriefing(ws, albania).sections.find((s) => s.id === 'sources')!.blocks[1]
    expect(sources.kind).toBe('table')
    if (sources.kind === 'table') {
      expect(sources.columns).toEqual(['Grade', 'Title', 'Publisher', 'Published', 'Captured', 'Address', 'Supports'])
      expect(sources.rows.every((r) => /^[A-F][1-6]$/.test(cellText(r[0])))).toBe(true)
      // The address is the one cell that is a link, to its http(s) target.
      expect(sources.rows.filter((r) => typeof r[5] !== 'string').length).toBeGreaterThan(0)
      expect(sources.rows.every((r) => r.slice(0, 5).every((c) => typeof c === 'string') && (typeof r[5] === 'string' || /^https?:\/\//.test(r[5].href)))).toBe(true)
      // Each source says which claims it supports.
      const pm = sources.rows.find((r) => cellText(r[1]).startsWith('Statement by Prime Minister Edi Rama'))!
      expect(cellText(pm[6])).toBe(
        'Destructive attack on Albanian government systems: attribution by Government of Albania (PM Edi Rama) (7 Sep 2022); response (Reduce or break diplomatic relations) by Government of Albania (7 Sep 2022); response (Expel diplomats) by Government of Albania (7 Sep 2022)',
      )
    }
  })

  it('prints each attribution and response with the sources it cites and their grades', () => {
    const pages = resolveBriefing(ws, albania).sections.find((s) => s.id === 'incident-pages')!.blocks
    const tables = pages.filter((x) => x.kind === 'table')
    const attributions = tables.find((t) => t.kind === 'table' && t.columns.includes('Confidence'))!
    const responses = tables.find((t) => t.kind === 'table' && t.columns.includes('Response'))!
    if (attributions.kind !== 'table' || responses.kind !== 'table') throw new Error('no tables')
    expect(attributions.columns.at(-1)).toBe('Sources')
    const mandiant = attributions.rows.find((r) => cellText(r[1]) === 'Mandiant (Company)')!
    expect(cellText(mandiant.at(-1)!)).toBe('B2 ROADSWEEP ransomware: likely Iranian actor conducts politically motivated disruption against Albanian government organisations')
    const rupture = responses.rows.find((r) => cellText(r[2]).startsWith('Reduce or break'))!
    expect(cellText(rupture.at(-1)!)).toMatch(/^B2 Statement by Prime Minister Edi Rama.*; C3 Albania cuts diplomatic ties with Iran over July cyberattack$/)
  })

  it('sectionOrder appends registered sections a saved definition does not list, turned off', () => {
    expect(sectionOrder([{ id: 'method', enabled: true }])).toEqual([{ id: 'method', enabled: true }, ...SECTIONS.filter((s) => s.id !== 'method').map((s) => ({ id: s.id, enabled: false }))])
  })

  it('the preview draws at most its limit of rows and incident pages and says the export has them all', () => {
    const b = resolveBriefing(ws, defaultReport(ws.name), { previewLimit: 5 })
    const table = b.sections.find((s) => s.id === 'incident-table')!.blocks
    expect(table[1].kind === 'table' && table[1].rows.length).toBe(5)
    expect(table.at(-1)).toEqual({ kind: 'paragraph', text: `Preview: the first 5 rows of ${ws.incidents.length}; the export has them all.`, muted: true })
    const pages = b.sections.find((s) => s.id === 'incident-pages')!.blocks
    expect(pages.filter((x) => x.kind === 'heading' && x.level === 2)).toHaveLength(5)
    expect(resolveBriefing(ws, defaultReport(ws.name)).sections.find((s) => s.id === 'incident-pages')!.blocks.filter((x) => x.kind === 'heading' && x.level === 2)).toHaveLength(ws.incidents.length)
  })

  it('the default report covers the whole workspace with every section', () => {
    const b = resolveBriefing(ws, defaultReport(ws.name))
    expect(b.incidentCount).toBe(ws.incidents.length)
    expect(b.sections.map((s) => s.id)).toEqual(['title', 'incident-table', 'incident-pages', 'sources', 'method'])
  })
})

describe('pinned notes', () => {
  const note = (patch: Partial<Note>): Note => ({ id: 'note-x', title: 'A note', body: '', tags: [], pinned: true, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...patch })
  const notes: Note[] = [
    note({ id: 'note-attached', title: 'Why July', date: '2022-07', incidentId: 'inc-albania-2022-07', body: '## Judgement\n\nTimed before the **summit**; see [[actor-mois]].\n\n- first dump\n- second dump' }),
    note({ id: 'note-linked', title: 'Border system', body: 'Same hand as [[inc-albania-2022-07|the July attack]] per [[inc-albania-tims-2022-09]].' }),
    note({ id: 'note-unpinned', title: 'Draft thought', pinned: false, incidentId: 'inc-albania-2022-07' }),
    note({ id: 'note-elsewhere', title: 'Sony thought', incidentId: 'inc-sony-2014-11' }),
  ]
  const withNotes = { ...ws, notes }
  const on = def({ scope: albania.scope, sections: [{ id: 'pinned-notes', enabled: true }] })

  it('are the pinned notes attached to or linking to an incident in scope, dated first', () => {
    const b = resolveBriefing(withNotes, on, { today: '2026-01-05' })
    const blocks = b.sections.find((s) => s.id === 'pinned-notes')!.blocks
    expect(blocks.filter((x) => x.kind === 'heading').map((x) => x.kind === 'heading' && x.text)).toEqual(['Analyst notes', 'Why July (Jul 2022)', 'Border system'])
    expect(JSON.stringify(blocks)).not.toMatch(/Draft thought|Sony thought/)
  })

  it('show links by the record title and drop markdown marks', () => {
    const b = resolveBriefing(withNotes, on, { today: '2026-01-05' })
    const blocks = b.sections.find((s) => s.id === 'pinned-notes')!.blocks
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Judgement' })
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Timed before the summit; see Ministry of Intelligence and Security (MOIS).' })
    expect(blocks).toContainEqual({ kind: 'list', items: ['first dump', 'second dump'] })
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Same hand as the July attack per Attack on Albania’s TIMS border control system.' })
  })

  it('leave the section out, with a warning, when none concerns the scope', () => {
    const b = resolveBriefing(ws, on, { today: '2026-01-05' })
    expect(b.sections.some((s) => s.id === 'pinned-notes')).toBe(false)
    expect(b.warnings).toContain('No pinned note concerns the incidents in scope, so that section is left out.')
  })
})
