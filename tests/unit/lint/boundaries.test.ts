// Each import boundary of eslint.config.js, shown to fail on a deliberate break and to pass the allowed import beside it.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname })

/** The messages of `no-restricted-imports` for `code` as if it lived at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

const CASES: { rule: string; file: string; broken: string; allowed: string }[] = [
  { rule: 'electron only in app/ and preload/', file: 'electron/core/session.ts', broken: "import { app } from 'electron'\nvoid app\n", allowed: "import { join } from 'node:path'\nvoid join\n" },
  { rule: 'electron only in app/ and preload/ (hosts)', file: 'electron/hosts/cli/main.ts', broken: "import { app } from 'electron'\nvoid app\n", allowed: "import { Session } from '../../core/session'\nvoid Session\n" },
  { rule: 'shared/ imports no Node module', file: 'shared/filter.ts', broken: "import { readFile } from 'node:fs/promises'\nvoid readFile\n", allowed: "import { countryName } from './countries'\nvoid countryName\n" },
  { rule: 'shared/ imports no bare Node module', file: 'shared/filter.ts', broken: "import { join } from 'path'\nvoid join\n", allowed: "import { z } from 'zod'\nvoid z\n" },
  { rule: 'shared/ imports no React', file: 'shared/filter.ts', broken: "import { useMemo } from 'react'\nvoid useMemo\n", allowed: "import { countryName } from './countries'\nvoid countryName\n" },
  { rule: 'shared/ imports no DOM-only module', file: 'shared/mapData.ts', broken: "import mapboxgl from 'mapbox-gl'\nvoid mapboxgl\n", allowed: "import { scaleLinear } from 'd3-scale'\nvoid scaleLinear\n" },
  { rule: 'shared/ imports nothing from renderer/', file: 'shared/filter.ts', broken: "import { useApp } from '../renderer/state/store'\nvoid useApp\n", allowed: "import { countryName } from './countries'\nvoid countryName\n" },
  { rule: 'renderer/ imports nothing from electron/', file: 'renderer/incidents/IncidentTable.tsx', broken: "import { Session } from '../../electron/core/session'\nvoid Session\n", allowed: "import { client } from '../api'\nvoid client\n" },
  { rule: 'zustand only in renderer/state/store.ts', file: 'renderer/map/MapView.tsx', broken: "import { create } from 'zustand'\nvoid create\n", allowed: "import { useApp } from '../state/store'\nvoid useApp\n" },
  { rule: 'setState only in state/ and actions.ts', file: 'renderer/map/MapView.tsx', broken: "import { setState } from '../state/store'\nvoid setState\n", allowed: "import { getState } from '../state/store'\nvoid getState\n" },
  { rule: 'core/ imports nothing from app/', file: 'electron/core/session.ts', broken: "import { readSettings } from '../app/settings'\nvoid readSettings\n", allowed: "import { WorkspaceStore } from './store/WorkspaceStore'\nvoid WorkspaceStore\n" },
  { rule: 'core/ imports nothing from hosts/', file: 'electron/core/handlers.ts', broken: "import { parseArgs } from '../hosts/args'\nvoid parseArgs\n", allowed: "import { fail } from '../../shared/result'\nvoid fail\n" },
  { rule: 'hosts/ import nothing from app/', file: 'electron/hosts/browser/main.ts', broken: "import { readSettings } from '../../app/settings'\nvoid readSettings\n", allowed: "import { parseArgs } from '../args'\nvoid parseArgs\n" },
]

describe('import boundaries', () => {
  it.each(CASES)('$rule: a break at $file is an error', async ({ file, broken }) => {
    expect(await boundaryErrors(file, broken)).toHaveLength(1)
  })

  it.each(CASES)('$rule: the allowed import at $file passes', async ({ file, allowed }) => {
    expect(await boundaryErrors(file, allowed)).toEqual([])
  })

  it('lets renderer/state and actions modules set state, and app/ import electron', async () => {
    expect(await boundaryErrors('renderer/state/actions.ts', "import { setState } from './store'\nvoid setState\n")).toEqual([])
    expect(await boundaryErrors('renderer/notes/actions.ts', "import { setState } from '../state/store'\nvoid setState\n")).toEqual([])
    expect(await boundaryErrors('renderer/state/store.ts', "import { create } from 'zustand'\nvoid create\n")).toEqual([])
    expect(await boundaryErrors('electron/app/window.ts', "import { BrowserWindow } from 'electron'\nvoid BrowserWindow\n")).toEqual([])
    expect(await boundaryErrors('electron/preload/index.ts', "import { contextBridge } from 'electron'\nvoid contextBridge\n")).toEqual([])
  })
})
