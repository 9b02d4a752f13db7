// Temp workspaces for the store tests: folders cleaned after each test, records to put in them, and how a rejection reads.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkbenchError } from '../../shared/result'
import { WorkspaceStore } from '../../electron/core/store/WorkspaceStore'
import { generateIncidents } from './generate'

const dirs: string[] = []

/** A fresh workspace folder path (not yet created) inside a temp folder that removeTempDirs() deletes. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'watchfloor-store-'))
  dirs.push(dir)
  return join(dir, 'ws')
}

/** Deletes every folder tempDir() made; call it after each test. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
}

export const incident = (n: number, title?: string) => ({ ...generateIncidents(n + 1)[n], ...(title ? { title } : {}) })
export const titles = (store: WorkspaceStore) => store.data.incidents.map((i) => i.title)
export const bytes = (path: string) => readFile(path)

/** A workspace with two saves behind it, each backed up, then closed. Returns its folder. */
export async function workspaceWithBackups(): Promise<string> {
  const dir = await tempDir()
  const store = await WorkspaceStore.open(dir, { create: { name: 'Albania desk' }, backupEvery: 1 })
  await store.update((d) => void d.incidents.push(incident(0, 'First incident')))
  await store.update((d) => void d.incidents.push(incident(1, 'Second incident')))
  await store.close()
  return dir
}

/** Rejection of a promise as the client would see it: code and message. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (err) {
    return { code: (err as WorkbenchError).code, message: (err as Error).message }
  }
  throw new Error('expected a rejection')
}
