// Encryption at rest as an analyst relies on it: the data comes back only with the passphrase, a wrong one or a changed byte reveals and changes nothing, and no title is readable in any file of the folder.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { auditLines, AuditLog, AUDIT_FILE } from '../../../../electron/core/store/AuditLog'
import { listBackups, readBackupText } from '../../../../electron/core/store/backups'
import { isSealed, WorkspaceKey } from '../../../../electron/core/store/cipher'
import { SWITCH_JOURNAL } from '../../../../electron/core/store/encryptionSwitch'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { openFor, sealFor } from '../../../../electron/core/store/heldKeys'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'
import { archiveFiles, readArchivedCopy, writeArchivedCopy } from '../../../../electron/core/store/archive'
import { SHARING_FILE, SyncStateFile } from '../../../../electron/core/taxii/syncState'
import { incident, rejection, removeTempDirs, tempDir, titles } from '../../../support/storeFixture'
import { folderState } from '../../../support/folder'

afterEach(removeTempDirs)

/** Cheap scrypt costs so the tests run quickly; the format and checks are the same as with the defaults. */
const kdf = { logN: 12, r: 8, p: 1 }
const PASS = 'amber strict laptop'


/** The sealed bytes with the flipped byte put back. */
function onDiskAfterChange(tampered: Buffer): Buffer {
  const back = Buffer.from(tampered)
  back[back.length - 20] ^= 1
  return back
}

/** An encrypted workspace holding the sample plus one edit, with backups and audit lines; closed. */
async function encryptedSample(): Promise<string> {
  const dir = await tempDir()
  const store = await WorkspaceStore.open(dir, { create: { data: sampleWorkspace() }, kdf, backupEvery: 1 })
  const audit = new AuditLog(store.dir, () => store.cipher)
  await store.update((d) => void d.incidents.push(incident(0, 'Sealed desk incident before encryption')))
  await audit.record({ action: 'create', collection: 'incidents', id: 'x1', title: 'Sealed desk incident before encryption', fields: [] })
  await store.setPassphrase(PASS)
  await store.update((d) => void d.incidents.push(incident(1, 'Sealed desk incident after encryption')))
  await audit.record({ action: 'create', collection: 'incidents', id: 'x2', title: 'Sealed desk incident after encryption', fields: [] })
  await store.close()
  return dir
}

