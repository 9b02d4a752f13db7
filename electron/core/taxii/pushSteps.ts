// The steps of a TAXII push that need no workspace: cutting objects into pages under the server's limit, asking which versions the collection holds, following a page's status to its end or a deadline, and saying in words when the server has not confirmed a page.
import { TaxiiError, type CollectionInfo, type StatusResource, type TaxiiClient } from './TaxiiClient'

/** How long a push waits, by default, for the server to confirm one page. */
export const STATUS_DEADLINE_MS = 10 * 60_000

/** The version of an object a server tells apart: its `modified`, else `created`, else its id alone (immutable). */
export const versionOf = (o: Record<string, unknown>) => String(o.modified ?? o.created ?? '-')

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** “10 minutes”, “90 seconds”: a wait in words. */
export const duration = (ms: number) => (ms >= 120_000 ? plural(Math.round(ms / 60_000), 'minute') : ms < 1000 ? 'under a second' : plural(Math.round(ms / 1000), 'second'))

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new TaxiiError('Stopped before the server finished.'))
    })
  })

/** Splits objects into envelopes of at most `maxBytes` bytes and `maxObjects` objects; an object too big on its own is refused before anything is sent. */
export function pagesOf(objects: Record<string, unknown>[], maxBytes: number, maxObjects: number): Record<string, unknown>[][] {
  const pages: Record<string, unknown>[][] = []
  const envelope = Buffer.byteLength('{"objects":[]}')
  let page: Record<string, unknown>[] = []
  let bytes = envelope
  for (const o of objects) {
    const size = Buffer.byteLength(JSON.stringify(o)) + 1
    if (envelope + size > maxBytes) {
      throw new TaxiiError(`The ${o.type} ${o.id} alone is ${Math.ceil(size / 1024)} KB, more than the server accepts in one request (${Math.floor(maxBytes / 1024)} KB); shorten it (its text or attachments) and push again. Nothing was sent.`, 413)
    }
    if (page.length > 0 && (bytes + size > maxBytes || page.length >= maxObjects)) {
      pages.push(page)
      page = []
      bytes = envelope
    }
    page.push(o)
    bytes += size
  }
  if (page.length > 0) pages.push(page)
  return pages
}

/** Every version the collection holds of each of `ids`. */
export async function versionsOnServer(client: TaxiiClient, c: CollectionInfo, ids: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  for (let at = 0; at < ids.length; at += 100) {
    let next: string | undefined
    do {
      const page = await client.getObjects(c, { ids: ids.slice(at, at + 100), allVersions: true, limit: 100, next })
      for (const o of page.objects) {
        const versions = out.get(o.id as string) ?? new Set()
        versions.add(versionOf(o))
        out.set(o.id as string, versions)
      }
      next = page.more ? page.next : undefined
    } while (next)
  }
  return out
}

/**
 * Follows a status resource until the server calls it complete, or `deadlineMs` (from now) passes: then the
 * last status read, still pending, is returned. `waiting` hears how many objects are still pending and for
 * how long, at each look.
 */
export async function followStatus(client: TaxiiClient, collection: CollectionInfo, first: StatusResource | string, deadlineMs: number, signal: AbortSignal | undefined, waiting: (pending: number, waitedMs: number) => void): Promise<StatusResource> {
  const started = Date.now()
  const deadline = started + deadlineMs
  let status = typeof first === 'string' ? await client.status(collection.apiRoot, first) : first
  for (let delay = 200; status.status !== 'complete'; delay = Math.min(delay * 2, 5000)) {
    waiting(status.pendingCount || status.pendings.length || status.totalCount - status.successCount - status.failureCount, Date.now() - started)
    const left = deadline - Date.now()
    if (left <= 0) break
    await wait(Math.min(delay, left), signal)
    status = await client.status(collection.apiRoot, status.id)
  }
  return status
}

/** What a push that ends on a page the server has not confirmed says about it. */
export interface Unconfirmed {
  pageSize: number
  pending: number
  /** Objects sent and accepted so far by this push. */
  accepted: number
  /** Objects this push did not get to send. */
  notSent: number
  deadlineMs: number
  /** True when the page was sent by an earlier push and this one only asked about it. */
  resumed: boolean
}

/** The end of a push whose page the server has not confirmed within the deadline, in words: what was sent, what is not confirmed, what the next push does. */
export function unconfirmedError(collection: CollectionInfo, u: Unconfirmed): TaxiiError {
  const waited = duration(u.deadlineMs)
  const head = u.resumed
    ? `The server has still not confirmed ${u.pending === u.pageSize ? `the ${plural(u.pageSize, 'object')}` : `${u.pending} of the ${u.pageSize} objects`} an earlier push sent to “${collection.title}” (waited ${waited} more); nothing new was sent.`
    : `The server took the last page sent to “${collection.title}” (${plural(u.pageSize, 'object')}) but has not confirmed ${u.pending === u.pageSize ? 'it' : `${u.pending} of them`} within ${waited}: it still reports ${u.pending === 1 ? 'it' : 'them'} as pending. So far ${plural(u.accepted, 'object was', 'objects were')} sent and accepted${u.notSent > 0 ? `; ${u.notSent} not sent yet` : ''}.`
  const next = collection.canRead
    ? 'Push again later: the next push asks the server about that page before sending anything and sends again only what the server does not hold, so nothing is sent twice.'
    : 'Push again later: the next push asks the server about that page before sending anything, and sends those objects again only if the server no longer knows that page (this collection cannot be read to check).'
  return new TaxiiError(`${head} ${next}`)
}
