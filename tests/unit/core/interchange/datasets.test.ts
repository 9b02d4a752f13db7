// Dataset imports through the app's import pipeline: the EuRepoC and CFR presets on their fixtures (exact records, exact accounting), re-imports that update or report conflicts, rejects as CSV, CSV export and its round trip, the CLI, and malformed files.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseTable } from '../../../../shared/datasets/csv'
import { suggestMapping } from '../../../../shared/datasets/mapping'
import type { Incident } from '../../../../shared/domain'
import type { ImportPreview } from '../../../../shared/interchange'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { defaultReport, resolveBriefing } from '../../../../shared/report/model'
import { renderHtml } from '../../../../shared/report/renderHtml'
import { exportCommand, importCommand } from '../../../../electron/hosts/cli/interchangeCommand'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { closeTestWorkspace, failure, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'

const FIXTURES = join(import.meta.dirname, '../../../fixtures/datasets')
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8')

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('datasets', { create: { name: 'Datasets desk' } })
})
afterEach(() => closeTestWorkspace(t))

async function preview(text: string, fileName: string, extra: Partial<Parameters<TestWorkspace['client']['interchange']['preview']>[0]> = {}, on = t) {
  const uploadId = crypto.randomUUID()
  for (let at = 0; at < Math.max(text.length, 1); at += 4_000_000) await on.client.interchange.upload({ uploadId, chunk: text.slice(at, at + 4_000_000) })
  return on.client.interchange.preview({ uploadId, fileName, ...extra })
}

/** The preview's row accounting in the words of the issue; the parts add up to the rows. */
function accounting(p: ImportPreview) {
  const a = { imported: p.totals.new, updated: p.totals.updated, duplicate: p.totals.duplicate, unchanged: p.totals.kept, conflict: p.totals.conflict, rejected: p.totals.skipped }
  expect(Object.values(a).reduce((x, y) => x + y, 0)).toBe(p.dataset!.rows)
  expect(p.total).toBe(p.dataset!.rows)
  return a
}

const byTitle = (list: Incident[], title: string) => list.find((i) => i.title === title)!