describe('an encrypted workspace', () => {
  it('round-trips: every file is sealed, and the passphrase opens the same data', async () => {
    const dir = await encryptedSample()
    expect(isSealed(await readFile(join(dir, WORKSPACE_FILE)))).toBe(true)
    const backups = await listBackups(dir)
    expect(backups.length).toBeGreaterThan(2)
    for (const b of backups) expect(isSealed(await readFile(b)), b).toBe(true)

    const store = await WorkspaceStore.open(dir, { passphrase: PASS })
    expect(store.readOnlyReason).toBeNull()
    expect(store.encrypted).toBe(true)
    expect(titles(store)).toContain('Sealed desk incident after encryption')
    expect(store.data.incidents).toHaveLength(sampleWorkspace().incidents.length + 2)
    // Backups and the audit log open under the same key.
    for (const b of backups) expect(JSON.parse((await readBackupText(b, store.cipher))!).schemaVersion).toBeGreaterThan(0)
    const lines = auditLines(await readFile(join(dir, AUDIT_FILE), 'utf8'), store.cipher)
    expect(lines.map((l) => l.readable)).toEqual([true, true])
    expect(lines.map((l) => JSON.parse(l.text).title)).toEqual(['Sealed desk incident before encryption', 'Sealed desk incident after encryption'])
    await store.close()
  })

  it('asks for the passphrase, and a wrong one reveals nothing and changes nothing', async () => {
    const dir = await encryptedSample()
    const before = await folderState(dir)
    expect(await rejection(WorkspaceStore.open(dir))).toMatchObject({ code: 'locked', message: expect.stringContaining('Enter its passphrase') })
    const wrong = await rejection(WorkspaceStore.open(dir, { passphrase: 'amber strict laptoP' }))
    expect(wrong).toEqual({ code: 'locked', message: 'The passphrase is wrong. Nothing was read or changed; try again.' })
    expect(await folderState(dir)).toEqual(before)
    // And the lock was given back: the right passphrase opens it for writing.
    const store = await WorkspaceStore.open(dir, { passphrase: PASS })
    expect(store.readOnlyReason).toBeNull()
    await store.close()
  })

  it.each([
    ['in the data', (size: number) => Math.floor(size / 2)],
    ['in the tag', (size: number) => size - 3],
    ['in the nonce', () => 50],
  ])('detects a byte flipped %s: opens nowhere and is left untouched', async (_where, at) => {
    const dir = await encryptedSample()
    const file = join(dir, WORKSPACE_FILE)
    const bytes = await readFile(file)
    bytes[at(bytes.length)] ^= 0x01
    await writeFile(file, bytes)
    const before = await folderState(dir)
    for (const options of [{ passphrase: PASS }, { passphrase: PASS, readOnly: true }]) {
      const refused = await rejection(WorkspaceStore.open(dir, options))
      expect(refused.code).toBe('invalid-input')
      expect(refused.message).toContain('fails its authentication check')
    }
    expect(await folderState(dir)).toEqual(before)
  })

  it('leaves no fragment of any record title readable in any file of the folder', async () => {
    const dir = await encryptedSample()
    const sample = sampleWorkspace()
    const names = [...sample.incidents.map((i) => i.title), ...sample.actors.map((a) => a.name), ...sample.sources.map((s) => s.title), 'Sealed desk incident']
    // Each title, and every run of 12 characters from it.
    const fragments = new Set(names.flatMap((t) => [t, ...Array.from({ length: Math.max(0, t.length - 11) }, (_, n) => t.slice(n, n + 12))]))
    const state = await folderState(dir)
    expect([...state.keys()].some((p) => p.startsWith('backups'))).toBe(true)
    expect(state.has(AUDIT_FILE)).toBe(true)
    for (const [path, bytes] of state) {
      const text = bytes.toString('latin1') + bytes.toString('utf8')
      for (const f of fragments) expect(text.includes(f), `${path} holds “${f}”`).toBe(false)
    }
  })

  it('changes its passphrase: the old one no longer opens it; backups and audit follow', async () => {
    const dir = await encryptedSample()
    const store = await WorkspaceStore.open(dir, { passphrase: PASS, kdf })
    const before = await folderState(dir)
    expect(await rejection(store.setPassphrase('a new long passphrase', 'not the passphrase'))).toEqual({ code: 'invalid-input', message: 'The current passphrase is wrong. Nothing was changed.' })
    expect(await folderState(dir)).toEqual(before)
    const { left } = await store.setPassphrase('a new long passphrase', PASS)
    expect(left).toEqual([])
    await store.update((d) => void d.incidents.push(incident(2, 'After the new passphrase')))
    await store.close()
    expect(await folderState(dir).then((s) => s.has(SWITCH_JOURNAL))).toBe(false)

    expect((await rejection(WorkspaceStore.open(dir, { passphrase: PASS }))).code).toBe('locked')
    const reopened = await WorkspaceStore.open(dir, { passphrase: 'a new long passphrase' })
    expect(titles(reopened)).toContain('After the new passphrase')
    for (const b of await listBackups(dir)) expect(reopened.cipher!.owns(await readFile(b)), b).toBe(true)
    expect(auditLines(await readFile(join(dir, AUDIT_FILE), 'utf8'), reopened.cipher).every((l) => l.readable)).toBe(true)
    await reopened.close()
  })

  it('decrypts back to plain files that open without a passphrase', async () => {
    const dir = await encryptedSample()
    const store = await WorkspaceStore.open(dir, { passphrase: PASS })
    await store.setPassphrase(null, PASS)
    expect(store.encrypted).toBe(false)
    await store.close()
    for (const [path, bytes] of await folderState(dir)) if (path !== '.workspace.lock' && !path.startsWith('.')) expect(isSealed(bytes), path).toBe(false)
    const plain = await WorkspaceStore.open(dir)
    expect(titles(plain)).toContain('Sealed desk incident after encryption')
    const lines = auditLines(await readFile(join(dir, AUDIT_FILE), 'utf8'), null)
    expect(lines.every((l) => l.readable && l.text.startsWith('{'))).toBe(true)
    await plain.close()
  })

  it('gives each write a fresh nonce: the same text never seals to the same bytes', async () => {
    const key = await WorkspaceKey.create(PASS, kdf)
    const a = key.seal('{"same":"text"}')
    const b = key.seal('{"same":"text"}')
    expect(a.subarray(44, 56).equals(b.subarray(44, 56))).toBe(false)
    expect(a.equals(b)).toBe(false)
    expect(key.open(a).toString()).toBe('{"same":"text"}')
  })
})

