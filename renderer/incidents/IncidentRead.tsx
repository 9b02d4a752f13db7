// An incident read at a glance: what happened, to whom, who is behind it, the dated chronology of attributions and responses with their sources' grades, impact and notes; Edit opens the form.
import { useMemo, type ReactNode } from 'react'
import { countryName } from '../../shared/countries'
import {
  admiraltyGrade,
  ATTRIBUTION_BASIS_LABELS,
  INCIDENT_TYPE_LABELS,
  LEGAL_RESPONSE_TYPE_LABELS,
  LIKELIHOOD_TERMS,
  RELIABILITY_LABELS,
  CREDIBILITY_LABELS,
  RESPONSE_TYPES,
  STATE_NEXUS_LABELS,
  type Attribution,
  type Incident,
  type IncidentResponse,
  type Source,
} from '../../shared/domain'
import { comparePartialDates } from '../../shared/partialDate'
import { datasetFields } from '../../shared/report/sections'
import { backlinks, parseWikiLinks, recordIndex } from '../../shared/wikiLinks'
import { formatDate } from '../locale'
import { useApp } from '../state/store'
import { openIncidentForm } from './actions'

type Entry = { kind: 'attribution'; claim: Attribution; order: number } | { kind: 'response'; claim: IncidentResponse; order: number }

/** Attributions and responses in date order (undated last, each kind in its own order otherwise). */
function chronology(incident: Incident): Entry[] {
  const entries: Entry[] = [
    ...incident.attributions.map((claim, order) => ({ kind: 'attribution' as const, claim, order })),
    ...incident.responses.map((claim, order) => ({ kind: 'response' as const, claim, order: order + incident.attributions.length })),
  ]
  return entries.sort((a, b) => comparePartialDates(a.claim.date, b.claim.date) || a.order - b.order)
}

