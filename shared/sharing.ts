// What the renderer and the CLI see of team sync over TAXII 2.1: connections (never their secrets), a connection test, and the results of a push and a pull.
import { z } from 'zod'
import { ExportScopeSchema, type ImportPreview } from './interchange'

export const AUTH_KINDS = ['basic', 'token', 'none'] as const
export type AuthKind = (typeof AUTH_KINDS)[number]

/** A TAXII server as the workspace remembers it: address and how to sign in, without the password or token. */
export interface Connection {
  id: string
  name: string
  /** The server's discovery URL. */
  server: string
  auth: AuthKind
  /** User name for `basic`. */
  user?: string
  /** Header carrying the token for `token` (e.g. Authorization, with the token written as `Bearer …`). */
  tokenHeader?: string
}

/** A connection as the window sees it: whether a secret is saved, never the secret. */
export interface ConnectionView extends Connection {
  savedCredentials: boolean
}

export interface SharingOverview {
  connections: ConnectionView[]
  /** Where passwords and tokens are kept, in words. */
  secretStore: string
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/

export const ConnectionInputSchema = z
  .object({
    /** Absent for a new connection. */
    id: z.uuid().optional(),
    name: z.string().trim().min(1, { error: 'Give the connection a name' }).max(200),
    server: z
      .string()
      .trim()
      .min(1, { error: 'Give the server’s TAXII discovery address' })
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/i, { error: 'The address must start with https:// (or http:// on this machine)' }),
    auth: z.enum(AUTH_KINDS, { error: 'Pick how to sign in: basic, token or none' }),
    user: z.string().trim().max(200).optional(),
    tokenHeader: z.string().trim().regex(HEADER_NAME, { error: 'A header name is letters, digits and - only' }).optional(),
    /** A new password or token; absent or empty keeps the saved one. */
    secret: z.string().max(10_000).optional(),
  })
  .strict()
  .refine((c) => c.auth !== 'basic' || !!c.user, { error: 'Basic sign-in needs a user name', path: ['user'] })
export type ConnectionInput = z.input<typeof ConnectionInputSchema>

/** A collection on a server: its API root's URL and its id. */
export const CollectionRefSchema = z.object({ apiRoot: z.string().url().max(2000), id: z.string().min(1).max(200) }).strict()
export type CollectionRef = z.infer<typeof CollectionRefSchema>

export const PushInputSchema = z.object({ connection: z.uuid(), collection: CollectionRefSchema, scope: ExportScopeSchema }).strict()
export const PullInputSchema = z.object({ connection: z.uuid(), collection: CollectionRefSchema }).strict()

/** A collection as the server describes it, with what this account may do in it. */
export interface CollectionInfo {
  id: string
  title: string
  description?: string
  canRead: boolean
  canWrite: boolean
  apiRoot: string
}

export interface CollectionView extends CollectionInfo {
  /** When this workspace last pushed to / pulled from it (ISO), if ever. */
  lastPush?: string
  lastPull?: string
}

export interface ConnectionTest {
  server: string
  title: string
  apiRoots: { url: string; title: string; maxContentLength: number; collections: CollectionView[] }[]
}

export interface PushResult {
  collection: string
  /** Objects the export holds. */
  total: number
  /** New or changed since the last push: what this push sends (or, dry run, would send). */
  toSend: number
  /** Already on the server as they are now (sent before, unchanged since). */
  unchanged: number
  /** Sent by this push, and accepted. */
  succeeded: number
  failures: { id: string; type: string; message: string }[]
  pages: number
  /** Found on the server already, as they are here (after an interrupted push, or sent from another workspace): not counted as sent. */
  alreadyThere: number
}

export interface PullResult {
  collection: string
  /** Objects the server sent (new since the last pull). */
  fetched: number
  pages: number
  /** The import preview of what arrived; null when nothing new arrived. */
  preview: ImportPreview | null
}

/** Work under way, for the progress line. */
export interface SharingProgress {
  stage: string
  done: number
  total: number
}
