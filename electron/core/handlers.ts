// The handler table every host serves (Electron IPC, browser host, in-process loopback), and its dispatcher.
import { CHANNELS, type Channel, type Handlers, type Invoke } from '../../shared/contract'
import { isChannel } from '../../shared/channels'
import { describeIssues, toFieldIssues } from '../../shared/issues'
import { fail, ok, ServiceError, type Result } from '../../shared/result'
import type { Session } from './session'

export function createHandlers(session: Session): Handlers {
  const s = () => session.services
  return {
    'workspace:snapshot': () => {
      const { incidents, actors, sources, notes, reports } = s().store.data
      return { info: session.info(), incidents, actors, sources, notes, reports }
    },
    'workspace:info': () => session.info(),
    'workspace:restoreBackup': async () => {
      await s().store.restoreBackup()
      await s().audit.record({ action: 'restore-backup', collection: 'workspace', id: s().store.dir, title: s().store.name, fields: [] })
      return session.info()
    },
    'workspace:repair': async () => {
      const fixes = await s().store.repair()
      await s().audit.record({ action: 'repair', collection: 'workspace', id: s().store.dir, title: s().store.name, fields: fixes })
      return { info: session.info(), fixes }
    },
    'incidents:create': (input) => s().incidents.create(input),
    'incidents:update': ({ id, input }) => s().incidents.update(id, input),
    'incidents:delete': ({ id }) => s().incidents.delete(id),
    'incidents:restore': (record) => s().incidents.restore(record),
    'actors:create': (input) => s().actors.create(input),
    'actors:update': ({ id, input }) => s().actors.update(id, input),
    'actors:delete': ({ id }) => s().actors.delete(id),
    'actors:restore': (record) => s().actors.restore(record),
    'sources:create': (input) => s().sources.create(input),
    'sources:update': ({ id, input }) => s().sources.update(id, input),
    'sources:delete': ({ id }) => s().sources.delete(id),
    'sources:restore': (record) => s().sources.restore(record),
    'notes:create': (input) => s().notes.create(input),
    'notes:update': ({ id, input }) => s().notes.update(id, input),
    'notes:delete': ({ id }) => s().notes.delete(id),
    'notes:restore': (record) => s().notes.restore(record),
    'reports:create': (input) => s().reports.create(input),
    'reports:update': ({ id, input }) => s().reports.update(id, input),
    'reports:delete': ({ id }) => s().reports.delete(id),
    'reports:restore': (record) => s().reports.restore(record),
    'report:export': ({ report, format, figures }) => s().exports.export(report, format, figures),
    'interchange:export': ({ format, scope }) => s().interchange.export(format, scope),
    'interchange:upload': ({ uploadId, chunk }) => s().interchange.upload(uploadId, chunk),
    'interchange:preview': ({ uploadId, fileName, format, campaignsAsIncidents, mapping, datasetVersion, encoding }) => s().interchange.preview({ uploadId }, fileName, format, { campaignsAsIncidents, mapping, datasetVersion, encoding }),
    'interchange:commit': ({ token }) => s().interchange.commit(token),
    'interchange:undo': ({ importId }) => s().interchange.undo(importId),
    'interchange:rejects': ({ token }) => s().interchange.exportRejects(token),
    'datasets:mappings': () => s().interchange.savedMappings(),
    'datasets:saveMapping': (mapping) => s().interchange.saveMapping(mapping),
    'report:progress': () => (session.isOpen ? s().exports.progress : null),
  }
}

/**
 * Runs one call: checks the channel, parses the input with the channel's schema, runs the
 * handler and answers with a Result. Nothing reaches a handler unparsed.
 */
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('invalid-input', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}.`)
  const parsed = CHANNELS[channel].safeParse(input)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error)
    return fail('invalid-input', `Invalid input for ${channel}: ${describeIssues(issues)}`, issues)
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown
    return ok(await handler(parsed.data))
  } catch (err) {
    if (err instanceof ServiceError) return fail(err.code, err.message, err.issues)
    console.error(`[watchfloor] ${channel} failed:`, err)
    return fail('internal', `${channel} failed: ${(err as Error).message ?? String(err)}`)
  }
}

/** An in-process transport that clones values both ways, as IPC would, so serialization bugs show. */
export function loopback(handlers: Handlers): Invoke {
  return async (channel: Channel, input: unknown) => structuredClone(await dispatch(handlers, channel, structuredClone(input)))
}
