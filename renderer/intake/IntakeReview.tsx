// The review of a drafted incident: each proposal with its evidence sentence, accepted or rejected one by one, dates and the source editable; then create, or merge into the matched incident.
import type { ReactNode } from 'react'
import { countryName } from '../../shared/countries'
import { ACTOR_KIND_LABELS, INCIDENT_TYPE_LABELS, LIKELIHOOD_TERMS, RESPONSE_TYPES, STATE_NEXUS_LABELS } from '../../shared/domain'
import { formatPartialDate } from '../../shared/partialDate'
import { useApp } from '../state/store'
import { applyIntake, backToPaste, closeIntake, setClaimDate, setIntakeSource, setIntakeStart, setIntakeTarget, setIntakeTitle, toggleProposal } from './actions'
import { ArticleEvidence } from './ArticleEvidence'

const responseLabel = (type: string) => RESPONSE_TYPES.find((t) => t.id === type)?.label ?? type
const likelihoodLabel = (id?: string) => LIKELIHOOD_TERMS.find((t) => t.id === id)?.label

function showEvidence(start: number): void {
  const mark = document.getElementById(`evidence-${start}`)
  mark?.scrollIntoView({ block: 'center' })
  mark?.classList.add('flash')
  setTimeout(() => mark?.classList.remove('flash'), 1200)
}

function Proposal({ k, label, children }: { k: string; label: string; children?: ReactNode }) {
  const rejected = useApp((s) => s.intake?.rejected.includes(k) ?? false)
  const evidence = useApp((s) => s.intake?.draft?.evidence[k])
  return (
    <li className={rejected ? 'proposal rejected' : 'proposal'} data-key={k}>
      <label className="proposal-head">
        <input type="checkbox" checked={!rejected} onChange={() => toggleProposal(k)} />
        <span>{label}</span>
      </label>
      {children}
      {evidence ? (
        <blockquote className="proposal-evidence">
          “{evidence.sentence.length > 240 ? `${evidence.sentence.slice(0, 240)}…` : evidence.sentence}”{' '}
          <button type="button" className="link" onClick={() => showEvidence(evidence.start)} aria-label={`Show the sentence for ${label} in the article`}>
            Show
          </button>
        </blockquote>
      ) : null}
    </li>
  )
}

function ClaimDate({ k, date }: { k: string; date?: string }) {
  const typed = useApp((s) => s.intake?.dates[k])
  return (
    <label className="proposal-date">
      Date
      <input value={typed ?? (date ? formatPartialDate(date, 'long') : '')} onChange={(e) => setClaimDate(k, e.target.value)} placeholder="e.g. July 2022" />
    </label>
  )
}

