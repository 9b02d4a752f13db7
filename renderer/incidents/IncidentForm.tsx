// The detail pane's incident form: every field, inline validation, save (Ctrl+S), revert, delete with undo.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { countryName, COUNTRIES } from '../../shared/countries'
import {
  INCIDENT_STATUS,
  INCIDENT_TYPES,
  INCIDENT_TYPE_LABELS,
  IncidentInputSchema,
  STATE_NEXUS,
  STATE_NEXUS_LABELS,
  TLP_LEVELS,
  type Incident,
  type IncidentType,
} from '../../shared/domain'
import { describeIssues, toFieldIssues } from '../../shared/issues'
import { WorkbenchError } from '../../shared/result'
import { Chips } from '../components/Chips'
import { Field } from '../components/Field'
import { ListInput } from '../components/ListInput'
import { PartialDateInput } from '../components/PartialDateInput'
import { useDraft } from '../components/useDraft'
import { formatDate } from '../locale'
import { errorMessage, toast } from '../state/actions'
import { deleteIncident, leaveIncident, readIncident, saveIncident } from './actions'
import { useApp } from '../state/store'
import { AttributionsEditor } from './AttributionsEditor'
import { DraftSourcesContext, STAGED_PREFIX, type DraftSources, type StagedSource } from './draftSources'
import { blankDraft, draftOf, errorsOf, type Draft, type Errors } from './draft'
import { DuplicateWarning } from './DuplicateWarning'
import { LocationsEditor } from './LocationsEditor'
import { ResponsesEditor } from './ResponsesEditor'
import { SourcesEditor } from './SourcesEditor'
import { VictimsEditor } from './VictimsEditor'

const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c.code, label: c.name }))

/** Where an imported incident came from, and whether it was edited since. */
function provenanceText(incident: Incident): string {
  const p = incident.provenance!
  const id = p.key.startsWith('row ') ? p.key : `id ${p.key}`
  const edited = incident.updatedAt !== p.importedAt ? ' Edited since; a re-import reports it as a conflict and keeps your edits.' : ''
  return `Imported from ${p.dataset}${p.version ? ` ${p.version}` : ''}, ${id}${p.row && !p.key.startsWith('row ') ? ` (row ${p.row})` : ''}, on ${formatDate(p.importedAt.slice(0, 10))}.${edited}`
}

