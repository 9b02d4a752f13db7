// Channel names of the IPC contract and events, free of dependencies so the preload can bundle them cheaply.

export const CHANNEL_NAMES = [
  'workspace:snapshot',
  'workspace:info',
  'workspace:restoreBackup',
  'workspace:repair',
  'workspace:unlock',
  'workspace:encrypt',
  'workspace:changePassphrase',
  'workspace:decrypt',
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
  'sources:uploadCopy',
  'sources:attachCopy',
  'sources:openCopy',
  'sources:readCopy',
  'sources:removeCopy',
  'sources:restoreCopy',
  'interchange:rejects',
  'datasets:mappings',
  'datasets:saveMapping',
  'intake:read',
  'intake:apply',
  'sharing:list',
  'sharing:save',
  'sharing:remove',
  'sharing:test',
  'sharing:push',
  'sharing:pull',
  'sharing:progress',
] as const

export type Channel = (typeof CHANNEL_NAMES)[number]

const NAME_SET: ReadonlySet<string> = new Set(CHANNEL_NAMES)

/** True when `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && NAME_SET.has(name)
}

/** Events the main side pushes to the window. */
export const EVENTS = { workspaceChanged: 'workspace:changed', newFromArticle: 'menu:newFromArticle', encryptionRequested: 'menu:encryption' } as const

/** What File › Encrypt workspace… / Change passphrase… / Decrypt workspace… ask the window to show. */
export const ENCRYPTION_DIALOGS = ['encrypt', 'change', 'decrypt'] as const
export type EncryptionDialog = (typeof ENCRYPTION_DIALOGS)[number]

/** One-way requests the window sends to the main side: menu actions the command palette runs. */
export const REQUESTS = { openWorkspace: 'menu:openWorkspace' } as const
