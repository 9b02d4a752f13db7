// Append-only audit log (audit.jsonl): who changed which record when, and which fields; in an encrypted workspace each line is one sealed record in base64.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { WorkspaceKey } from './cipher'

export const AUDIT_FILE = 'audit.jsonl'

export interface AuditEntry {
  at: string
  user: string
  action: 'create' | 'update' | 'delete' | 'restore' | 'restore-backup' | 'repair' | 'export' | 'import' | 'undo-import' | 'push' | 'encrypt' | 'change-passphrase' | 'decrypt'
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

  /**
   * `key` gives the encrypted workspace's key at the time of each append, or null while it is plain; `switching`, an
   * encryption switch under way, which appends wait for (the switch rewrites this file).
   */
  constructor(
    dir: string,
    private readonly key: () => WorkspaceKey | null = () => null,
    private readonly switching: () => Promise<unknown> | null = () => null,
  ) {
    this.file = join(dir, AUDIT_FILE)
  }

  /** Appends one line, never through a symbolic link; appends are kept in call order, and one that fails does not stop the next. */
  record(entry: Omit<AuditEntry, 'at' | 'user'>): Promise<void> {
    const json = JSON.stringify({ at: new Date().toISOString(), user: this.user, ...entry })
    const append = async () => {
      for (let busy = this.switching(); busy; busy = this.switching()) await busy.catch(() => undefined)
      // Sealed when written, not when called: a passphrase change between the two seals it under the new key.
      const key = this.key()
      const line = (key ? key.sealLine(json) : json) + '\n'
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

/** The JSON text of each line of an audit log's content, sealed lines opened under `key`; a line that cannot be read is kept as it is. */
export function auditLines(content: string, key: WorkspaceKey | null): { text: string; readable: boolean }[] {
  return content
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      if (l.startsWith('{')) return { text: l, readable: true }
      try {
        if (!key) throw new Error('no key')
        return { text: key.openLine(l), readable: true }
      } catch {
        return { text: l, readable: false }
      }
    })
}
