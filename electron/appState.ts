// Decisions of the desktop app that need no Electron: settings and the recent list, the startup workspace, which URLs are ours, new-folder checks and saving a copy.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ServiceError } from '../shared/result'
import { WorkspaceSchema } from '../shared/workspace'
import { WORKSPACE_FILE } from './store/WorkspaceStore'

export const SETTINGS_FILE = 'settings.json'
export const MAX_RECENT = 10
export const SAMPLE_FOLDER = 'Sample workspace'

export interface Settings {
  /** Workspace folders, most recently opened first; absolute, unique, at most MAX_RECENT. */
  recent: string[]
}

function tidyRecent(dirs: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const dir of dirs) {
    const abs = resolve(dir)
    if (seen.has(abs)) continue
    seen.add(abs)
    out.push(abs)
  }
  return out.slice(0, MAX_RECENT)
}

/** Reads settings.json from `userData`; a missing, unreadable or malformed file yields empty settings, never an error. */
export async function readSettings(userData: string): Promise<Settings> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(join(userData, SETTINGS_FILE), 'utf8'))
  } catch {
    return { recent: [] }
  }
  const recent = typeof raw === 'object' && raw !== null ? (raw as { recent?: unknown }).recent : undefined
  if (!Array.isArray(recent)) return { recent: [] }
  // Relative entries would resolve against whatever the working directory happens to be.
  return { recent: tidyRecent(recent.filter((r): r is string => typeof r === 'string' && isAbsolute(r))) }
}

/** Writes settings.json through a temp file and a rename, so a crash never leaves half a file. */
export async function writeSettings(userData: string, settings: Settings): Promise<void> {
  await mkdir(userData, { recursive: true })
  const file = join(userData, SETTINGS_FILE)
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify({ recent: tidyRecent(settings.recent) }, null, 2) + '\n', 'utf8')
  await rename(temp, file)
}

/** Settings with `dir` moved to the front of the recent list. */
export function withRecent(settings: Settings, dir: string): Settings {
  return { ...settings, recent: tidyRecent([dir, ...settings.recent]) }
}

/** Where the bundled sample workspace is materialised. */
export function sampleDir(userData: string): string {
  return join(resolve(userData), SAMPLE_FOLDER)
}

export function isSampleDir(dir: string, userData: string): boolean {
  return resolve(dir) === sampleDir(userData)
}

export interface StartupChoice {
  dir: string
  /** True for the bundled sample, which is created from the bundled data when missing. */
  sample: boolean
}

/**
 * The last opened workspace, else the sample. A last workspace that has gone away is still
 * chosen: opening it fails with a message the user sees once, and the sample that replaces it
 * becomes the last opened one.
 */
export function startupWorkspace(settings: Settings, userData: string): StartupChoice {
  const last = settings.recent[0]
  if (last) return { dir: last, sample: isSampleDir(last, userData) }
  return { dir: sampleDir(userData), sample: true }
}

export function windowTitle(workspaceName?: string | null): string {
  return workspaceName ? `Watchfloor — ${workspaceName}` : 'Watchfloor'
}

/** Where the renderer is loaded from: the built index.html, or the dev server electron-vite started. */
export type RendererEntry = { kind: 'file'; path: string } | { kind: 'url'; url: string }

/** `mainDir` is the folder of the built main script (out/main); `devUrl` is ignored in packaged builds by the caller. */
export function rendererEntry(mainDir: string, devUrl?: string): RendererEntry {
  if (devUrl) return { kind: 'url', url: devUrl }
  return { kind: 'file', path: resolve(mainDir, '../renderer/index.html') }
}

/** True when `url` is the renderer's own page: the exact index.html file, or the dev server's origin. */
export function isAppUrl(url: string, entry: RendererEntry): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (entry.kind === 'url') return u.origin === new URL(entry.url).origin
  if (u.protocol !== 'file:' || u.host !== '') return false
  return decodeURIComponent(u.pathname) === decodeURIComponent(pathToFileURL(entry.path).pathname)
}

/** True for http(s) links, the only kind handed to the OS browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * Refuses a folder for a new workspace unless it is empty or missing, so a workspace's files
 * never mix with other files and an existing workspace is never silently opened instead.
 */
export async function ensureNewWorkspaceFolder(dir: string): Promise<void> {
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  if (entries.includes(WORKSPACE_FILE)) {
    throw new ServiceError('conflict', `${dir} already holds a workspace. Use File › Open workspace… to open it.`)
  }
  // Hidden files such as .DS_Store do not make a folder "used".
  if (entries.some((name) => !name.startsWith('.'))) {
    throw new ServiceError('conflict', `${dir} is not empty. Choose an empty folder, or create a new one in the dialog.`)
  }
}

/**
 * Copies a saved workspace file into `targetDir` (created if missing) and returns the new file's
 * path. Refuses a folder that already holds a workspace, and a source that does not validate,
 * so a copy is always a workspace Watchfloor can open.
 */
export async function copyWorkspaceTo(sourceFile: string, targetDir: string): Promise<string> {
  const text = await readFile(sourceFile, 'utf8')
  let valid = false
  try {
    valid = WorkspaceSchema.safeParse(JSON.parse(text)).success
  } catch {
    valid = false
  }
  if (!valid) {
    throw new ServiceError('read-only', `The open workspace file does not validate, so no copy was made. Restore a backup first.`)
  }
  const target = join(resolve(targetDir), WORKSPACE_FILE)
  await mkdir(targetDir, { recursive: true })
  try {
    await writeFile(target, text, { encoding: 'utf8', flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ServiceError('conflict', `${targetDir} already holds a workspace (${WORKSPACE_FILE}). Choose an empty folder so nothing is overwritten.`)
    }
    throw err
  }
  return target
}
