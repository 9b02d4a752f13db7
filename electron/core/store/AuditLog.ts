// Append-only audit log (audit.jsonl): who changed which record when, and which fields.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join } from 'node:path'

export const AUDIT_FILE = 'audit.jsonl'

export interface AuditEntry {
  at: string
  user: string
  action: 'create' | 'update' | 'delete' | 'restore' | 'restore-backup' | 'repair' | 'export' | 'import' | 'undo-import' | 'push'
  collection: string
  id: string
  title: string
  fields: string[]
}

function localUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}

/** Top-level fields whose values differ between two versions of a record. */
export function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  keys.delete('updatedAt')
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort()
}

export class AuditLog {
  readonly file: string
  private readonly user = localUser()
  private tail: Promise<void> = Promise.resolve()

  constructor(dir: string) {
    this.file = join(dir, AUDIT_FILE)
  }

  /** Appends one line, never through a symbolic link; appends are kept in call order, and one that fails does not stop the next. */
  record(entry: Omit<AuditEntry, 'at' | 'user'>): Promise<void> {
    const line = JSON.stringify({ at: new Date().toISOString(), user: this.user, ...entry }) + '\n'
    const append = async () => {
      const handle = await open(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o644)
      try {
        await handle.writeFile(line, 'utf8')
      } finally {
        await handle.close()
      }
    }
    const done = this.tail.then(append)
    this.tail = done.catch(() => undefined)
    return done
  }
}
