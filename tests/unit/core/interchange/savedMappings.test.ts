// Saved column mappings whose names make the same file name (case, accents, punctuation) each keep their own file; saving under the same name replaces; the CLI reads each back by the path the save reported.
import { readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCommand } from '../../../../electron/hosts/cli/interchangeCommand'
import type { CsvMappingInput } from '../../../../shared/datasets/mapping'
import { emptyWorkspace } from '../../../../shared/workspace'
import { closeTestWorkspace, openTestWorkspace, type TestWorkspace } from '../../../support/testWorkspace'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('saved-mappings', { create: { data: emptyWorkspace('Mappings') } })
})
afterEach(() => closeTestWorkspace(t))

const mapping = (name: string, title: string): CsvMappingInput => ({ name, columns: { [title]: 'title', Date: 'start' }, values: {}, dateOrder: 'mdy', dataset: name, version: '' })
const save = (name: string, title: string) => t.client.datasets.saveMapping(mapping(name, title) as never)
const savedByName = async () => Object.fromEntries((await t.client.datasets.mappings()).map((m) => [m.name, Object.keys(m.columns)[0]]))

describe('saving column mappings', () => {
  it('keeps mappings whose names make the same file name apart, and replaces only the one of the same name', async () => {
    const first = await save('EuRepoC v1', 'Name')
    expect(first).toEqual({ path: join(t.dir, 'mappings', 'eurepoc-v1.json'), replaced: false, alongside: [] })

    const second = await save('eurepoc-v1', 'Incident')
    expect(second).toEqual({ path: join(t.dir, 'mappings', 'eurepoc-v1-2.json'), replaced: false, alongside: [{ name: 'EuRepoC v1', path: first.path }] })

    const third = await save('Eurépoc V1!', 'Headline')
    expect(basename(third.path)).toBe('eurepoc-v1-3.json')
    expect(third.alongside.map((m) => m.name).sort()).toEqual(['EuRepoC v1', 'eurepoc-v1'])

    expect(await savedByName()).toEqual({ 'EuRepoC v1': 'Name', 'eurepoc-v1': 'Incident', 'Eurépoc V1!': 'Headline' })

    // Saving again under a name replaces that mapping, in its own file, and no other.
    const again = await save('eurepoc-v1', 'Subject')
    expect({ ...again, alongside: again.alongside.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path)) }).toEqual({ path: second.path, replaced: true, alongside: [{ name: 'EuRepoC v1', path: first.path }, { name: 'Eurépoc V1!', path: third.path }] })
    expect(await savedByName()).toEqual({ 'EuRepoC v1': 'Name', 'eurepoc-v1': 'Subject', 'Eurépoc V1!': 'Headline' })

    // The CLI reads each back from the path the save reported.
    await closeTestWorkspace({ root: '', session: t.session }).catch(() => undefined)
    const sheet = join(t.root, 'sheet.csv')
    await writeFile(sheet, 'Name,Subject,Date\nWiper on a port operator,Defacement of a ministry,2023-05\n')
    const lines: string[] = []
    for (const path of [again.path, first.path]) await importCommand({ dir: t.dir, file: sheet, format: 'csv', mapping: path, dryRun: true, json: false, campaigns: false, log: (l) => lines.push(l) })
    expect(lines.filter((l) => l.startsWith(sheet))).toEqual([`${sheet} (eurepoc-v1, utf-8): 1 rows — 1 imported, 0 updated, 0 duplicate, 0 unchanged, 0 conflict, 0 rejected`, `${sheet} (EuRepoC v1, utf-8): 1 rows — 1 imported, 0 updated, 0 duplicate, 0 unchanged, 0 conflict, 0 rejected`])
  })

  it('does not overwrite a file in the mappings folder that is not a mapping it can read', async () => {
    await save('Desk', 'Name')
    const damaged = join(t.dir, 'mappings', 'desk-sheet.json')
    await writeFile(damaged, '{"half a mapping')
    const saved = await save('Desk sheet', 'Incident')
    expect(basename(saved.path)).toBe('desk-sheet-2.json')
    expect(await readFile(damaged, 'utf8')).toBe('{"half a mapping')
    expect(await savedByName()).toEqual({ Desk: 'Name', 'Desk sheet': 'Incident' })
  })

  it('names the file of a name with no Latin letters or digits after the mapping, and keeps two saved at once apart', async () => {
    const cyrillic = await save('Киберинциденты', 'Название')
    expect(basename(cyrillic.path)).toBe('mapping.json')
    const [a, b] = await Promise.all([save('Desk: sheet', 'Name'), save('desk sheet', 'Incident')])
    expect(new Set([basename(a.path), basename(b.path)])).toEqual(new Set(['desk-sheet.json', 'desk-sheet-2.json']))
    expect(await savedByName()).toEqual({ Киберинциденты: 'Название', 'Desk: sheet': 'Name', 'desk sheet': 'Incident' })
  })
})
