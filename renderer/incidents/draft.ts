// The incident form's draft: every field present, built from a stored incident or blank, plus error lookup.
import { blankIncident, type Incident } from '../../shared/domain'
import type { FieldIssue } from '../../shared/result'

/** An incident's own fields, defaults filled in, as the form edits them. */
export type Draft = Omit<Incident, 'id' | 'createdAt' | 'updatedAt'>

export const blankDraft: () => Draft = blankIncident

export function draftOf(incident: Incident): Draft {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = incident
  return structuredClone(fields) as Draft
}

export type Errors = Record<string, string>

/** Field issues keyed by dotted path; the first message per path wins. */
export function errorsOf(issues: FieldIssue[]): Errors {
  const out: Errors = {}
  for (const i of issues) out[i.path] ??= i.message
  return out
}

/** A fresh id for a nested attribution or response. */
export const newId = (prefix: string) => `${prefix}-${crypto.randomUUID()}`