describe('the EuRepoC preset', () => {
  it('reads every row of the fixture: 30 incidents, 4 rejects with row, column and reason', async () => {
    const p = await preview(await fixture('eurepoc-sample.csv'), 'eurepoc-sample.csv')
    expect(p.format).toBe('eurepoc')
    expect(p.dataset).toMatchObject({ format: 'eurepoc', dataset: 'EuRepoC Global Database', rows: 34, delimiter: ',', encoding: 'utf-8' })
    expect(accounting(p)).toEqual({ imported: 30, updated: 0, duplicate: 0, unchanged: 0, conflict: 0, rejected: 4 })
    expect(p.dataset!.rejects).toEqual([
      { row: 32, column: 'name', reason: 'no name (every incident needs a title)' },
      { row: 33, column: 'start_date', reason: '“2022-13-45” is not a real day' },
      { row: 34, column: 'id', reason: 'the same dataset id as row 5 (“205”)' },
      { row: 35, column: '(whole row)', reason: 'the row has 3 cells; the header has 81 (a cell may hold an unquoted delimiter or line break)' },
    ])
    expect(p.dataset!.leftOut.map((l) => [l.column, l.value, l.count])).toEqual([
      ['MITRE_impact', 'Exfiltration Over Web Service', 1],
      ['receiver_country', 'EU (region)', 1],
      ['initiator_country', 'Narnia', 1],
      ['weighted_cyber_intensity', 'high', 1],
      ['end_date', '2019-01-01', 1],
    ])
    expect(p.writes).toMatchObject({ incidents: 30, actors: 11, sources: 3 })
  })

  it('turns the Albania 2022 row into an incident with its attributions, responses, sponsor, actors and provenance', async () => {
    const p = await preview(await fixture('eurepoc-sample.csv'), 'eurepoc-sample.csv', { datasetVersion: '1.1' })
    await t.client.interchange.commit({ token: p.token })
    const snap = await t.client.workspace.snapshot()
    const actorName = new Map(snap.actors.map((a) => [a.id, a.name]))
    const sourceUrl = new Map(snap.sources.map((s) => [s.id, s.url]))
    const albania = byTitle(snap.incidents, 'Destructive attack on Albanian government services on 15 July 2022 (HomeLand Justice)')
    expect(albania).toMatchObject({
      start: '2021-05-01',
      end: '2022-09-09',
      types: ['espionage', 'hack-and-leak', 'ransomware', 'wiper'],
      victims: [
        { country: 'AL', sector: 'Government / ministries', organisation: 'Albanian government', category: 'State institutions / political system' },
        { country: 'AL', sector: 'Government / ministries', organisation: 'e-Albania portal', category: 'State institutions / political system' },
      ],
      sponsorCountries: ['IR'],
      nexus: 'state-linked',
      techniques: ['T1190', 'T1485', 'T1486'],
      tags: ['EuRepoC', 'Disruption', 'Data theft & Doxing', 'Ransomware'],
      zeroDay: false,
      intensity: { score: 6, source: 'EuRepoC weighted cyber intensity' },
      provenance: { dataset: 'EuRepoC Global Database', version: '1.1', key: '1502', row: 2 },
    })
    expect(albania.actorIds.map((id) => actorName.get(id))).toEqual(['HomeLand Justice', 'DEV-0842'])
    expect(snap.actors.find((a) => a.name === 'HomeLand Justice')).toMatchObject({ kind: 'hacktivist-persona', country: 'IR', provenance: { dataset: 'EuRepoC Global Database' } })
    expect(albania.sourceIds.map((id) => sourceUrl.get(id))).toEqual([
      'https://www.microsoft.com/en-us/security/blog/2022/09/08/microsoft-investigates-iranian-attacks-against-the-albanian-government/',
      'https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-264a',
    ])
    // Seven attribution entries, one repeated: six attributions, in the file's order.
    expect(albania.attributions.map((a) => [a.attributor, a.attributorKind, a.attributorCountry, a.date, a.toCountry, a.toActorId && actorName.get(a.toActorId), a.basis])).toEqual([
      ['Edi Rama (Prime Minister, Albania)', 'government', 'AL', '2022-09-07', 'IR', 'HomeLand Justice', ['political-statement']],
      ['Adrienne Watson (NSC spokesperson, USA)', 'government', 'US', '2022-09-07', 'IR', undefined, ['political-statement']],
      ['Microsoft', 'company', undefined, '2022-09-08', 'IR', 'DEV-0842', ['technical-forensics']],
      ['National Cyber Security Centre (NCSC-UK)', 'government', 'GB', '2022-09-08', 'IR', undefined, ['political-statement']],
      ['Mandiant', 'company', undefined, '2022-09-08', 'IR', undefined, ['technical-forensics']],
      ['CISA and FBI', 'government', 'US', '2022-09-21', 'IR', 'HomeLand Justice', ['political-statement']],
    ])
    expect(albania.responses.map((r) => [r.actor, r.actorCountry, r.type, r.legalType, r.date])).toEqual([
      ['National Security Council (USA)', 'US', 'statement', undefined, '2022-09-07'],
      ['White House', 'US', 'statement', undefined, '2022-09-07'],
      ['North Atlantic Council', undefined, 'alliance-statement', undefined, '2022-09-08'],
      ['High Representative of the EU', undefined, 'alliance-statement', undefined, '2022-09-13'],
      ['Government of Albania', 'AL', 'break-relations', 'retorsion', '2022-09-07'],
      ['US Department of the Treasury (OFAC)', 'US', 'sanctions', 'retorsion', '2022-09-09'],
    ])
    expect(albania.responses[4].description).toBe('Peaceful means: Retorsion (International Law) — Severing diplomatic relations')

    const tims = byTitle(snap.incidents, 'Second attack on Albania\'s border control system TIMS on 9 September 2022')
    expect(tims).toMatchObject({ start: '2022-09-09', end: '2022-09-10', victims: [{ country: 'AL', category: 'Critical infrastructure', sector: 'Transportation' }], sponsorCountries: ['IR'], techniques: ['T1489'], intensity: { score: 3 } })
    expect(tims.zeroDay).toBeUndefined()
    expect(tims.attributions).toMatchObject([{ attributor: 'Ministry of Interior (Albania)', attributorCountry: 'AL', date: '2022-09-10', toCountry: 'IR' }])
    // Messy rows: a stray ? still finds Côte d'Ivoire; an end before the start is left out; unknown places are left out, not guessed.
    expect(byTitle(snap.incidents, 'Espionage against the C?te d?Ivoire finance ministry')).toMatchObject({ start: '2021', victims: [{ country: 'CI' }], sponsorCountries: [], nexus: 'unknown', types: ['espionage'] })
    expect(byTitle(snap.incidents, 'Intrusion into an EU agency')).toMatchObject({ start: '2022-11', victims: [{ country: 'BE' }], sponsorCountries: [] })
    const hijack = byTitle(snap.incidents, 'Hijacking of a regional news site')
    expect(hijack).toMatchObject({ start: '2020-02-02', victims: [], responses: [{ actor: 'State Actors', type: 'statement' }] })
    expect(hijack.end).toBeUndefined()
    expect(byTitle(snap.incidents, 'SolarWinds Orion supply-chain compromise')).toMatchObject({ start: '2020-03', end: '2020-12', zeroDay: true, sponsorCountries: ['RU'] })
    expect(byTitle(snap.incidents, 'Ransomware attack on Colonial Pipeline')).toMatchObject({ nexus: 'criminal', sponsorCountries: [] })

    // A briefing shows what the dataset carried: category, zero-day use, intensity with its scale, legal response type, provenance.
    const fullWs = { ...snap, name: 'Datasets desk', notes: [] }
    const briefing = resolveBriefing(fullWs, { ...defaultReport('Datasets desk'), scope: { kind: 'incidents', ids: [albania.id] } }, { today: '2026-03-01' })
    const html = renderHtml(briefing)
    for (const text of ['Receiver category', 'State institutions / political system', 'Zero-day used', 'EuRepoC weighted cyber intensity 6', 'Reduce or break diplomatic relations (CAMEO 161) — Retorsion (international law)', 'EuRepoC Global Database 1.1, id 1502']) expect(html).toContain(text)
  })

  it('marks the rows the sample workspace already holds as likely duplicates', async () => {
    const other = await openTestWorkspace('datasets-sample', { create: { data: sampleWorkspace() } })
    try {
      const p = await preview(await fixture('eurepoc-sample.csv'), 'eurepoc-sample.csv', {}, other)
      expect(accounting(p)).toEqual({ imported: 19, updated: 0, duplicate: 11, unchanged: 0, conflict: 0, rejected: 4 })
      expect(p.notImported.find((n) => n.id === 'row 2')).toEqual({ id: 'row 2', type: 'row', outcome: 'duplicate', reason: 'likely the same as “Destructive attack on Albanian government systems” (inc-albania-2022-07)' })
    } finally {
      await closeTestWorkspace(other)
    }
  })

  it('re-imports a newer version: a changed row updates its record, unchanged rows stay, a row whose record an analyst edited is a conflict and keeps the edit', async () => {
    const v1 = await fixture('eurepoc-sample.csv')
    await t.client.interchange.commit({ token: (await preview(v1, 'eurepoc-1.1.csv', { datasetVersion: '1.1' })).token })
    const before = await t.client.workspace.snapshot()
    const tims = byTitle(before.incidents, 'Second attack on Albania\'s border control system TIMS on 9 September 2022')
    const estonia = byTitle(before.incidents, 'DDoS campaign against Estonian government and banks')
    const { id: _id, createdAt: _c, updatedAt: _u, ...edited } = { ...estonia, summary: 'Checked against the CCDCOE account.' }
    await t.client.incidents.update({ id: estonia.id, input: edited })

    const v2 = v1.replace('crossings were logged by hand.', 'crossings were logged by hand for days.').replace('DDoS campaign against Estonian government and banks.', 'DDoS campaign against Estonian government and banks and media.')
    const p = await preview(v2, 'eurepoc-1.2.csv', { datasetVersion: '1.2' })
    expect(accounting(p)).toEqual({ imported: 0, updated: 1, duplicate: 0, unchanged: 28, conflict: 1, rejected: 4 })
    expect(p.dataset!.conflicts).toEqual([{ row: 4, key: '101', incidentId: estonia.id, title: estonia.title }])
    expect(p.notImported.find((n) => n.outcome === 'conflict')).toBeUndefined()
    await t.client.interchange.commit({ token: p.token })
    const after = await t.client.workspace.snapshot()
    expect(after.incidents.length).toBe(30)
    expect(after.incidents.find((i) => i.id === estonia.id)!.summary).toBe('Checked against the CCDCOE account.')
    expect(after.incidents.find((i) => i.id === tims.id)!.summary).toMatch(/logged by hand for days\.$/)
  })

  it('updates a row whose record was not edited, in place, and undo puts the old version back', async () => {
    const v1 = await fixture('eurepoc-sample.csv')
    await t.client.interchange.commit({ token: (await preview(v1, 'eurepoc-1.1.csv', { datasetVersion: '1.1' })).token })
    const tims = byTitle((await t.client.workspace.snapshot()).incidents, 'Second attack on Albania\'s border control system TIMS on 9 September 2022')
    const v2 = v1.replace('crossings were logged by hand.', 'crossings were logged by hand for days.')
    const p = await preview(v2, 'eurepoc-1.2.csv', { datasetVersion: '1.2' })
    expect(accounting(p)).toEqual({ imported: 0, updated: 1, duplicate: 0, unchanged: 29, conflict: 0, rejected: 4 })
    const done = await t.client.interchange.commit({ token: p.token })
    const updated = (await t.client.workspace.snapshot()).incidents.find((i) => i.id === tims.id)!
    expect(updated.summary).toBe('A second attack took down TIMS, the system that logs border entries and exits; crossings were logged by hand for days.')
    expect(updated.provenance).toMatchObject({ version: '1.2', key: '1503', row: 3 })
    expect(updated.createdAt).toBe(tims.createdAt)
    await t.client.interchange.undo({ importId: done.importId })
    expect((await t.client.workspace.snapshot()).incidents.find((i) => i.id === tims.id)).toEqual(tims)
  })

  it('writes the rejected rows as CSV with row, column and reason first', async () => {
    const p = await preview(await fixture('eurepoc-sample.csv'), 'eurepoc-sample.csv')
    const { path, rows } = await t.client.interchange.rejects({ token: p.token })
    expect(rows).toBe(4)
    expect(path).toMatch(/exports[/\\]eurepoc-sample-rejects-.*\.csv$/)
    const table = parseTable(await readFile(path, 'utf8'))
    expect(table.headers.slice(0, 5)).toEqual(['row', 'column', 'reason', 'ID', 'name'])
    expect(table.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['32', 'name', '3004'],
      ['33', 'start_date', '3005'],
      ['34', 'id', '205'],
      ['35', '(whole row)', '3006'],
    ])
  })
})

