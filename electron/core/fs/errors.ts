// File-system failures in plain words for the user: what happened and what to do, never a raw errno.
import { ServiceError } from '../../../shared/result'

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS'])
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT'])

/** True for errors that mean "this folder cannot be written": no permission, a read-only file system, a full disk. */
export function isUnwritable(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code ?? ''
  return READ_ONLY_CODES.has(code) || FULL_CODES.has(code)
}

/** Why `where` cannot be written, in words; `what` says what did not happen ("the change was not saved"). */
export function unwritableReason(err: unknown, where: string): string {
  const code = (err as NodeJS.ErrnoException)?.code ?? ''
  if (FULL_CODES.has(code)) return `The disk holding ${where} is full (or over quota)`
  if (code === 'EROFS') return `${where} is on a read-only file system`
  if (READ_ONLY_CODES.has(code)) return `You do not have permission to write to ${where}`
  return `${where} could not be written (${code || (err as Error)?.message || String(err)})`
}

/** A ServiceError for a failed write of `where`: the reason and what it means for the user's change. */
export function writeFailure(err: unknown, where: string, outcome: string): ServiceError {
  if (err instanceof ServiceError) return err
  return new ServiceError(isUnwritable(err) ? 'read-only' : 'internal', `${unwritableReason(err, where)}: ${outcome}`)
}
