// The desktop app's settings file (the recent list) and which workspace it opens at start.
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { writeFileAtomic } from '../core/fs/atomicWrite'

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

/** Writes settings.json atomically and durably, so a crash never leaves half a file. */
export async function writeSettings(userData: string, settings: Settings): Promise<void> {
  await writeFileAtomic(join(userData, SETTINGS_FILE), JSON.stringify({ recent: tidyRecent(settings.recent) }, null, 2) + '\n')
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
