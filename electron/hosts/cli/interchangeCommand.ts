// `watchfloor export` and `watchfloor import`: STIX 2.1 and MISP out of and into a workspace, with the same checks and accounting as the app.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { EMPTY_FILTER, type IncidentFilter } from '../../../shared/filter'
import { FilterSchema } from '../../../shared/domain'
import { IMPORT_OUTCOMES, INTERCHANGE_FORMATS, type DataExportScope, type InterchangeFormat } from '../../../shared/interchange'
import { ServiceError } from '../../../shared/result'
import { writeFileAtomic } from '../../core/fs/atomicWrite'
import { InterchangeService } from '../../core/services/InterchangeService'
import { AuditLog } from '../../core/store/AuditLog'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'

/** `--filter victim=AL --filter type=wiper --filter from=2022-07 …`: the app-wide filter's fields. */
export function filterFrom(pairs: readonly string[]): IncidentFilter {
  const raw: Record<string, string> = {}
  for (const pair of pairs) {
    const m = /^(text|victim|sponsor|type|nexus|from|to)=(.*)$/s.exec(pair)
    if (!m) throw new ServiceError('invalid-input', `--filter takes KEY=VALUE with KEY one of text, victim, sponsor, type, nexus, from, to; not ${JSON.stringify(pair)}.`)
    raw[m[1]] = m[2]
  }
  const parsed = FilterSchema.safeParse({ ...EMPTY_FILTER, ...raw, ...(raw.victim ? { victim: raw.victim.toUpperCase() } : {}), ...(raw.sponsor ? { sponsor: raw.sponsor.toUpperCase() } : {}) })
  if (!parsed.success) throw new ServiceError('invalid-input', `--filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

function formatOf(value: string | undefined, allowed: readonly string[]): string {
  if (!value || !allowed.includes(value)) throw new ServiceError('invalid-input', `--format must be one of ${allowed.join(', ')}.`)
  return value
}

export async function exportCommand(o: { dir: string; passphrase?: string; format?: string; out?: string; filters: string[]; log(line: string): void }): Promise<number> {
  const format = formatOf(o.format, INTERCHANGE_FORMATS) as InterchangeFormat
  if (!o.out) throw new ServiceError('invalid-input', 'export needs --out FILE.')
  const store = await WorkspaceStore.open(o.dir, { readOnly: true, passphrase: o.passphrase })
  try {
    const scope: DataExportScope = o.filters.length > 0 ? { kind: 'filter', filter: filterFrom(o.filters) } : { kind: 'all' }
    const { text, objects } = new InterchangeService(store, new AuditLog(store.dir, () => store.cipher)).render(format, scope)
    await writeFileAtomic(resolve(o.out), text)
    o.log(`Wrote ${objects} ${format === 'stix' ? 'STIX objects' : 'MISP events'} to ${resolve(o.out)}`)
    return 0
  } finally {
    await store.close()
  }
}

export async function importCommand(o: { dir: string; file: string; passphrase?: string; format?: string; dryRun: boolean; json: boolean; campaigns: boolean; log(line: string): void }): Promise<number> {
  const format = formatOf(o.format ?? 'auto', ['auto', ...INTERCHANGE_FORMATS]) as InterchangeFormat | 'auto'
  const text = await readFile(o.file, 'utf8').catch((err: Error) => {
    throw new ServiceError('not-found', `Cannot read ${o.file}: ${err.message}`)
  })
  const store = await WorkspaceStore.open(o.dir, { readOnly: o.dryRun, passphrase: o.passphrase })
  try {
    if (!o.dryRun && store.readOnlyReason) throw new ServiceError('read-only', store.readOnlyReason)
    const service = new InterchangeService(store, new AuditLog(store.dir, () => store.cipher))
    const preview = service.preview({ text }, o.file, format, { campaignsAsIncidents: o.campaigns })
    if (o.json) {
      o.log(JSON.stringify({ file: o.file, format: preview.format, total: preview.total, totals: preview.totals, byType: Object.fromEntries(preview.byType.map((t) => [t.type, t.counts])), notImported: preview.notImported, writes: preview.writes, dryRun: o.dryRun }, null, 2))
    } else {
      o.log(`${o.file} (${preview.format}): ${preview.total} objects — ${IMPORT_OUTCOMES.map((k) => `${preview.totals[k]} ${k}`).join(', ')}`)
      for (const t of preview.byType) o.log(`  ${t.type.padEnd(32)} ${IMPORT_OUTCOMES.filter((k) => t.counts[k] > 0).map((k) => `${t.counts[k]} ${k}`).join(', ')}`)
      for (const n of preview.notImported) o.log(`  ${n.outcome}: ${n.type} ${n.id}: ${n.reason}`)
    }
    if (o.dryRun) return 0
    const committed = await service.commit(preview.token)
    if (!o.json) o.log(`Imported into ${store.dir}: ${Object.entries(committed.writes).map(([k, v]) => `${v} ${k}`).join(', ')} (a backup was taken first).`)
    return 0
  } finally {
    await store.close()
  }
}
