// Turns zod failures into field issues with plain messages a user can act on.
import type { z } from 'zod'
import type { FieldIssue } from './result'

/** Flattens a ZodError into `{path, message}` pairs, paths dotted (`victims.0.country`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/** One line summarising the issues, for a toast or a CLI. */
export function describeIssues(issues: FieldIssue[], max = 3): string {
  const parts = issues.slice(0, max).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : ''
  return parts.join('; ') + more
}
