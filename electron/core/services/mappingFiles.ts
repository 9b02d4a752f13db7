// The files of a workspace's saved column mappings: one per name, named after it, and a name that makes the same file name as another mapping's (case, accents, punctuation) gets a file of its own instead of replacing it.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CsvMappingSchema, type CsvMapping } from '../../../shared/datasets/mapping'
import { openFor } from '../store/heldKeys'
import { slug } from './report/exportBriefing'

/** A `.json` file of the mappings folder and the mapping it holds (null: not a mapping that can be read). */
export interface MappingFile {
  file: string
  mapping: CsvMapping | null
}

/** The mapping files in `dir` (the mappings folder of the workspace in `workspaceDir`), sorted by file name. */
export async function mappingFiles(dir: string, workspaceDir: string): Promise<MappingFile[]> {
  // In savedMappings' order (InterchangeService).
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort()
  const out: MappingFile[] = []
  for (const file of names) {
    let mapping: CsvMapping | null = null
    try {
      const parsed = CsvMappingSchema.safeParse(JSON.parse(openFor(workspaceDir, await readFile(join(dir, file))).toString('utf8')))
      if (parsed.success) mapping = parsed.data
    } catch {
      // Unreadable, damaged or sealed under another key: not a mapping, but its file is not to be overwritten either.
    }
    out.push({ file, mapping })
  }
  return out
}

/**
 * Where to save the mapping called `name`: the file of the saved mapping of that very name, which it
 * replaces; else `<slug>.json`, or `<slug>-2.json`, `-3`… when that file holds another mapping (or a file
 * that is not one). `alongside` lists the other mappings whose names make the same file name.
 */
export function fileForMapping(files: MappingFile[], name: string): { file: string; replaces: boolean; alongside: MappingFile[] } {
  const base = slug(name, 'mapping')
  const alongside = files.filter((f) => f.mapping && f.mapping.name !== name && slug(f.mapping.name, 'mapping') === base)
  const same = files.find((f) => f.mapping?.name === name)
  if (same) return { file: same.file, replaces: true, alongside }
  const taken = new Set(files.map((f) => f.file))
  let file = `${base}.json`
  for (let n = 2; taken.has(file); n++) file = `${base}-${n}.json`
  return { file, replaces: false, alongside }
}

let saving: Promise<unknown> = Promise.resolve()

/** Runs `fn` after every earlier mapping save of this process has finished, so two saves cannot pick the same free file. */
export function oneMappingSaveAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = saving.then(fn)
  saving = run.catch(() => undefined)
  return run
}