export function IntakeReview() {
  const i = useApp((s) => s.intake)!
  const actors = useApp((s) => s.actors)
  const d = i.draft!
  const draft = d.draft
  const busy = !!i.stage
  if (!d.isIncident) {
    return (
      <div className="intake-none">
        <p role="status">{d.reason}</p>
        <div className="modal-buttons">
          <button type="button" onClick={backToPaste}>
            Try another article
          </button>
          <button type="button" onClick={closeIntake}>
            Close
          </button>
        </div>
      </div>
    )
  }
  const actorName = (id: string) => actors.find((a) => a.id === id)?.name ?? id
  const merging = i.target !== 'new'
  return (
    <div className="intake-review">
      <ArticleEvidence text={d.text} evidence={d.evidence} rejected={i.rejected} />
      <form
        className="intake-proposals"
        aria-label="Proposals"
        onSubmit={(e) => {
          e.preventDefault()
          void applyIntake()
        }}
      >
        <fieldset>
          <legend>Incident</legend>
          <label>
            Title
            <input value={i.title} onChange={(e) => setIntakeTitle(e.target.value)} disabled={merging} />
          </label>
          <label>
            Start
            <input value={i.start ? (i.start === draft.start ? formatPartialDate(i.start, 'long') : i.start) : ''} onChange={(e) => setIntakeStart(e.target.value)} placeholder="e.g. July 2022" />
          </label>
          {d.evidence.start ? (
            <p className="proposal-evidence small">
              Start from: “{d.evidence.start.sentence.slice(0, 200)}”{' '}
              <button type="button" className="link" onClick={() => showEvidence(d.evidence.start.start)}>
                Show
              </button>
            </p>
          ) : null}
        </fieldset>
        <ul className="proposal-list" aria-label="Victims, sponsors, types and actors">
          {draft.victims.map((v, n) => (
            <Proposal key={`v${n}`} k={`victims.${n}`} label={`Victim: ${countryName(v.country)}${v.sector ? ` (${v.sector.toLowerCase()})` : ''}`} />
          ))}
          {draft.sponsorCountries.map((c, n) => (
            <Proposal key={`s${n}`} k={`sponsorCountries.${n}`} label={`Sponsor: ${countryName(c)}`} />
          ))}
          {draft.nexus !== 'unknown' ? <Proposal k="nexus" label={`Nexus: ${STATE_NEXUS_LABELS[draft.nexus ?? 'unknown']}`} /> : null}
          {draft.types.map((t, n) => (
            <Proposal key={`t${n}`} k={`types.${n}`} label={`Type: ${INCIDENT_TYPE_LABELS[t]}`} />
          ))}
          {draft.actorIds.map((id, n) => (
            <Proposal key={`a${n}`} k={`actorIds.${n}`} label={`Actor: ${actorName(id)}`} />
          ))}
          {d.newActors.map((a, n) => (
            <Proposal key={`na${n}`} k={`newActors.${n}`} label={`New actor: ${a.name} (${ACTOR_KIND_LABELS[a.kind].toLowerCase()})`} />
          ))}
        </ul>
        <h3>Attributions</h3>
        {draft.attributions.length === 0 ? <p className="muted">No attribution found in the article.</p> : null}
        <ul className="proposal-list" aria-label="Attributions">
          {draft.attributions.map((a, n) => (
            <Proposal key={a.id} k={`attributions.${n}`} label={`${a.attributor} attributes it to ${a.toCountry ? countryName(a.toCountry) : a.toActorId ? actorName(a.toActorId) : '—'}${a.confidence ? `, ${a.confidence} confidence` : a.likelihood ? `, ${likelihoodLabel(a.likelihood)}` : ''}`}>
              <ClaimDate k={`attributions.${n}`} date={a.date} />
            </Proposal>
          ))}
        </ul>
        <h3>Responses</h3>
        {draft.responses.length === 0 ? <p className="muted">No response found in the article.</p> : null}
        <ul className="proposal-list" aria-label="Responses">
          {draft.responses.map((r, n) => (
            <Proposal key={r.id} k={`responses.${n}`} label={`${r.actor}: ${responseLabel(r.type)}${r.target ? ` — ${r.target}` : ''}`}>
              <ClaimDate k={`responses.${n}`} date={r.date} />
            </Proposal>
          ))}
        </ul>
        <fieldset>
          <legend>Source (the article, kept with an archived copy)</legend>
          <label>
            Source title
            <input value={i.source.title} onChange={(e) => setIntakeSource({ title: e.target.value })} />
          </label>
          <label>
            Publisher
            <input value={i.source.publisher} onChange={(e) => setIntakeSource({ publisher: e.target.value })} />
          </label>
          <label>
            Published
            <input value={i.source.published ?? ''} onChange={(e) => setIntakeSource({ published: e.target.value })} placeholder="e.g. 2022-09-08" />
          </label>
          <label>
            URL
            <input value={i.source.url} onChange={(e) => setIntakeSource({ url: e.target.value })} placeholder="https://…" />
          </label>
        </fieldset>
        <fieldset>
          <legend>Where it goes</legend>
          <label className="radio">
            <input type="radio" name="intake-target" checked={i.target === 'new'} onChange={() => setIntakeTarget('new')} />
            Create a new incident
          </label>
          {d.matches.map((m) => (
            <label className="radio" key={m.id}>
              <input type="radio" name="intake-target" checked={i.target === m.id} onChange={() => setIntakeTarget(m.id)} />
              Merge into “{m.title}” (match {Math.round(m.score * 100)}%)
            </label>
          ))}
        </fieldset>
        <div className="modal-buttons">
          <button type="button" onClick={closeIntake} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {merging ? 'Merge into incident' : 'Create incident'}
          </button>
        </div>
      </form>
    </div>
  )
}