describe('the CFR preset', () => {
  it('reads every row: 31 incidents, 3 rejects, and what it could not place', async () => {
    const p = await preview(await fixture('cfr-sample.csv'), 'cfr-sample.csv')
    expect(p.format).toBe('cfr')
    expect(accounting(p)).toEqual({ imported: 31, updated: 0, duplicate: 0, unchanged: 0, conflict: 0, rejected: 3 })
    expect(p.dataset!.rejects).toEqual([
      { row: 32, column: 'Title', reason: 'no title (every incident needs one)' },
      { row: 33, column: 'Title', reason: 'the same dataset id as row 6 (“wannacry”)' },
      { row: 35, column: '(whole row)', reason: 'the row has 13 cells; the header has 12 (a cell may hold an unquoted delimiter or line break)' },
    ])
    expect(p.dataset!.leftOut.map((l) => [l.column, l.value])).toEqual([
      ['Type', 'https://example.org/report'],
      ['Victims', 'Human rights activists'],
      ['Date', '13/13/2021'],
    ])
    await t.client.interchange.commit({ token: p.token })
    const snap = await t.client.workspace.snapshot()
    const albania = byTitle(snap.incidents, 'Compromise of Albanian government networks')
    expect(albania).toMatchObject({
      start: '2022-07-15',
      types: ['wiper'],
      victims: [{ country: 'AL', organisation: 'Government of Albania', category: 'Government' }],
      sponsorCountries: ['IR'],
      nexus: 'state-linked',
      tags: ['CFR'],
      responses: [{ actor: 'Government of Albania', actorCountry: 'AL', type: 'statement', targetCountry: 'IR', description: 'CFR response: Denouncement' }],
      provenance: { dataset: 'CFR Cyber Operations Tracker', key: 'compromise of albanian government networks', row: 2 },
    })
    expect(albania.sourceIds).toHaveLength(3)
    expect(snap.actors.find((a) => albania.actorIds.includes(a.id))).toMatchObject({ name: 'HomeLand Justice', country: 'IR' })
    expect(snap.actors.find((a) => a.name === 'Lazarus Group')).toMatchObject({ aliases: ['Guardians of Peace'], country: 'KP' })
    expect(byTitle(snap.incidents, 'Targeting of Taiwanese financial institutions')).toMatchObject({ start: '2017-10-03', victims: [{ country: 'TW' }], sponsorCountries: ['KP'], types: ['financial-theft'] })
    expect(byTitle(snap.incidents, 'WannaCry').victims.map((v) => v.country)).toEqual(['GB', 'ES', 'RU'])
    expect(byTitle(snap.incidents, 'Undated espionage against an Indian ministry').start).toBeUndefined()
    expect(byTitle(snap.incidents, 'Shifted row with a URL for a type').types).toEqual([])
    expect(byTitle(snap.incidents, 'Ukraine?s Viasat outage')).toMatchObject({ victims: [{ country: 'UA' }], sponsorCountries: ['RU'] })
    expect(byTitle(snap.incidents, 'Espionage against human rights groups')).toMatchObject({ victims: [], sponsorCountries: [], nexus: 'unknown' })
  })

  it('refuses a file that lacks the preset’s columns, naming them', async () => {
    const err = await failure(preview('Title,When\nA,2022\n', 'x.csv', { format: 'cfr' }))
    expect(err.message).toBe('The file is not a CFR Cyber Operations Tracker export: it has no “Date”, “Victims”, “Sponsor”, “Type” columns.')
  })
})

