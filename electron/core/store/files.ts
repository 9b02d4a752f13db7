// The names of a workspace folder's files.

export const WORKSPACE_FILE = 'workspace.json'
export const BACKUP_DIR = 'backups'
export const EXPORTS_DIR = 'exports'
