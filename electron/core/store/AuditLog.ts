// Append-only audit log (audit.jsonl): who changed which record when, and which fields.
import { appendFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join } from 'node:path'

export const AUDIT_FILE = 'audit.jsonl'

export interface AuditEntry {
  at: string
  user: string
  action: 'create' | 'update' | 'delete' | 'restore' | 'restore-backup' | 'export'
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

  /** Appends one line; appends are kept in call order. */
  record(entry: Omit<AuditEntry, 'at' | 'user'>): Promise<void> {
    const line = JSON.stringify({ at: new Date().toISOString(), user: this.user, ...entry }) + '\n'
    this.tail = this.tail.then(() => appendFile(this.file, line, 'utf8'))
    return this.tail
  }
}