describe('CSV export and the round trip', () => {
  it('exports the incidents under a filter, one row each, dates at their precision, formulae neutralised, with a BOM', async () => {
    const other = await openTestWorkspace('datasets-export', { create: { data: sampleWorkspace() } })
    try {
      const incidents = (await other.client.workspace.snapshot()).incidents
      const first = incidents[0]
      const { id, createdAt: _c, updatedAt: _u, ...input } = first
      await other.client.incidents.update({ id, input: { ...input, title: '=HYPERLINK("http://evil.example","x")', start: '2022-07' } })
      const done = await other.client.interchange.export({ format: 'csv', scope: { kind: 'filter', filter: { text: '', victim: first.victims[0].country, sponsor: null, type: null, nexus: null, from: null, to: null } } })
      const text = await readFile(done.path, 'utf8')
      expect(text.startsWith('\uFEFFTitle,Start,End,Victims,Sponsor,Types,Nexus,Status,TLP,Actors,Attributions,Responses,Zero-day,Intensity,Provenance,ID\r\n')).toBe(true)
      const table = parseTable(text)
      const expected = incidents.filter((i) => i.victims.some((v) => v.country === first.victims[0].country))
      expect(table.rows.length).toBe(expected.length)
      expect(done.objects).toBe(expected.length)
      const row = table.rows.find((r) => r[15] === id)!
      expect(row[0]).toBe(`'=HYPERLINK("http://evil.example","x")`)
      expect(row[1]).toBe('2022-07')
    } finally {
      await closeTestWorkspace(other)
    }
  })

  it('imports its own CSV export back with a saved mapping: the same incidents (the fields CSV carries)', async () => {
    const source = await openTestWorkspace('datasets-source', { create: { data: sampleWorkspace() } })
    try {
      const done = await source.client.interchange.export({ format: 'csv', scope: { kind: 'all' } })
      const text = await readFile(done.path, 'utf8')
      const table = parseTable(text)
      const suggested = suggestMapping(table.headers, table.rows, 'Watchfloor export')
      await t.client.datasets.saveMapping({ ...suggested, name: 'Watchfloor CSV export' })
      const [saved] = await t.client.datasets.mappings()
      expect(saved.name).toBe('Watchfloor CSV export')
      expect(saved.columns).toMatchObject({ Title: 'title', Start: 'start', End: 'end', Victims: 'victims', Sponsor: 'sponsors', Types: 'types', Nexus: 'nexus', Status: 'status', TLP: 'tlp', Actors: 'actors', 'Zero-day': 'zeroDay', Intensity: 'intensity', ID: 'key' })
      const p = await preview(text, 'export.csv', { format: 'csv', mapping: saved })
      const original = (await source.client.workspace.snapshot())
      expect(accounting(p)).toEqual({ imported: original.incidents.length, updated: 0, duplicate: 0, unchanged: 0, conflict: 0, rejected: 0 })
      await t.client.interchange.commit({ token: p.token })
      const back = await t.client.workspace.snapshot()
      const names = (ws: typeof back) => new Map(ws.actors.map((a) => [a.id, a.name]))
      const carried = (i: Incident, actors: Map<string, string>) => ({
        title: i.title,
        start: i.start,
        end: i.end,
        victims: [...new Set(i.victims.map((v) => v.country))],
        sponsors: i.sponsorCountries,
        types: i.types,
        nexus: i.nexus,
        status: i.status,
        tlp: i.tlp,
        actors: i.actorIds.map((a) => actors.get(a)),
        zeroDay: i.zeroDay,
        intensity: i.intensity?.score,
      })
      const a = original.incidents.map((i) => carried(i, names(original))).sort((x, y) => x.title.localeCompare(y.title))
      const b = back.incidents.map((i) => carried(i, names(back))).sort((x, y) => x.title.localeCompare(y.title))
      expect(b).toEqual(a)
      expect(back.incidents.every((i) => i.provenance?.dataset === 'Watchfloor export')).toBe(true)
    } finally {
      await closeTestWorkspace(source)
    }
  })
})