function Grades({ ids, sources }: { ids: string[]; sources: ReadonlyMap<string, Source> }) {
  const cited = ids.map((id) => sources.get(id)).filter((s): s is Source => !!s)
  if (cited.length === 0) return null
  return (
    <ul className="read-sources" aria-label="Sources">
      {cited.map((s) => (
        <li key={s.id}>
          <span className="grade" title={`${RELIABILITY_LABELS[s.reliability]}; ${CREDIBILITY_LABELS[s.credibility]}`}>
            {admiraltyGrade(s)}
          </span>{' '}
          {s.title}
          {s.publisher ? <span className="muted"> — {s.publisher}</span> : null}
        </li>
      ))}
    </ul>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

export function IncidentRead({ incident }: { incident: Incident }) {
  const actors = useApp((s) => s.actors)
  const sources = useApp((s) => s.sources)
  const notes = useApp((s) => s.notes)
  const incidents = useApp((s) => s.incidents)
  const actorName = useMemo(() => new Map(actors.map((a) => [a.id, a.name])), [actors])
  const sourceById = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources])
  const entries = useMemo(() => chronology(incident), [incident])
  const mentioned = useMemo(() => backlinks(notes, incident.id), [notes, incident.id])
  const titles = useMemo(() => recordIndex({ incidents, actors, sources, notes }), [incidents, actors, sources, notes])

  // The first paragraph is the lede; the rest waits behind a disclosure so the chronology stays in view.
  const [lede, ...more] = incident.summary.split(/\n{2,}/).filter((p) => p.trim())
  const dates = [incident.start ? formatDate(incident.start, 'long') : 'Start not known', incident.end ? `to ${formatDate(incident.end, 'long')}` : ''].filter(Boolean).join(' ')
  const linkedActor = (id: string | undefined, label: string) => (id && actorName.get(id) && actorName.get(id) !== label ? ` (${actorName.get(id)})` : '')
  /** A note's text with its links written as the titles they name, cut to a readable length. */
  const excerpt = (body: string) => {
    let text = body
    for (const l of parseWikiLinks(body).reverse()) text = text.slice(0, l.from) + (l.label ?? titles.get(l.id)?.title ?? l.id) + text.slice(l.to)
    text = text.replace(/\s+/g, ' ').trim()
    return text.length > 280 ? `${text.slice(0, 279)}…` : text
  }

  return (
    <article
      className="incident-read"
      aria-label={`Incident ${incident.title}`}
      data-record={incident.id}
      onKeyDown={(e) => {
        const typing = (e.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')
        if (e.key.toLowerCase() === 'e' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing) {
          e.preventDefault()
          openIncidentForm(incident.id)
        }
      }}
    >
      <header className="form-head">
        <h2>{incident.title}</h2>
        {incident.sample ? <span className="badge sample">Sample data</span> : null}
        <span className="badge">{incident.status === 'confirmed' ? 'Confirmed' : 'Draft'}</span>
        <span className={`tlp tlp-${incident.tlp.toLowerCase().replace('+', '-')}`}>TLP:{incident.tlp}</span>
        <button type="button" className="primary read-edit" onClick={() => openIncidentForm(incident.id)} title="Edit this incident (E)" aria-keyshortcuts="E">
          Edit
        </button>
      </header>
      <dl className="read-facts">
        <Row label="When">
          {dates}
          {incident.disclosed ? <span className="muted"> · disclosed {formatDate(incident.disclosed, 'long')}</span> : null}
        </Row>
        <Row label="Victims">
          {incident.victims.length === 0
            ? 'None recorded'
            : incident.victims.map((v, n) => (
                <span key={n} className="read-item">
                  {countryName(v.country)}
                  {v.sector || v.organisation ? <span className="muted"> ({[v.organisation, v.sector].filter(Boolean).join(', ')})</span> : null}
                </span>
              ))}
        </Row>
        <Row label="Sponsors">{incident.sponsorCountries.length === 0 ? 'None recorded' : incident.sponsorCountries.map(countryName).join(', ')}</Row>
        <Row label="State nexus">{STATE_NEXUS_LABELS[incident.nexus]}</Row>
        {incident.actorIds.length > 0 ? <Row label="Threat actors">{incident.actorIds.map((id) => actorName.get(id) ?? id).join(', ')}</Row> : null}
        {incident.types.length > 0 ? <Row label="Types">{incident.types.map((t) => INCIDENT_TYPE_LABELS[t]).join(', ')}</Row> : null}
        {incident.severity ? <Row label="Severity">{`${incident.severity} of 5`}</Row> : null}
        {datasetFields(incident).map(([label, value]) => (
          <Row key={label} label={label}>
            {value}
          </Row>
        ))}
      </dl>
      {lede ? (
        <section aria-label="Summary" className="read-text">
          <p>{lede}</p>
          {more.length > 0 ? (
            <details>
              <summary>Full summary ({more.length + 1} paragraphs)</summary>
              {more.map((p, n) => (
                <p key={n}>{p}</p>
              ))}
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="read-chronology">
        <h3 id="read-chronology">
          Chronology <span className="count">({entries.length})</span>
        </h3>
        {entries.length === 0 ? (
          <p className="muted">No attribution or response recorded yet. Edit the incident to add who attributed it and what followed.</p>
        ) : (
          <ol className="read-chronology" aria-label="Attributions and responses in date order">
            {entries.map((e) => (
              <li key={e.claim.id} className={`read-entry read-${e.kind}`} data-date={e.claim.date ?? ''}>
                <span className="read-date">{e.claim.date ? formatDate(e.claim.date) : 'Undated'}</span>
                <div>
                  {e.kind === 'attribution' ? (
                    <p className="read-claim">
                      <span className="read-kind">Attribution</span> <strong>{e.claim.attributor}</strong>
                      {linkedActor(e.claim.attributorActorId, e.claim.attributor)} attributes it to{' '}
                      <strong>{[...new Set([e.claim.toActorId ? actorName.get(e.claim.toActorId) : undefined, e.claim.toCountry ? countryName(e.claim.toCountry) : undefined].filter(Boolean))].join(' / ') || 'no one named'}</strong>
                      {e.claim.confidence || e.claim.likelihood ? (
                        <span className="muted">
                          {' '}
                          ({[LIKELIHOOD_TERMS.find((t) => t.id === e.claim.likelihood)?.label, e.claim.confidence ? `${e.claim.confidence} confidence` : ''].filter(Boolean).join(', ')})
                        </span>
                      ) : null}
                      {e.claim.basis.length > 0 ? <span className="muted"> · {e.claim.basis.map((b) => ATTRIBUTION_BASIS_LABELS[b]).join(', ')}</span> : null}
                    </p>
                  ) : (
                    <p className="read-claim">
                      <span className="read-kind">Response</span> <strong>{e.claim.actor}</strong>
                      {linkedActor(e.claim.actorId, e.claim.actor)}: {RESPONSE_TYPES.find((t) => t.id === e.claim.type)?.label ?? e.claim.type}
                      {e.claim.legalType ? ` (${LEGAL_RESPONSE_TYPE_LABELS[e.claim.legalType]})` : ''}
                      {e.claim.target ? ` against ${e.claim.target}` : ''}
                    </p>
                  )}
                  {e.kind === 'attribution' && e.claim.statement ? <p className="read-quote">{e.claim.statement}</p> : null}
                  {e.kind === 'response' && e.claim.description ? <p className="read-quote">{e.claim.description}</p> : null}
                  <Grades ids={e.claim.sourceIds} sources={sourceById} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      {incident.impact ? (
        <section aria-labelledby="read-impact" className="read-text">
          <h3 id="read-impact">Impact</h3>
          <p>{incident.impact}</p>
        </section>
      ) : null}

      {incident.sourceIds.length > 0 ? (
        <section aria-labelledby="read-sources">
          <h3 id="read-sources">
            Sources <span className="count">({incident.sourceIds.length})</span>
          </h3>
          <Grades ids={incident.sourceIds} sources={sourceById} />
        </section>
      ) : null}

      {mentioned.length > 0 ? (
        <section aria-labelledby="read-notes">
          <h3 id="read-notes">Analyst notes</h3>
          <ul className="read-notes">
            {mentioned.map((n) => (
              <li key={n.id}>
                <strong>{n.title}</strong>
                {n.date ? <span className="muted"> · {formatDate(n.date)}</span> : null}
                {n.body ? <p>{excerpt(n.body)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
