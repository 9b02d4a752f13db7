// What a folder holds, for tests that check a workspace folder was left as it was or holds no secret.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Every file under `dir`, at any depth, by its full path. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Every file under `dir` with its bytes, by path relative to it. */
export async function folderState(dir: string): Promise<Map<string, Buffer>> {
  const state = new Map<string, Buffer>()
  for (const file of await filesUnder(dir)) state.set(file.slice(dir.length + 1), await readFile(file))
  return state
}
