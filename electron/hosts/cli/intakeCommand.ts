// `watchfloor intake`: drafts an incident from an article file and prints it with the evidence for every field; with --apply, creates it (or merges it with --merge) after the same checks as the app.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { countryName } from '../../../shared/countries'
import { articleMediaType } from '../../../shared/intake'
import { formatPartialDate } from '../../../shared/partialDate'
import { ServiceError } from '../../../shared/result'
import { type IntakeService } from '../../core/services/IntakeService'
import { createServices } from '../../core/services/services'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'

export async function intakeCommand(o: { dir: string; file: string; json: boolean; apply: boolean; merge?: string; force: boolean; log(line: string): void }): Promise<number> {
  const mediaType = articleMediaType(o.file)
  if (!mediaType) throw new ServiceError('invalid-input', `${o.file} is not an article intake reads: use .txt, .md, .html, .htm or .pdf.`)
  if (o.merge && !o.apply) throw new ServiceError('invalid-input', '--merge ID goes with --apply.')
  const bytes = await readFile(o.file).catch((err: Error) => {
    throw new ServiceError('not-found', `Cannot read ${o.file}: ${err.message}`)
  })
  const store = await WorkspaceStore.open(o.dir, o.apply ? {} : { readOnly: true })
  try {
    if (o.apply && store.readOnlyReason) throw new ServiceError('read-only', store.readOnlyReason)
    const services = createServices(store)
    const intake: IntakeService = services.intake
    const article = { bytes, fileName: basename(o.file), mediaType }
    const d = await intake.draft(article)
    const evidence = Object.fromEntries(Object.entries(d.evidence).map(([k, v]) => [k, v.sentence]))
    let applied: { incidentId: string; sourceId: string; merged: boolean } | undefined
    if (o.apply) {
      if (!d.isIncident) throw new ServiceError('invalid-input', `Nothing to create: ${d.reason}`)
      const source = { title: d.source.title, publisher: d.source.publisher, url: d.source.url, published: d.source.published }
      const result = await intake.apply(article, d.draft, source, { mergeInto: o.merge, force: o.force })
      applied = { incidentId: result.incident.id, sourceId: result.source.id, merged: result.merged }
    }
    if (o.json) {
      o.log(JSON.stringify({ isIncident: d.isIncident, reason: d.reason || undefined, draft: d.draft, evidence, newActors: d.newActors, matches: d.matches, source: d.source, applied }, null, 2))
      return 0
    }
    if (!d.isIncident) {
      o.log(d.reason)
      return 0
    }
    const dr = d.draft
    o.log(`Draft: ${dr.title}`)
    o.log(`  start        ${dr.start ? formatPartialDate(dr.start, 'long') : '—'}`)
    o.log(`  victims      ${dr.victims.map((v) => countryName(v.country)).join(', ') || '—'}`)
    o.log(`  sponsors     ${dr.sponsorCountries.map(countryName).join(', ') || '—'}`)
    o.log(`  types        ${dr.types.join(', ') || '—'}`)
    o.log(`  nexus        ${dr.nexus}`)
    for (const a of dr.attributions) o.log(`  attribution  ${a.attributor} → ${a.toCountry ? countryName(a.toCountry) : '?'}${a.date ? ` (${formatPartialDate(a.date)})` : ''}${a.confidence ? `, ${a.confidence} confidence` : a.likelihood ? `, ${a.likelihood}` : ''}`)
    for (const r of dr.responses) o.log(`  response     ${r.actor}: ${r.type}${r.target ? ` → ${r.target}` : ''}${r.date ? ` (${formatPartialDate(r.date)})` : ''}`)
    for (const a of d.newActors) o.log(`  new actor    ${a.name} (${a.kind})`)
    for (const m of d.matches) o.log(`  matches      ${m.title} [${m.id}] ${m.score}`)
    o.log(`Source: ${d.source.title}${d.source.publisher ? ` — ${d.source.publisher}` : ''}${d.source.published ? `, ${formatPartialDate(d.source.published)}` : ''}`)
    if (applied) o.log(`${applied.merged ? 'Merged into' : 'Created'} incident ${applied.incidentId}; the article is source ${applied.sourceId}.`)
    else o.log('Nothing was written (add --apply to create the incident, or --apply --merge ID to merge it).')
    return 0
  } finally {
    await store.close()
  }
}
