// Archived copies on disk: what is stored and recorded, what is refused (links, path tricks, wrong types, too big), and how a changed or missing file is told apart from an intact one.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkArchivedCopies, readArchivedCopy, writeArchivedCopy } from '../../../../electron/core/store/archive'
import { contentProblem, declaredMediaType, MAX_ARCHIVE_BYTES, safeFileName } from '../../../../shared/archive'
import { ArchivedCopySchema, type ArchivedCopy } from '../../../../shared/domain'
import { ServiceError } from '../../../../shared/result'

const dirs: string[] = []
async function workspaceDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'watchfloor-archive-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

const html = Buffer.from('<!doctype html><title>Statement</title><p>The government severed relations.</p>')
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ServiceError)
  return err as ServiceError
}

describe('writing an archived copy', () => {
  it('stores the bytes under sources/<id>/ and records their SHA-256, size, type and capture time', async () => {
    const dir = await workspaceDir()
    const now = new Date('2026-03-01T10:00:00.000Z')
    const copy = await writeArchivedCopy(dir, 'src-albania-pm', 'PM statement.html', 'text/html', html, now)
    expect(copy).toEqual({ file: 'sources/src-albania-pm/PM-statement.html', sha256: sha(html), size: html.length, mediaType: 'text/html', capturedAt: '2026-03-01T10:00:00.000Z' })
    expect(ArchivedCopySchema.parse(copy)).toEqual(copy)
    expect(await readFile(join(dir, 'sources', 'src-albania-pm', 'PM-statement.html'))).toEqual(html)
    // No temp file is left beside it.
    expect(await readdir(join(dir, 'sources', 'src-albania-pm'))).toEqual(['PM-statement.html'])
  })

  it('keeps only a plain name: a name that is a path lands in the source folder under its last part', async () => {
    const dir = await workspaceDir()
    await writeFile(join(dir, 'workspace.json'), '{}')
    const cases: [string, string][] = [
      ['../../workspace.json', 'sources/src-1/workspace.json'],
      ['a/b.html', 'sources/src-1/b.html'],
      ['a\\c.html', 'sources/src-1/c.html'],
      ['/etc/passwd', 'sources/src-1/passwd'],
    ]
    for (const [name, file] of cases) expect((await writeArchivedCopy(dir, 'src-1', name, 'text/html', html)).file).toBe(file)
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe('{}')
    expect((await readdir(join(dir, 'sources', 'src-1'))).sort()).toEqual(['b.html', 'c.html', 'passwd', 'workspace.json'])
    for (const name of ['..', 'a/..', '']) expect((await refusal(writeArchivedCopy(dir, 'src-2', name, 'text/html', html))).code).toBe('invalid-input')
    expect(await readdir(join(dir, 'sources'))).toEqual(['src-1'])
  })

  it('refuses a source id that could leave the sources folder', async () => {
    const dir = await workspaceDir()
    for (const id of ['..', '../x', 'a/b', '.hidden', '']) {
      const err = await refusal(writeArchivedCopy(dir, id, 'copy.html', 'text/html', html))
      expect(err.message).toMatch(/^Not a source id for an archived copy: .* cannot name a folder/)
    }
    expect(await readdir(dir)).toEqual([])
  })

  it('tidies odd characters and a leading dot out of a plain name', () => {
    expect(safeFileName('.bashrc')).toBe('bashrc')
    expect(safeFileName('Rede des Premiers (final).pdf')).toBe('Rede-des-Premiers-final-.pdf')
    expect(safeFileName('x'.repeat(300) + '.html')).toHaveLength(120)
    expect(safeFileName('x'.repeat(300) + '.html').endsWith('.html')).toBe(true)
    expect(safeFileName('???')).toBe('copy')
  })

  it('never writes through a symbolic link: not a linked sources folder, source folder or file', async () => {
    const dir = await workspaceDir()
    const outside = await workspaceDir()
    await symlink(outside, join(dir, 'sources'))
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'copy.html', 'text/html', html))).message).toContain('symbolic link')
    await rm(join(dir, 'sources'))
    await mkdir(join(dir, 'sources'))
    await symlink(outside, join(dir, 'sources', 'src-1'))
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'copy.html', 'text/html', html))).message).toContain('symbolic link')
    await rm(join(dir, 'sources', 'src-1'))
    await mkdir(join(dir, 'sources', 'src-2'))
    await writeFile(join(outside, 'target.html'), 'outside')
    await symlink(join(outside, 'target.html'), join(dir, 'sources', 'src-2', 'copy.html'))
    expect((await refusal(writeArchivedCopy(dir, 'src-2', 'copy.html', 'text/html', html))).message).toContain('symbolic link')
    expect(await readFile(join(outside, 'target.html'), 'utf8')).toBe('outside')
    expect(await readdir(outside)).toEqual(['target.html'])
  })

  it('refuses bytes that are not the declared type', async () => {
    const dir = await workspaceDir()
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'report.pdf', 'application/pdf', html))).message).toMatch(/declared as PDF but does not start with the PDF signature/)
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'page.html', 'text/html', pdf))).message).toMatch(/declared as Web page \(HTML\) but its bytes are a PDF/)
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'shot.png', 'image/jpeg', png))).message).toMatch(/declared as JPEG image but its bytes are a PNG image/)
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'notes.txt', 'text/plain', Buffer.from([0x41, 0xff, 0xfe, 0x00])))).message).toMatch(/not UTF-8 text/)
    expect(await readdir(dir)).toEqual([])
  })

  it('accepts each kind it keeps when the bytes match', async () => {
    expect(contentProblem('application/pdf', pdf)).toBeNull()
    expect(contentProblem('image/png', png)).toBeNull()
    expect(contentProblem('image/gif', Buffer.from('GIF89a\x01\x00'))).toBeNull()
    expect(contentProblem('image/webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBeNull()
    expect(contentProblem('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBeNull()
    expect(contentProblem('text/markdown', Buffer.from('# Zusammenfassung — Ärger über den Angriff'))).toBeNull()
    expect(declaredMediaType('page.HTM')).toBe('text/html')
    expect(declaredMediaType('scan', 'image/png')).toBe('image/png')
    expect(declaredMediaType('drawing.svg', 'image/svg+xml')).toBeNull()
  })

  it('refuses a file over the size limit, saying what the limit is', async () => {
    const dir = await workspaceDir()
    const big = Buffer.alloc(MAX_ARCHIVE_BYTES + 1, 0x61)
    expect((await refusal(writeArchivedCopy(dir, 'src-1', 'big.txt', 'text/plain', big))).message).toContain('at most 50.0 MB')
    expect(await readdir(dir)).toEqual([])
  })
})

describe('reading an archived copy back', () => {
  it('is intact when size and SHA-256 match, and not when the file changed', async () => {
    const dir = await workspaceDir()
    const copy = await writeArchivedCopy(dir, 'src-1', 'page.html', 'text/html', html)
    expect(await readArchivedCopy(dir, copy)).toEqual({ bytes: html, intact: true })
    const edited = Buffer.from(html.toString().replace('severed', 'restored'))
    await writeFile(join(dir, copy.file), edited)
    expect(await readArchivedCopy(dir, copy)).toEqual({ bytes: edited, intact: false })
  })

  it('says a missing file is missing', async () => {
    const dir = await workspaceDir()
    const copy = await writeArchivedCopy(dir, 'src-1', 'page.html', 'text/html', html)
    await rm(join(dir, copy.file))
    const err = await refusal(readArchivedCopy(dir, copy))
    expect(err.code).toBe('not-found')
    expect(err.message).toContain('missing')
  })

  it('never reads a recorded path that leaves the sources folder, nor through a link', async () => {
    const dir = await workspaceDir()
    await writeFile(join(dir, 'workspace.json'), '{}')
    const forged = { file: 'sources/../workspace.json', sha256: sha(Buffer.from('{}')), size: 2, mediaType: 'text/plain', capturedAt: new Date().toISOString() } as ArchivedCopy
    expect(ArchivedCopySchema.safeParse(forged).success).toBe(false)
    expect((await refusal(readArchivedCopy(dir, forged))).message).toMatch(/^Not an archived copy path: .*is not of the form/)
    const outside = await workspaceDir()
    await writeFile(join(outside, 'secret.txt'), 'secret')
    await mkdir(join(dir, 'sources', 'src-1'), { recursive: true })
    await symlink(join(outside, 'secret.txt'), join(dir, 'sources', 'src-1', 'copy.txt'))
    const linked = { ...forged, file: 'sources/src-1/copy.txt', sha256: sha(Buffer.from('secret')), size: 6 }
    expect((await refusal(readArchivedCopy(dir, linked))).message).toContain('symbolic link')
  })

  it('lists changed, missing and misplaced copies for the check on open', async () => {
    const dir = await workspaceDir()
    const a = await writeArchivedCopy(dir, 'src-a', 'a.html', 'text/html', html)
    const b = await writeArchivedCopy(dir, 'src-b', 'b.pdf', 'application/pdf', pdf)
    const c = await writeArchivedCopy(dir, 'src-c', 'c.png', 'image/png', png)
    await writeFile(join(dir, a.file), 'tampered')
    await rm(join(dir, b.file))
    const problems = await checkArchivedCopies(dir, [
      { id: 'src-a', title: 'A', archive: a },
      { id: 'src-b', title: 'B', archive: b },
      { id: 'src-c', title: 'C', archive: c },
      { id: 'src-d', title: 'D', archive: c },
      { id: 'src-e', title: 'E' },
    ])
    expect(problems.map((p) => [p.sourceId, p.state])).toEqual([
      ['src-a', 'changed'],
      ['src-b', 'missing'],
      ['src-d', 'unreadable'],
    ])
    expect(problems[0].message).toContain('has changed since it was captured')
  })
})