describe('other files of an encrypted workspace (archived source copies)', () => {
  it('are sealed with the open workspace’s key through sealFor/openFor, and passed through when it is plain or closed', async () => {
    const dir = await encryptedSample()
    const plainDir = await tempDir()
    const plain = await WorkspaceStore.open(plainDir, { create: {} })
    expect(sealFor(plainDir, 'article text')).toBe('article text')
    await plain.close()

    const store = await WorkspaceStore.open(dir, { passphrase: PASS })
    const sealed = Buffer.from(sealFor(dir, 'Archived article about the wiper') as Uint8Array)
    expect(isSealed(sealed)).toBe(true)
    expect(sealed.includes(Buffer.from('Archived article'))).toBe(false)
    expect(openFor(dir, sealed).toString()).toBe('Archived article about the wiper')
    expect(openFor(dir, Buffer.from('plain copy')).toString()).toBe('plain copy')
    await store.close()
    expect(() => openFor(dir, sealed)).toThrow(/encrypted and not open/)
  })

  it('seals the sharing state with the rest, and a decrypt leaves it plain', async () => {
    const dir = await encryptedSample()
    const store = await WorkspaceStore.open(dir, { passphrase: PASS })
    const sharing = new SyncStateFile(dir)
    await sharing.change((state) => void state.connections.push({ id: '5b0f4c9e-2f1d-4c58-9a36-2d3f1c0e7a11', name: 'Sealed team server', server: 'https://cti.example.org/taxii2/', auth: 'basic', user: 'analyst' }))
    const onDisk = await readFile(join(dir, SHARING_FILE))
    expect(isSealed(onDisk)).toBe(true)
    expect(onDisk.includes(Buffer.from('Sealed team server'))).toBe(false)
    expect((await sharing.read()).connections.map((c) => c.name)).toEqual(['Sealed team server'])
    await store.setPassphrase(null, PASS)
    await store.close()
    expect((await readFile(join(dir, SHARING_FILE), 'utf8')).includes('Sealed team server')).toBe(true)
  })

  it('keeps an archived copy sealed on disk, reads it back intact, and re-seals or unseals it with the passphrase', async () => {
    const dir = await encryptedSample()
    const article = '<html><body><p>Archived article about the wiper at the ministry</p></body></html>'
    let store = await WorkspaceStore.open(dir, { passphrase: PASS })
    const copy = await writeArchivedCopy(dir, 'src-archived', 'article.html', 'text/html', Buffer.from(article))
    const onDisk = await readFile(join(dir, ...copy.file.split('/')))
    expect(isSealed(onDisk)).toBe(true)
    expect(onDisk.includes(Buffer.from('Archived article'))).toBe(false)
    expect(await readArchivedCopy(dir, copy)).toEqual({ bytes: Buffer.from(article), intact: true })
    expect(await archiveFiles(dir)).toEqual([join(dir, ...copy.file.split('/'))])

    // A new passphrase re-seals the copy with the rest; the old one opens nothing.
    await store.setPassphrase('a new passphrase', PASS)
    expect(await readArchivedCopy(dir, copy)).toEqual({ bytes: Buffer.from(article), intact: true })
    await store.close()
    await expect(WorkspaceStore.open(dir, { passphrase: PASS })).rejects.toThrow()
    store = await WorkspaceStore.open(dir, { passphrase: 'a new passphrase' })

    // A flipped byte in the sealed copy reads as changed, never as the captured copy.
    const path = join(dir, ...copy.file.split('/'))
    const tampered = Buffer.from(await readFile(path))
    tampered[tampered.length - 20] ^= 1
    await writeFile(path, tampered)
    expect((await readArchivedCopy(dir, copy)).intact).toBe(false)
    await writeFile(path, onDiskAfterChange(tampered))

    // Decrypting leaves the plain file.
    await store.setPassphrase(null, 'a new passphrase')
    await store.close()
    expect((await readFile(path)).toString()).toBe(article)
  })
})

describe('a passphrase change cut short', () => {
  it('is finished by the next open once its journal is written, and dropped when it is not', async () => {
    const dir = await encryptedSample()
    const store = await WorkspaceStore.open(dir, { passphrase: PASS })
    const text = JSON.stringify(store.data)
    await store.close()
    const next = await WorkspaceKey.create('the next passphrase', kdf)
    const staged = join(dir, `.${WORKSPACE_FILE}.switch`)

    // Staged but no journal: the switch never happened.
    await writeFile(staged, next.seal(text))
    const old = await WorkspaceStore.open(dir, { passphrase: PASS })
    expect(old.data.incidents.length).toBeGreaterThan(0)
    await old.close()
    expect((await readdir(dir)).includes(`.${WORKSPACE_FILE}.switch`)).toBe(false)

    // Staged and journalled: the next open puts it in place before reading.
    await writeFile(staged, next.seal(text))
    await writeFile(join(dir, SWITCH_JOURNAL), JSON.stringify({ files: [WORKSPACE_FILE] }))
    expect((await rejection(WorkspaceStore.open(dir, { passphrase: PASS }))).code).toBe('locked')
    const reopened = await WorkspaceStore.open(dir, { passphrase: 'the next passphrase' })
    expect(titles(reopened)).toContain('Sealed desk incident after encryption')
    await reopened.close()
    expect(await readdir(dir)).not.toContain(SWITCH_JOURNAL)
  })
})
