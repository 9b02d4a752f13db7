// The incidents table as CSV: the table's columns and a few more, dates at their precision, one row per incident, attributions and responses summarised in a cell each.
import { countryName } from '../countries'
import { INCIDENT_TYPE_LABELS, LEGAL_RESPONSE_TYPE_LABELS, RESPONSE_TYPES, STATE_NEXUS_LABELS, type Actor, type Incident } from '../domain'
import { toCsvWithBom } from './csv'

export const CSV_EXPORT_COLUMNS = ['Title', 'Start', 'End', 'Victims', 'Sponsor', 'Types', 'Nexus', 'Status', 'TLP', 'Actors', 'Attributions', 'Responses', 'Zero-day', 'Intensity', 'Provenance', 'ID'] as const

const RESPONSE_LABEL = new Map<string, string>(RESPONSE_TYPES.map((t) => [t.id, t.label]))

/** One incident's cells, in CSV_EXPORT_COLUMNS order. Dates stay at their precision (`2022`, `2022-07`, `2022-07-15`). */
export function incidentCells(i: Incident, actors: ReadonlyMap<string, Actor>): string[] {
  const name = (id: string | undefined) => (id ? (actors.get(id)?.name ?? id) : '')
  return [
    i.title,
    i.start ?? '',
    i.end ?? '',
    [...new Set(i.victims.map((v) => countryName(v.country)))].join('; '),
    i.sponsorCountries.map(countryName).join('; '),
    i.types.map((t) => INCIDENT_TYPE_LABELS[t]).join('; '),
    STATE_NEXUS_LABELS[i.nexus],
    i.status === 'confirmed' ? 'Confirmed' : 'Draft',
    i.tlp,
    i.actorIds.map((id) => name(id)).join('; '),
    i.attributions
      .map((a) => `${a.attributor}${a.date ? ` (${a.date})` : ''} → ${[a.toCountry ? countryName(a.toCountry) : '', name(a.toActorId)].filter(Boolean).join(' / ') || 'unnamed'}${a.confidence ? `, ${a.confidence} confidence` : ''}`)
      .join(' | '),
    i.responses.map((r) => `${r.actor}${r.date ? ` (${r.date})` : ''}: ${RESPONSE_LABEL.get(r.type) ?? r.type}${r.legalType ? ` [${LEGAL_RESPONSE_TYPE_LABELS[r.legalType]}]` : ''}`).join(' | '),
    i.zeroDay === undefined ? '' : i.zeroDay ? 'Yes' : 'No',
    i.intensity ? String(i.intensity.score) : '',
    i.provenance ? `${i.provenance.dataset}${i.provenance.version ? ` ${i.provenance.version}` : ''} · ${i.provenance.key}` : '',
    i.id,
  ]
}

/** The CSV file (UTF-8 with BOM, formula-escaped) of `incidents` in the order given. */
export function incidentsCsv(incidents: readonly Incident[], actors: readonly Actor[]): string {
  const byId = new Map(actors.map((a) => [a.id, a]))
  return toCsvWithBom(CSV_EXPORT_COLUMNS, incidents.map((i) => incidentCells(i, byId)))
}
