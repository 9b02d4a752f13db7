// A temp workspace opened in a Session with the typed client over the in-process loopback, for service-level tests.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { createHandlers, loopback } from '../../electron/core/handlers'
import type { PdfRenderer } from '../../electron/core/services/report/PdfRenderer'
import { Session } from '../../electron/core/session'
import type { OpenOptions } from '../../electron/core/store/WorkspaceStore'
import { createClient, type Client } from '../../shared/contract'
import { WorkbenchError } from '../../shared/result'

export interface TestWorkspace {
  /** Temp folder holding the workspace folder `dir` (and anything else a test writes). */
  root: string
  dir: string
  session: Session
  client: Client
}

/** Opens a new workspace in a temp folder; `options.create` says what it holds. */
export async function openTestWorkspace(prefix: string, options: OpenOptions, pdf?: PdfRenderer): Promise<TestWorkspace> {
  const root = await mkdtemp(join(tmpdir(), `watchfloor-${prefix}-`))
  const dir = join(root, 'ws')
  const session = new Session(pdf)
  await session.open(dir, options)
  return { root, dir, session, client: createClient(loopback(createHandlers(session))) }
}

export async function closeTestWorkspace(t: Pick<TestWorkspace, 'root' | 'session'>): Promise<void> {
  await t.session.close()
  await rm(t.root, { recursive: true, force: true })
}

/** The error a call rejects with, checked to be the client's WorkbenchError. */
export async function failure(call: Promise<unknown>): Promise<WorkbenchError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(WorkbenchError)
  return err as WorkbenchError
}
