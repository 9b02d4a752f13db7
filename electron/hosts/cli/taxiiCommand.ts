// `watchfloor taxii DIR test|collections|push|pull`: team sync over TAXII 2.1 from scripts, with the same services, checks and accounting as the Sharing view.
import { IMPORT_OUTCOMES, type DataExportScope } from '../../../shared/interchange'
import { ServiceError } from '../../../shared/result'
import { InterchangeService } from '../../core/services/InterchangeService'
import { secretKey, SharingService, type Target } from '../../core/services/SharingService'
import { AuditLog } from '../../core/store/AuditLog'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'
import { FileSecretStore } from '../../core/taxii/secretStore'
import { TaxiiClient } from '../../core/taxii/TaxiiClient'
import { filterFrom } from './interchangeCommand'

export const TAXII_ACTIONS = ['test', 'collections', 'push', 'pull'] as const

export interface TaxiiCommandOptions {
  dir: string
  passphrase?: string
  action?: string
  server?: string
  collection?: string
  user?: string
  passwordEnv?: string
  tokenEnv?: string
  tokenHeader?: string
  filters: string[]
  dryRun: boolean
  json: boolean
  env: NodeJS.ProcessEnv
  log(line: string): void
}

/** The server and how to sign in: a password or token from the named environment variable, else the one saved for this server and user. */
async function targetOf(o: TaxiiCommandOptions): Promise<Target> {
  if (!o.server) throw new ServiceError('invalid-input', 'taxii needs --server URL (the server’s TAXII discovery address).')
  const server = new TaxiiClient({ discoveryUrl: o.server, auth: { kind: 'none' } }).discoveryUrl
  const fromEnv = (name: string) => {
    const value = o.env[name]
    if (!value) throw new ServiceError('invalid-input', `The environment variable ${name} is empty or not set.`)
    return value
  }
  if (o.tokenEnv) return { server, auth: { kind: 'token', header: o.tokenHeader ?? 'Authorization', token: fromEnv(o.tokenEnv) } }
  if (!o.user) return { server, auth: { kind: 'none' } }
  if (o.passwordEnv) return { server, auth: { kind: 'basic', user: o.user, password: fromEnv(o.passwordEnv) } }
  const saved = await new FileSecretStore().get(secretKey({ server, auth: 'basic', user: o.user }))
  if (saved === null) throw new ServiceError('invalid-input', `No password is saved for ${o.user} on ${new URL(server).origin}; pass --password-env VAR naming an environment variable that holds it.`)
  return { server, auth: { kind: 'basic', user: o.user, password: saved } }
}

export async function taxiiCommand(o: TaxiiCommandOptions): Promise<number> {
  if (!o.action || !(TAXII_ACTIONS as readonly string[]).includes(o.action)) throw new ServiceError('invalid-input', `taxii takes one of ${TAXII_ACTIONS.join(', ')} after the folder.`)
  const target = await targetOf(o)
  const writes = (o.action === 'pull' || o.action === 'push') && !o.dryRun
  const store = await WorkspaceStore.open(o.dir, { readOnly: !writes, passphrase: o.passphrase })
  try {
    if (writes && store.readOnlyReason) throw new ServiceError('read-only', store.readOnlyReason)
    const audit = new AuditLog(store.dir, () => store.cipher)
    const interchange = new InterchangeService(store, audit)
    const sharing = new SharingService(store, interchange, audit, new FileSecretStore())
    if (o.action === 'test' || o.action === 'collections') {
      const test = await sharing.test(target)
      if (o.json) {
        o.log(JSON.stringify(test, null, 2))
        return 0
      }
      const collections = test.apiRoots.flatMap((r) => r.collections)
      o.log(`${test.title} (${test.server}): ${test.apiRoots.length} API root${test.apiRoots.length === 1 ? '' : 's'}, ${collections.length} collection${collections.length === 1 ? '' : 's'}`)
      if (o.action === 'collections' || collections.length > 0) {
        for (const r of test.apiRoots) {
          o.log(`  ${r.title} — ${r.url} (requests up to ${Math.floor(r.maxContentLength / 1024)} KB)`)
          for (const c of r.collections) o.log(`    ${c.id}  ${c.title}  [${[c.canRead ? 'read' : '', c.canWrite ? 'write' : ''].filter(Boolean).join(', ') || 'no access'}]`)
        }
      }
      return 0
    }
    if (!o.collection) throw new ServiceError('invalid-input', `taxii ${o.action} needs --collection ID (see \`watchfloor taxii ${o.dir} collections --server …\`).`)
    const ref = { id: o.collection }
    if (o.action === 'push') {
      const scope: DataExportScope = o.filters.length > 0 ? { kind: 'filter', filter: filterFrom(o.filters) } : { kind: 'all' }
      const r = await sharing.push(target, ref, scope, { dryRun: o.dryRun })
      if (o.json) o.log(JSON.stringify({ ...r, dryRun: o.dryRun }, null, 2))
      else if (o.dryRun) o.log(`Would send ${r.toSend} of ${r.total} objects to “${r.collection}” in ${r.pages} page${r.pages === 1 ? '' : 's'} (${r.unchanged} unchanged since the last push). Nothing was sent.`)
      else {
        o.log(`Pushed to “${r.collection}”: ${r.succeeded} sent, ${r.failures.length} refused, ${r.unchanged} unchanged since the last push${r.alreadyThere ? `, ${r.alreadyThere} already there` : ''} (${r.pages} page${r.pages === 1 ? '' : 's'}).`)
        for (const f of r.failures) o.log(`  refused: ${f.type} ${f.id}: ${f.message}`)
      }
      return r.failures.length > 0 ? 1 : 0
    }
    const r = await sharing.pull(target, ref, { dryRun: o.dryRun })
    const p = r.preview
    if (o.json) o.log(JSON.stringify({ collection: r.collection, fetched: r.fetched, pages: r.pages, dryRun: o.dryRun, ...(p ? { total: p.total, totals: p.totals, byType: Object.fromEntries(p.byType.map((t) => [t.type, t.counts])), notImported: p.notImported, writes: p.writes } : {}) }, null, 2))
    else if (!p) o.log(`Nothing new in “${r.collection}” since the last pull.`)
    else {
      o.log(`“${r.collection}”: ${p.total} new objects — ${IMPORT_OUTCOMES.map((k) => `${p.totals[k]} ${k}`).join(', ')}`)
      for (const t of p.byType) o.log(`  ${t.type.padEnd(32)} ${IMPORT_OUTCOMES.filter((k) => t.counts[k] > 0).map((k) => `${t.counts[k]} ${k}`).join(', ')}`)
      for (const n of p.notImported) o.log(`  ${n.outcome}: ${n.type} ${n.id}: ${n.reason}`)
    }
    if (!p || o.dryRun || Object.values(p.writes).every((n) => n === 0)) return 0
    const committed = await interchange.commit(p.token)
    if (!o.json) o.log(`Imported into ${store.dir}: ${Object.entries(committed.writes).map(([k, v]) => `${v} ${k}`).join(', ')} (a backup was taken first).`)
    return 0
  } finally {
    await store.close()
  }
}
