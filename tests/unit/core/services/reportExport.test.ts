// Report definitions through the handler table, exports written whole or not at all, and the 1→2 migration that adds reports.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, loopback } from '../../../../electron/core/handlers'
import { reportCommand } from '../../../../electron/hosts/cli/reportCommand'
import { exportBriefing } from '../../../../electron/core/services/report/exportBriefing'
import type { PdfRenderer } from '../../../../electron/core/services/report/PdfRenderer'
import { Session } from '../../../../electron/core/session'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { createClient, MAX_FIGURE_BASE64, type Client } from '../../../../shared/contract'
import { defaultReport } from '../../../../shared/report/model'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { migrate, SCHEMA_VERSION, WorkspaceSchema } from '../../../../shared/workspace'
import { closeTestWorkspace, failure, openTestWorkspace } from '../../../support/testWorkspace'

let root: string
let session: Session
let client: Client

const failingPdf: PdfRenderer = {
  render: async () => {
    throw new Error('printer on fire')
  },
  close: async () => undefined,
}

beforeEach(async () => {
  ;({ root, session, client } = await openTestWorkspace('report', { create: { data: sampleWorkspace() } }, failingPdf))
})

afterEach(() => closeTestWorkspace({ root, session }))

describe('report definitions', () => {
  it('are in the snapshot, created, updated, deleted and restored, and written to the file', async () => {
    const snap = await client.workspace.snapshot()
    expect(snap.reports.map((r) => r.name)).toEqual(['Albania 2022 briefing'])
    const created = await client.reports.create({ name: 'Estonia', title: 'Estonia 2007', scope: { kind: 'incidents', ids: ['inc-estonia-2007-04'] } })
    expect(created.id).toMatch(/^report-/)
    expect(created.sections.map((s) => s.id)).toEqual(['title', 'bluf', 'map', 'timeline', 'incident-table', 'incident-pages', 'pinned-notes', 'sources', 'method'])
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = created
    const updated = await client.reports.update({ id: created.id, input: { ...fields, tlp: 'GREEN' } })
    expect(updated.tlp).toBe('GREEN')
    const removed = await client.reports.delete({ id: created.id })
    expect((await client.workspace.snapshot()).reports).toHaveLength(1)
    await client.reports.restore(removed)
    await session.services.store.flush()
    const file = JSON.parse(await readFile(join(root, 'ws', WORKSPACE_FILE), 'utf8'))
    expect(file.reports.map((r: { name: string; tlp: string }) => [r.name, r.tlp])).toEqual([
      ['Albania 2022 briefing', 'CLEAR'],
      ['Estonia', 'GREEN'],
    ])
  })

  it('are refused with clear messages when invalid', async () => {
    const err = await failure(client.reports.create({ name: ' ', title: '', sections: [{ id: 'title', enabled: true }, { id: 'title', enabled: false }] } as never))
    expect(err.code).toBe('invalid-input')
    expect(err.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['name: Report name is required', 'title: Briefing title is required', 'sections: A section is listed twice'])
    const unknown = await failure(client.reports.create({ name: 'x', title: 'y', sections: [{ id: 'chart', enabled: true }] } as never))
    expect(unknown.issues[0]).toMatchObject({ path: 'sections.0.id', message: 'Unknown section' })
  })
})