export function IncidentForm({ incident }: { incident: Incident | null }) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const actors = useApp((s) => s.actors)
  // New sources ride in the draft until the incident is saved: Revert or leaving the form drops them with the rest.
  const initial = useMemo(() => ({ ...(incident ? draftOf(incident) : blankDraft()), stagedSources: [] as StagedSource[] }), [incident])
  const { draft, dirty, set, setDraft, revert } = useDraft<Draft & { stagedSources: StagedSource[] }>(initial)
  const draftSources = useMemo<DraftSources>(
    () => ({
      staged: draft.stagedSources,
      incidentIds: draft.sourceIds,
      stage: (source) => {
        const id = `${STAGED_PREFIX}${crypto.randomUUID()}`
        setDraft((d) => ({ ...d, stagedSources: [...d.stagedSources, { ...source, id }] }))
        return id
      },
    }),
    [draft.stagedSources, draft.sourceIds, setDraft],
  )
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => setErrors({}), [initial])
  const actorOptions = useMemo(() => actors.map((a) => ({ value: a.id, label: a.country ? `${a.name} (${countryName(a.country)})` : a.name })), [actors])

  function showErrors(found: Errors) {
    setErrors(found)
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  async function save(e?: FormEvent) {
    e?.preventDefault()
    if (readOnly || saving) return
    const parsed = IncidentInputSchema.safeParse(draft)
    if (!parsed.success) return showErrors(errorsOf(toFieldIssues(parsed.error)))
    setSaving(true)
    try {
      const saved = await saveIncident(incident?.id ?? null, parsed.data, draft.stagedSources)
      setErrors({})
      toast('info', `Saved “${saved.title}”.`)
    } catch (err) {
      if (err instanceof WorkbenchError && err.issues.length > 0) showErrors(errorsOf(err.issues))
      toast('error', errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault()
      void save()
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault()
      leaveIncident()
    }
  }

  const problems = Object.entries(errors)
  return (
    <form id="incident-form" data-record={incident ? incident.id : 'new'} ref={form} className="record-form" onSubmit={save} onKeyDown={onKeyDown} aria-label={incident ? `Edit incident ${incident.title}` : 'New incident'} noValidate>
      <header className="form-head">
        <h2>{incident ? incident.title || 'Untitled incident' : 'New incident'}</h2>
        {incident?.sample ? <span className="badge sample">Sample data</span> : null}
        <span className={`save-state${dirty ? ' dirty' : ''}`} aria-live="polite">
          {dirty ? 'Unsaved changes' : incident ? 'Saved' : ''}
        </span>
        {incident ? <button type="button" onClick={readIncident} title="Back to the incident's summary">Read view</button> : null}
      </header>
      {readOnly ? <p className="form-note">This workspace is read-only: {readOnly}</p> : null}
      {incident?.provenance ? <p className="form-note provenance">{provenanceText(incident)}</p> : null}
      {problems.length > 0 ? (
        <div className="form-problems" role="alert">
          {problems.length === 1 ? 'One field needs attention' : `${problems.length} fields need attention`}: {describeIssues(problems.map(([path, message]) => ({ path, message })))}
        </div>
      ) : null}

      <DraftSourcesContext.Provider value={draftSources}>
      <DuplicateWarning draft={draft} id={incident?.id ?? null} />
      <fieldset disabled={!!readOnly} className="form-body">
        <div className="grid">
          <Field label="Title" error={errors.title} wide>
            <input value={draft.title} onChange={(e) => set({ title: e.target.value })} placeholder="e.g. Destructive attack on Albanian government systems" />
          </Field>
          <Field label="Status" error={errors.status}>
            <select value={draft.status} onChange={(e) => set({ status: e.target.value as Draft['status'] })}>
              {INCIDENT_STATUS.map((s) => (
                <option key={s} value={s}>
                  {s === 'draft' ? 'Draft' : 'Confirmed'}
                </option>
              ))}
            </select>
          </Field>
          <Field label="TLP marking" error={errors.tlp}>
            <select value={draft.tlp} onChange={(e) => set({ tlp: e.target.value as Draft['tlp'] })}>
              {TLP_LEVELS.map((t) => (
                <option key={t} value={t}>
                  TLP:{t}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Start" error={errors.start}>
            <PartialDateInput value={draft.start} onChange={(start) => set({ start })} />
          </Field>
          <Field label="End" error={errors.end}>
            <PartialDateInput value={draft.end} onChange={(end) => set({ end })} />
          </Field>
          <Field label="Disclosed" error={errors.disclosed}>
            <PartialDateInput value={draft.disclosed} onChange={(disclosed) => set({ disclosed })} />
          </Field>
          <Field label="State nexus" error={errors.nexus}>
            <select value={draft.nexus} onChange={(e) => set({ nexus: e.target.value as Draft['nexus'] })}>
              {STATE_NEXUS.map((n) => (
                <option key={n} value={n}>
                  {STATE_NEXUS_LABELS[n]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Severity" error={errors.severity}>
            <select value={draft.severity ?? ''} onChange={(e) => set({ severity: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">Not assessed</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n} — {['minimal', 'limited', 'significant', 'severe', 'critical'][n - 1]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Zero-day used" error={errors.zeroDay}>
            <select value={draft.zeroDay === undefined ? '' : draft.zeroDay ? 'yes' : 'no'} onChange={(e) => set({ zeroDay: e.target.value === '' ? undefined : e.target.value === 'yes' })}>
              <option value="">Not known</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          </Field>
          <Field label="Intensity score" error={errors['intensity.score'] ?? errors.intensity}>
            <input
              type="number"
              min={0}
              step="any"
              value={draft.intensity?.score ?? ''}
              onChange={(e) => set({ intensity: e.target.value === '' ? undefined : { score: Number(e.target.value), source: draft.intensity?.source ?? '' } })}
            />
          </Field>
          <Field label="Intensity scale" error={errors['intensity.source']}>
            <input value={draft.intensity?.source ?? ''} disabled={!draft.intensity} onChange={(e) => draft.intensity && set({ intensity: { ...draft.intensity, source: e.target.value } })} placeholder="e.g. EuRepoC weighted cyber intensity" />
          </Field>
          <fieldset className="field wide checks">
            <legend>Types</legend>
            {INCIDENT_TYPES.map((t: IncidentType) => (
              <label key={t} className="check">
                <input type="checkbox" checked={draft.types.includes(t)} onChange={(e) => set({ types: e.target.checked ? [...draft.types, t] : draft.types.filter((x) => x !== t) })} />
                {INCIDENT_TYPE_LABELS[t]}
              </label>
            ))}
          </fieldset>
          <Field label="Summary" error={errors.summary} wide>
            <textarea rows={4} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} />
          </Field>
          <Field label="Impact" error={errors.impact} wide>
            <textarea rows={2} value={draft.impact} onChange={(e) => set({ impact: e.target.value })} />
          </Field>
          <Field label="Sponsor states" error={errors.sponsorCountries} wide>
            <Chips values={draft.sponsorCountries} options={COUNTRY_OPTIONS} onChange={(sponsorCountries) => set({ sponsorCountries })} addLabel="Add a sponsor state…" />
          </Field>
          <Field label="Threat actors" error={errors.actorIds} wide>
            <Chips values={draft.actorIds} options={actorOptions} onChange={(actorIds) => set({ actorIds })} addLabel="Add an actor…" />
          </Field>
          <Field label="ATT&CK techniques" error={errors.techniques ?? Object.entries(errors).find(([k]) => k.startsWith('techniques.'))?.[1]} hint="Comma-separated, e.g. T1485, T1486">
            <ListInput value={draft.techniques} onChange={(techniques) => set({ techniques })} />
          </Field>
          <Field label="Tags" error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]} hint="Comma-separated">
            <ListInput value={draft.tags} onChange={(tags) => set({ tags })} />
          </Field>
        </div>
        <VictimsEditor items={draft.victims} onChange={(victims) => set({ victims })} errors={errors} />
        <AttributionsEditor items={draft.attributions} onChange={(attributions) => set({ attributions })} errors={errors} />
        <ResponsesEditor items={draft.responses} onChange={(responses) => set({ responses })} errors={errors} />
        <SourcesEditor ids={draft.sourceIds} onChange={(sourceIds) => set({ sourceIds })} disabled={!!readOnly} />
        <LocationsEditor items={draft.locations} onChange={(locations) => set({ locations })} errors={errors} />
      </fieldset>
      </DraftSourcesContext.Provider>

      <footer className="form-actions">
        <button type="submit" className="primary" disabled={!!readOnly || saving} title="Save (Ctrl+S)">
          {saving ? 'Saving…' : incident ? 'Save changes' : 'Create incident'}
        </button>
        <button type="button" disabled={!dirty} onClick={() => (revert(), setErrors({}))}>
          Revert
        </button>
        {incident ? (
          <button type="button" className="danger" disabled={!!readOnly} onClick={() => void deleteIncident(incident.id)}>
            Delete incident
          </button>
        ) : null}
      </footer>
    </form>
  )
}
