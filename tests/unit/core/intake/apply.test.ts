// Intake through the client and the CLI: a draft writes nothing; applying creates or merges with the article kept as a cited source with an intact archived copy; bad input leaves the workspace untouched.
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readArticle } from '../../../../electron/core/intake/readArticle'
import { readArchivedCopy, writeArchivedCopy } from '../../../../electron/core/store/archive'
import { intakeCommand } from '../../../../electron/hosts/cli/intakeCommand'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { emptyWorkspace } from '../../../../shared/workspace'
import { closeTestWorkspace, failure, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'

const FOUNDING = join(import.meta.dirname, '../../../../../shared/fixtures/seed-article-albania-iran-2022.txt')
const FOLLOW_UP = join(import.meta.dirname, '../../../fixtures/articles/albania-2022-treasury-sanctions.txt')

let t: TestWorkspace | undefined
afterEach(async () => {
  if (t) await closeTestWorkspace(t)
  t = undefined
})

/** A one-page PDF whose text is `lines` (standard Helvetica, no embedded font), with a correct cross-reference table. */
function pdfOf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, '\\$&')
  const stream = `BT /F1 11 Tf 14 TL 50 780 Td ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, n) => {
    offsets.push(out.length)
    out += `${n + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

describe('intake through the client', () => {
  it('reads pasted text into a draft without writing, then creates the incident citing an archived source', async () => {
    t = await openTestWorkspace('intake', { create: { data: emptyWorkspace('Intake') } })
    const before = await readFile(join(t.dir, 'workspace.json'), 'utf8')
    const text = await readFile(FOUNDING, 'utf8')
    const draft = await t.client.intake.read({ text, fileName: 'pasted-article.txt' })
    expect(draft.draft.victims.map((v) => v.country)).toEqual(['AL'])
    expect(await readFile(join(t.dir, 'workspace.json'), 'utf8')).toBe(before)
    await expect(lstat(join(t.dir, 'sources'))).rejects.toThrow()

    const { token: _token, ...rest } = draft
    const applied = await t.client.intake.apply({ token: draft.token, incident: rest.draft, source: { title: 'Albania cuts ties with Iran over July cyberattack', publisher: draft.source.publisher, published: draft.source.published } })
    expect(applied.merged).toBe(false)
    const snap = await t.client.workspace.snapshot()
    const incident = snap.incidents.find((i) => i.id === applied.incident.id)!
    const source = snap.sources.find((s) => s.id === applied.source.id)!
    expect(source).toMatchObject({ title: 'Albania cuts ties with Iran over July cyberattack', publisher: 'SecureWorld News', published: '2022-09-08', reliability: 'F', credibility: '6' })
    expect(incident.sourceIds).toEqual([source.id])
    expect(incident.attributions.length).toBeGreaterThan(0)
    for (const claim of [...incident.attributions, ...incident.responses]) expect(claim.sourceIds).toEqual([source.id])
    expect(source.archive!.file).toBe(`sources/${source.id}/pasted-article.txt`)
    const copy = await readArchivedCopy(t.dir, source.archive!)
    expect(copy.intact).toBe(true)
    expect(copy.bytes.toString('utf8')).toBe(text)
    expect(source.sha256).toBe(source.archive!.sha256)
  })

  it('refuses to create a second incident for a follow-up, then merges it into the matched one', async () => {
    t = await openTestWorkspace('intake-merge', { create: { data: sampleWorkspace() } })
    const text = await readFile(FOLLOW_UP, 'utf8')
    const draft = await t.client.intake.read({ text, fileName: 'pasted-article.txt' })
    expect(draft.matches[0].id).toBe('inc-albania-2022-07')
    const before = await readFile(join(t.dir, 'workspace.json'), 'utf8')
    const refused = await failure(t.client.intake.apply({ token: draft.token, incident: draft.draft, source: { title: draft.source.title } }))
    expect(refused.message).toMatch(/looks like the incident “Destructive attack on Albanian government systems”.*nothing was written/)
    expect(await readFile(join(t.dir, 'workspace.json'), 'utf8')).toBe(before)

    const existing = (await t.client.workspace.snapshot()).incidents.find((i) => i.id === 'inc-albania-2022-07')!
    const applied = await t.client.intake.apply({ token: draft.token, incident: draft.draft, source: { title: draft.source.title, published: draft.source.published }, mergeInto: 'inc-albania-2022-07' })
    expect(applied.merged).toBe(true)
    expect(applied.before).toEqual(existing)
    const merged = (await t.client.workspace.snapshot()).incidents.find((i) => i.id === 'inc-albania-2022-07')!
    expect(merged.title).toBe(existing.title)
    expect(merged.sourceIds).toEqual([...existing.sourceIds, applied.source.id])
    const added = merged.responses.filter((r) => r.sourceIds.includes(applied.source.id))
    // The sample already holds the Treasury designation of 9 September 2022, so the merge adds no second copy of it.
    expect(existing.responses.some((r) => r.type === 'sanctions' && r.date === '2022-09-09')).toBe(true)
    expect(added.filter((r) => r.type === 'sanctions' && r.date === '2022-09-09')).toEqual([])
    expect(merged.responses.length).toBe(existing.responses.length + added.length)
  })

  it('refuses an article too long to draft from, with the limit named', async () => {
    t = await openTestWorkspace('intake-long', { create: { data: emptyWorkspace('Intake') } })
    const text = 'Hackers attacked Albanian government systems in July. '.repeat(5000)
    expect((await failure(t.client.intake.read({ text, fileName: 'pasted-article.txt' }))).message).toMatch(/at most 250,000/)
  })

  it('an invalid edit is refused with the field named, and nothing is written', async () => {
    t = await openTestWorkspace('intake-bad', { create: { data: emptyWorkspace('Intake') } })
    const draft = await t.client.intake.read({ text: await readFile(FOUNDING, 'utf8'), fileName: 'pasted-article.txt' })
    const before = await readFile(join(t.dir, 'workspace.json'), 'utf8')
    const bad = await failure(t.client.intake.apply({ token: draft.token, incident: { ...draft.draft, start: 'last summer' }, source: { title: 'x' } }))
    expect(bad.message).toMatch(/start/)
    const noTitle = await failure(t.client.intake.apply({ token: draft.token, incident: draft.draft, source: { title: '   ' } }))
    expect(noTitle.message).toMatch(/Title is required/)
    expect(await readFile(join(t.dir, 'workspace.json'), 'utf8')).toBe(before)
    await expect(lstat(join(t.dir, 'sources'))).rejects.toThrow()
  })
})

describe('watchfloor intake (CLI)', () => {
  it('--json prints the draft, evidence, matches and source, and writes nothing', async () => {
    t = await openTestWorkspace('intake-cli', { create: { data: sampleWorkspace() } })
    await t.session.close()
    const before = await readFile(join(t.dir, 'workspace.json'), 'utf8')
    const lines: string[] = []
    expect(await intakeCommand({ dir: t.dir, file: FOUNDING, json: true, apply: false, force: false, log: (l) => lines.push(l) })).toBe(0)
    const out = JSON.parse(lines.join('\n'))
    expect(out.draft).toMatchObject({ victims: [{ country: 'AL' }], sponsorCountries: ['IR'], start: '2022-07', nexus: 'state-linked' })
    expect(out.draft.responses.map((r: { type: string }) => r.type)).toEqual(['break-relations', 'expel-diplomats', 'statement', 'technical-assistance'])
    expect(out.evidence['victims.0']).toContain('cyberattack against Albania')
    expect(out.evidence['responses.1']).toContain('within 24 hours')
    expect(out.matches[0]).toEqual({ id: 'inc-albania-2022-07', title: 'Destructive attack on Albanian government systems', score: 1 })
    expect(out.source).toMatchObject({ publisher: 'SecureWorld News', published: '2022-09-08' })
    expect(await readFile(join(t.dir, 'workspace.json'), 'utf8')).toBe(before)
  })

  it('--apply --merge adds the follow-up to the existing incident; --apply alone is refused as a duplicate', async () => {
    t = await openTestWorkspace('intake-cli-apply', { create: { data: sampleWorkspace() } })
    await t.session.close()
    const log = () => undefined
    await expect(intakeCommand({ dir: t.dir, file: FOLLOW_UP, json: false, apply: true, force: false, log })).rejects.toThrow(/looks like the incident/)
    const lines: string[] = []
    await intakeCommand({ dir: t.dir, file: FOLLOW_UP, json: true, apply: true, merge: 'inc-albania-2022-07', force: false, log: (l) => lines.push(l) })
    const out = JSON.parse(lines.join('\n'))
    expect(out.applied).toMatchObject({ incidentId: 'inc-albania-2022-07', merged: true })
    const ws = JSON.parse(await readFile(join(t.dir, 'workspace.json'), 'utf8'))
    const source = ws.sources.find((s: { id: string }) => s.id === out.applied.sourceId)
    expect(source.title).toBe("U.S. sanctions Iran's intelligence ministry over Albania cyberattack")
    expect(ws.incidents.find((i: { id: string }) => i.id === 'inc-albania-2022-07').sourceIds).toContain(source.id)
  })

  it('an off-topic article is refused by --apply with the reason', async () => {
    t = await openTestWorkspace('intake-cli-off', { create: { data: emptyWorkspace('Intake') } })
    await t.session.close()
    await expect(intakeCommand({ dir: t.dir, file: join(import.meta.dirname, '../../../fixtures/articles/harvest-off-topic.txt'), json: false, apply: true, force: false, log: () => undefined })).rejects.toThrow(/not about a cyber operation/)
  })
})

describe('PDF articles and archived copies', () => {
  it('reads the text of a PDF, and refuses what is not one', async () => {
    const pdf = pdfOf(['Hackers defaced Georgian websites', 'TBILISI, October 29, 2019 - Thousands of Georgian websites were defaced on Monday.', 'Officials said the attack also hit two television stations.'])
    const article = await readArticle(pdf, 'report.pdf')
    expect(article.text).toContain('Thousands of Georgian websites were defaced on Monday.')
    await expect(readArticle(Buffer.from('not a pdf'), 'x.pdf')).rejects.toThrow(/does not start like a PDF/)
    await expect(readArticle(Buffer.from('x'), 'x.docx')).rejects.toThrow(/not an article intake reads/)
  })

  it('a PDF sent in pieces (base64) through the upload channel drafts an incident and is archived as a PDF', async () => {
    t = await openTestWorkspace('intake-pdf', { create: { data: emptyWorkspace('Intake') } })
    const pdf = pdfOf(['Hackers defaced Georgian websites', 'TBILISI, October 29, 2019 - Thousands of Georgian websites were defaced on Monday.'])
    const b64 = pdf.toString('base64')
    const uploadId = crypto.randomUUID()
    for (let at = 0; at < b64.length; at += 200) await t.client.interchange.upload({ uploadId, chunk: b64.slice(at, at + 200) })
    const draft = await t.client.intake.read({ uploadId, fileName: 'georgia.pdf' })
    expect(draft.draft).toMatchObject({ start: '2019-10-28', types: ['defacement'], victims: [{ country: 'GE' }] })
    const applied = await t.client.intake.apply({ token: draft.token, incident: draft.draft, source: { title: 'Georgian websites defaced' } })
    expect(applied.source.archive).toMatchObject({ file: `sources/${applied.source.id}/georgia.pdf`, mediaType: 'application/pdf', size: pdf.length })
    expect((await readArchivedCopy(t.dir, applied.source.archive!)).bytes.equals(pdf)).toBe(true)
  })

  it('keeps copies inside sources/<id>/, refuses links and path tricks, and notices tampering', async () => {
    t = await openTestWorkspace('archive', { create: { data: emptyWorkspace('Archive') } })
    const copy = await writeArchivedCopy(t.dir, 'src-1', '../../../etc/pass wd.html', 'text/html', Buffer.from('<p>hi</p>'), new Date('2024-01-02T03:04:05Z'))
    expect(copy).toEqual({ file: 'sources/src-1/pass-wd.html', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: 9, mediaType: 'text/html', capturedAt: '2024-01-02T03:04:05.000Z' })
    expect((await readArchivedCopy(t.dir, copy)).intact).toBe(true)
    await writeFile(join(t.dir, copy.file), '<p>changed</p>')
    expect((await readArchivedCopy(t.dir, copy)).intact).toBe(false)
    await expect(writeArchivedCopy(t.dir, '../evil', 'a.txt', 'text/plain', Buffer.from('x'))).rejects.toThrow(/Not a source id/)
    await expect(readArchivedCopy(t.dir, { ...copy, file: 'sources/../workspace.json' })).rejects.toThrow(/Not an archived copy/)
    await mkdir(join(t.root, 'elsewhere'))
    await symlink(join(t.root, 'elsewhere'), join(t.dir, 'sources', 'src-2'))
    await expect(writeArchivedCopy(t.dir, 'src-2', 'a.txt', 'text/plain', Buffer.from('x'))).rejects.toThrow(/symbolic link/)
  })
})