describe('exports', () => {
  it('write into the workspace exports folder and follow the data as it changes', async () => {
    const [albania] = (await client.workspace.snapshot()).reports
    const { id: _i, createdAt: _c, updatedAt: _u, ...definition } = albania
    const first = await client.report.export({ report: definition, format: 'md' })
    expect(first.path.startsWith(join(root, 'ws', 'exports', 'albania-2022-briefing-'))).toBe(true)
    expect(first).toMatchObject({ format: 'md', tlp: 'CLEAR', incidents: 3 })
    const tims = (await client.workspace.snapshot()).incidents.find((i) => i.id === 'inc-albania-tims-2022-09')!
    const { id, createdAt: _c2, updatedAt: _u2, ...fields } = tims
    await client.incidents.update({ id, input: { ...fields, tlp: 'AMBER' } })
    const again = await client.report.export({ report: definition, format: 'md' })
    expect(again.tlp).toBe('AMBER')
    expect((await readFile(again.path, 'utf8')).split('\n')[0]).toBe('**TLP:AMBER**')
    expect(await client.report.progress()).toBeNull()
  })

  it('that fail leave no file, not even a temp file, and keep an older file intact', async () => {
    const err = await failure(client.report.export({ report: defaultReport('x'), format: 'pdf' }))
    expect(err.message).toContain('printer on fire')
    expect(await readdir(join(root, 'ws', 'exports')).catch(() => [])).toEqual([])

    const out = join(root, 'kept.pdf')
    await writeFile(out, 'older export')
    await expect(exportBriefing({ data: sampleWorkspace(), definition: defaultReport('x'), format: 'pdf', pdf: failingPdf, out })).rejects.toThrow('printer on fire')
    expect(await readFile(out, 'utf8')).toBe('older export')
    expect((await readdir(root)).filter((f) => f.includes('.tmp'))).toEqual([])
  })

  it('report their stage while running, one at a time, and are recorded in the audit log', async () => {
    let release: () => void = () => undefined
    const slowPdf: PdfRenderer = { render: () => new Promise((done) => (release = () => done(Buffer.from('%PDF-slow')))), close: async () => undefined }
    await session.close()
    session = new Session(slowPdf)
    await session.open(join(root, 'ws'))
    client = createClient(loopback(createHandlers(session)))
    const running = client.report.export({ report: defaultReport('x'), format: 'pdf' })
    await expect.poll(() => client.report.progress()).toEqual({ format: 'pdf', stage: 'Rendering PDF', step: 2, of: 3 })
    const second = await failure(client.report.export({ report: defaultReport('x'), format: 'md' }))
    expect(second).toMatchObject({ code: 'conflict', message: 'An export (PDF) is already running; wait for it to finish.' })
    release()
    const done = await running
    expect(await readFile(done.path, 'utf8')).toBe('%PDF-slow')
    expect(await client.report.progress()).toBeNull()
    const audit = (await readFile(join(root, 'ws', 'audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
    expect(audit.at(-1)).toMatchObject({ action: 'export', collection: 'reports', title: 'x: briefing', fields: ['pdf', done.path] })
  })

  it('carry the figures the renderer drew through report:export into the file, and refuse figures that are too big, not PNG or unknown', async () => {
    const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const map = { png: PNG_1PX, width: 1, height: 1, alt: 'World map', caption: 'Situation map: test' }
    const [albania] = (await client.workspace.snapshot()).reports
    const { id: _i, createdAt: _c, updatedAt: _u, ...saved } = albania
    const definition = { ...saved, sections: saved.sections.map((s) => ({ ...s, enabled: true })) }
    const done = await client.report.export({ report: definition, format: 'html', figures: { map, timeline: { ...map, alt: 'Timeline', caption: 'Timeline: test' } } })
    const html = await readFile(done.path, 'utf8')
    expect(html).toContain(`<section class="section-map"><h2>Situation map</h2>\n<figure><img src="data:image/png;base64,${PNG_1PX}" width="1" height="1" alt="World map">`)
    expect(html).toContain(`<section class="section-timeline"><h2>Timeline</h2>\n<figure><img src="data:image/png;base64,${PNG_1PX}" width="1" height="1" alt="Timeline">`)
    expect(html).not.toContain('was turned on but is not in this export')
    const without = await readFile((await client.report.export({ report: definition, format: 'md' })).path, 'utf8')
    expect(without).not.toContain('Situation map')
    expect(without).toContain('The situation map was turned on but is not in this export: it could not be drawn when the export was made.')

    const big = await failure(client.report.export({ report: definition, format: 'md', figures: { map: { ...map, png: PNG_1PX + 'A'.repeat(MAX_FIGURE_BASE64) } } }))
    expect(big.message).toContain('The figure image is larger than 10 MB of base64; export it smaller.')
    const notPng = await failure(client.report.export({ report: definition, format: 'md', figures: { map: { ...map, png: '/9j/4AAQSkZJRg==' } } }))
    expect(notPng.message).toContain('The figure is not a base64-encoded PNG image.')
    const unknown = await failure(client.report.export({ report: definition, format: 'md', figures: { chart: map } as never }))
    expect(unknown.code).toBe('invalid-input')
    expect(await failure(client.report.export({ report: definition, format: 'md', figures: { map: { ...map, width: 100_000 } } }))).toMatchObject({ code: 'invalid-input' })
  })

  it('from the CLI leave out the figures they cannot draw, and say why in the output and the method appendix', async () => {
    await session.services.store.flush()
    for (const [rendererDir, why] of [
      [undefined, 'this build has no renderer to draw them'],
      [root, `the built renderer is missing (${join(root, 'figures.html')}); run npm run build`],
    ] as const) {
      const lines: string[] = []
      const out = join(root, 'cli.md')
      expect(await reportCommand({ dir: join(root, 'ws'), format: 'md', out, report: undefined, rendererDir, log: (l) => lines.push(l) })).toBe(0)
      expect(lines.slice(-2)).toEqual([`Left out: the situation map, which could not be drawn: ${why}.`, `Left out: the timeline figure, which could not be drawn: ${why}.`])
      const md = await readFile(out, 'utf8')
      expect(md).not.toMatch(/## (Situation map|Timeline)/)
      expect(md).toContain('The situation map was turned on but is not in this export: it could not be drawn when the export was made.')
      expect(md).toContain('The timeline figure was turned on but is not in this export: it could not be drawn when the export was made.')
    }
  })

  it('say so plainly when the host cannot print PDFs', async () => {
    await expect(exportBriefing({ data: sampleWorkspace(), definition: defaultReport('x'), format: 'pdf', out: join(root, 'x.pdf') })).rejects.toThrow(/cannot print PDFs/)
  })
})

describe('migration 1 → 2', () => {
  it('adds an empty reports collection to a version-1 file', () => {
    const v1 = { ...sampleWorkspace(), schemaVersion: 1 } as Record<string, unknown>
    delete v1.reports
    const outcome = migrate(v1)
    expect(outcome.kind).toBe('migrated')
    if (outcome.kind !== 'migrated') return
    expect(outcome.data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(outcome.data.reports).toEqual([])
    expect(WorkspaceSchema.safeParse(outcome.data).success).toBe(true)
  })
})