describe('malformed files: clear errors or rejects, nothing lost', () => {
  const diskState = async () => readFile(join(t.dir, WORKSPACE_FILE), 'utf8')

  it('refuses a binary file', async () => {
    const before = await diskState()
    const err = await failure(preview('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'picture.csv', { format: 'csv' }))
    expect(err.message).toBe('The file holds control characters that no CSV file has: it is likely binary, not a table. Nothing was imported.')
    expect(await diskState()).toBe(before)
  })

  it('rejects ragged rows and a mapping value it cannot place, and imports the rest', async () => {
    const text = 'Title,Date,Victim,Type\nOne,2022-01-01,Albania,Espionage\nTwo,2022\nThree,2022-03,Albania,Cyber-fun,extra\nFour,July 2022,Narnia,Espionage\nFive,2022-05-05,Albania,Cyber-fun\n'
    const p = await preview(text, 'ragged.csv', { format: 'csv' })
    expect(accounting(p)).toEqual({ imported: 2, updated: 0, duplicate: 0, unchanged: 0, conflict: 0, rejected: 3 })
    expect(p.dataset!.rejects).toEqual([
      { row: 3, column: '(whole row)', reason: 'the row has 2 cells; the header has 4 (a cell may hold an unquoted delimiter or line break)' },
      { row: 4, column: '(whole row)', reason: 'the row has 5 cells; the header has 4 (a cell may hold an unquoted delimiter or line break)' },
      { row: 6, column: 'Type', reason: '“Cyber-fun” has no mapping for types' },
    ])
    expect(p.dataset!.leftOut).toEqual([{ column: 'Victim', value: 'Narnia', reason: '“Narnia” is not a country Watchfloor knows', count: 1, firstRow: 5 }])
  })

  it('reads a 50 MB file whose quote never closes as one rejected row, writing nothing', async () => {
    const before = await diskState()
    const text = `Title,Date\n"Unclosed quote,2022\n${'x,2022\n'.repeat((50 * 1024 * 1024) / 7)}`
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024)
    const p = await preview(text, 'huge.csv', { format: 'csv' })
    expect(accounting(p)).toEqual({ imported: 0, updated: 0, duplicate: 0, unchanged: 0, conflict: 0, rejected: 1 })
    expect(p.dataset!.rejects[0]).toMatchObject({ row: 2 })
    expect(await diskState()).toBe(before)
  }, 120_000)
})

describe('the CLI', () => {
  it('imports a dataset with the same accounting (and --dry-run writes nothing), reads an unknown encoding as Windows-1252, and exports CSV', async () => {
    await closeTestWorkspace({ root: '', session: t.session }).catch(() => undefined)
    const lines: string[] = []
    const log = (l: string) => lines.push(l)
    const file = join(FIXTURES, 'eurepoc-sample.csv')
    await importCommand({ dir: t.dir, file, format: 'eurepoc', dryRun: true, json: true, campaigns: false, log })
    const dry = JSON.parse(lines.pop()!)
    expect(dry).toMatchObject({ format: 'eurepoc', rows: 34, imported: 30, updated: 0, duplicate: 0, unchanged: 0, conflict: 0, rejected: 4, dryRun: true })
    expect(dry.rejects).toHaveLength(4)
    expect(JSON.parse(await readFile(join(t.dir, WORKSPACE_FILE), 'utf8')).incidents).toEqual([])

    await importCommand({ dir: t.dir, file, dryRun: false, json: false, campaigns: false, log })
    expect(lines[0]).toBe(`${file} (EuRepoC Global Database, utf-8): 34 rows — 30 imported, 0 updated, 0 duplicate, 0 unchanged, 0 conflict, 4 rejected`)
    expect(lines).toContain('  rejected: row 33, start_date: “2022-13-45” is not a real day')
    expect(JSON.parse(await readFile(join(t.dir, WORKSPACE_FILE), 'utf8')).incidents).toHaveLength(30)

    const latin = join(t.root, 'latin.csv')
    await writeFile(latin, Buffer.from('Title;Date;Victim\nSummit at Man\xebz;2022-07;Albania\n', 'latin1'))
    lines.length = 0
    await importCommand({ dir: t.dir, file: latin, format: 'csv', dryRun: false, json: false, campaigns: false, log })
    expect(lines[0]).toBe(`${latin} (latin, windows-1252): 1 rows — 1 imported, 0 updated, 0 duplicate, 0 unchanged, 0 conflict, 0 rejected`)
    expect(lines[1]).toMatch(/note: The file is not UTF-8; it was read as Windows-1252/)

    const out = join(t.root, 'all.csv')
    lines.length = 0
    await exportCommand({ dir: t.dir, format: 'csv', out, filters: ['victim=AL'], log })
    expect(lines[0]).toBe(`Wrote 3 incidents (CSV) to ${out}`)
    const table = parseTable(await readFile(out, 'utf8'))
    expect(table.rows.map((r) => r[0]).sort()).toEqual(['Destructive attack on Albanian government services on 15 July 2022 (HomeLand Justice)', 'Second attack on Albania\'s border control system TIMS on 9 September 2022', 'Summit at Manëz'])
  })
})

describe('the model', () => {
  it('migrates a version 4 workspace (to 6 now: the 5 → 6 step links claims to actors) without touching its records, and reads the new optional fields', async () => {
    const { migrate, SCHEMA_VERSION, WorkspaceSchema } = await import('../../../../shared/workspace')
    const v4 = { ...sampleWorkspace(), schemaVersion: 4 }
    const outcome = migrate(structuredClone(v4))
    expect(SCHEMA_VERSION).toBe(6)
    expect(outcome).toEqual({ kind: 'migrated', from: 4, data: { ...v4, schemaVersion: 6 } })
    const incident = {
      ...v4.incidents[0],
      zeroDay: true,
      intensity: { score: 6, source: 'EuRepoC weighted cyber intensity' },
      provenance: { dataset: 'EuRepoC Global Database', version: '1.1', key: '1502', row: 2, importedAt: '2026-03-01T00:00:00.000Z' },
      victims: [{ country: 'AL', sector: 'Government', organisation: '', category: 'State institutions / political system' }],
      responses: [{ ...v4.incidents[0].responses[0], legalType: 'retorsion' }],
    }
    const parsed = WorkspaceSchema.safeParse({ ...v4, schemaVersion: SCHEMA_VERSION, incidents: [incident] })
    expect(parsed.success && parsed.data.incidents[0]).toMatchObject({ zeroDay: true, intensity: { score: 6 }, provenance: { key: '1502' }, victims: [{ category: 'State institutions / political system' }], responses: [{ legalType: 'retorsion' }] })
    const bad = WorkspaceSchema.safeParse({ ...v4, schemaVersion: SCHEMA_VERSION, incidents: [{ ...incident, responses: [{ ...incident.responses[0], legalType: 'war' }] }] })
    expect(bad.success).toBe(false)
  })
})
