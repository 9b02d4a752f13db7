// Channel names of the IPC contract and events, free of dependencies so the preload can bundle them cheaply.

export const CHANNEL_NAMES = [
  'workspace:snapshot',
  'workspace:info',
  'workspace:restoreBackup',
  'workspace:repair',
  'incidents:create',
  'incidents:update',
  'incidents:delete',
  'incidents:restore',
  'actors:create',
  'actors:update',
  'actors:delete',
  'actors:restore',
  'sources:create',
  'sources:update',
  'sources:delete',
  'sources:restore',
  'notes:create',
  'notes:update',
  'notes:delete',
  'notes:restore',
  'reports:create',
  'reports:update',
  'reports:delete',
  'reports:restore',
  'report:export',
  'report:progress',
  'interchange:export',
  'interchange:upload',
  'interchange:preview',
  'interchange:commit',
  'interchange:undo',
  'interchange:rejects',
  'datasets:mappings',
  'datasets:saveMapping',
] as const

export type Channel = (typeof CHANNEL_NAMES)[number]

const NAME_SET: ReadonlySet<string> = new Set(CHANNEL_NAMES)

/** True when `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && NAME_SET.has(name)
}

/** Events the main side pushes to the window. */
export const EVENTS = { workspaceChanged: 'workspace:changed' } as const

/** One-way requests the window sends to the main side: menu actions the command palette runs. */
export const REQUESTS = { openWorkspace: 'menu:openWorkspace' } as const
