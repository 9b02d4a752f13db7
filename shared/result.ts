// The Result shape every handler returns, and the error the typed client throws.

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `attributions.0.date`; empty for the whole value. */
  path: string
  message: string
}

export interface ErrorInfo {
  /** `locked`: the workspace is encrypted and waits for its passphrase (or the one given was wrong). */
  code: 'invalid-input' | 'not-found' | 'read-only' | 'conflict' | 'no-workspace' | 'locked' | 'internal'
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorInfo['code'], message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
})

/** Thrown by the typed client when a handler answers `{ok:false}`; carries the handler's error. */
export class WorkbenchError extends Error {
  readonly code: ErrorInfo['code']
  readonly issues: FieldIssue[]
  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'WorkbenchError'
    this.code = info.code
    this.issues = info.issues ?? []
  }
}

/** The message of anything thrown, for a user-facing line. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Thrown by services for failures the user can act on; the handler table turns it into a Result. */
export class ServiceError extends Error {
  readonly code: ErrorInfo['code']
  readonly issues?: FieldIssue[]
  constructor(code: ErrorInfo['code'], message: string, issues?: FieldIssue[]) {
    super(message)
    this.name = 'ServiceError'
    this.code = code
    this.issues = issues
  }
}
