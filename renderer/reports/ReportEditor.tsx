// The report definition form: name, title, author, date, marking, scope, sections and key judgments, with validation, save, revert and delete with undo.
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { ReportInputSchema, TLP_LEVELS, type Report, type ReportDefinition, type Tlp } from '../../shared/domain'
import { toFieldIssues } from '../../shared/issues'
import { WorkbenchError } from '../../shared/result'
import { contentTlp, scopedIncidents, sectionOrder } from '../../shared/report/model'
import { Field } from '../components/Field'
import { PartialDateInput } from '../components/PartialDateInput'
import { errorsOf, type Errors } from '../incidents/draft'
import { useDraft } from '../components/useDraft'
import { errorMessage, toast } from '../state/actions'
import { useIncidentIndex } from '../state/filteredIncidents'
import { useApp } from '../state/store'
import { EstimativeHelper } from './EstimativeHelper'
import { ExportBar } from './ExportBar'
import { deleteReport, leaveReport, saveReport } from './actions'
import { ReportPreview } from './ReportPreview'
import { ScopePicker } from './ScopePicker'
import { SectionList } from './SectionList'
import { useBriefingFigures } from './useBriefingFigures'

function draftOf(report: Report | null, scope: ReportDefinition['scope']): ReportDefinition {
  if (report) {
    const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = report
    return { ...structuredClone(fields), sections: sectionOrder(fields.sections) }
  }
  return ReportInputSchema.parse({ name: 'New briefing', title: 'Briefing', scope })
}

export function ReportEditor({ report }: { report: Report | null }) {
  const readOnly = useApp((s) => s.info?.readOnly ?? null)
  const appFilter = useApp((s) => s.filter)
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  // A new report starts from the filter in force when it was opened; later filter changes must not reset the form.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initial = useMemo(() => draftOf(report, { kind: 'filter', filter: { ...appFilter } }), [report])
  const { draft, dirty, set, revert } = useDraft<ReportDefinition>(initial)
  const [errors, setErrors] = useState<Errors>({})
  const bluf = useRef<HTMLTextAreaElement>(null)

  const parsed = useMemo(() => ReportInputSchema.safeParse(draft), [draft])
  const live = parsed.success ? parsed.data : null
  const figures = useBriefingFigures(live)
  const issues = useMemo(() => (parsed.success ? {} : errorsOf(toFieldIssues(parsed.error))), [parsed])
  const shown = { ...issues, ...errors }
  const { textOf } = useIncidentIndex()
  const minimum: Tlp = useMemo(() => contentTlp(scopedIncidents({ incidents, actors }, draft, textOf)), [incidents, actors, draft, textOf])
  const effective = TLP_LEVELS.indexOf(draft.tlp) < TLP_LEVELS.indexOf(minimum) ? minimum : draft.tlp

  async function save(e: FormEvent) {
    e.preventDefault()
    if (!parsed.success) return setErrors(issues)
    try {
      const saved = await saveReport(report?.id ?? null, parsed.data)
      setErrors({})
      toast('info', `Saved report “${saved.name}”.`)
    } catch (err) {
      if (err instanceof WorkbenchError) setErrors(errorsOf(err.issues))
      toast('error', errorMessage(err))
    }
  }

  // The export bar spans the top of the form and the preview: first on screen and first in tab order.
  return (
    <div className="report-editor">
      <ExportBar definition={live} figures={figures} />
      <form
        className="record-form report-form"
        data-report={report ? report.id : 'new'}
        onSubmit={save}
        aria-label={report ? `Edit report ${report.name}` : 'New report'}
        noValidate
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault()
            void save(e)
          } else if (e.key === 'Escape' && !e.defaultPrevented) {
            e.preventDefault()
            leaveReport()
          }
        }}
      >
        <header className="form-head">
          <h2>{report ? report.name : 'New report'}</h2>
          {report?.sample ? <span className="badge sample">Sample data</span> : null}
          <span className={`save-state${dirty || !report ? ' dirty' : ''}`}>{!report ? 'Not saved yet' : dirty ? 'Unsaved changes' : 'Saved'}</span>
        </header>
        <fieldset disabled={!!readOnly} className="form-body">
          <div className="grid">
            <Field label="Report name" error={shown.name} hint="How the report is listed and named with --report" wide>
              <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
            </Field>
            <Field label="Briefing title" error={shown.title} wide>
              <input value={draft.title} onChange={(e) => set({ title: e.target.value })} />
            </Field>
            <Field label="Author" error={shown.author}>
              <input value={draft.author} onChange={(e) => set({ author: e.target.value })} />
            </Field>
            <Field label="Date" error={shown.date} hint="Empty: the day of export">
              <PartialDateInput value={draft.date} onChange={(date) => set({ date })} placeholder="e.g. Oct 2022" />
            </Field>
            <Field label="Marking (TLP 2.0)" error={shown.tlp} hint={minimum === 'CLEAR' ? 'The content carries no marking above CLEAR' : `The content is marked up to ${minimum}; the briefing cannot be lower`} wide>
              <select value={effective} onChange={(e) => set({ tlp: e.target.value as Tlp })}>
                {TLP_LEVELS.map((t) => (
                  <option key={t} value={t} disabled={TLP_LEVELS.indexOf(t) < TLP_LEVELS.indexOf(minimum)}>
                    TLP:{t}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <ScopePicker value={draft.scope} onChange={(scope) => set({ scope })} error={shown.scope ?? shown['scope.ids'] ?? Object.entries(shown).find(([k]) => k.startsWith('scope.'))?.[1]} />
          <fieldset className="report-sections-box">
            <legend>Sections</legend>
            <p className="field-hint">Tick to include; reorder with the arrows or Alt+↑ / Alt+↓.</p>
            <SectionList value={draft.sections} onChange={(sections) => set({ sections })} />
            {shown.sections ? <div className="field-error">{shown.sections}</div> : null}
          </fieldset>
          <Field label="Key judgments (BLUF)" error={shown.bluf} hint="Blank line between paragraphs; lines starting with “- ” become a list" wide>
            <textarea ref={bluf} rows={8} value={draft.bluf} onChange={(e) => set({ bluf: e.target.value })} />
          </Field>
          <EstimativeHelper value={draft.bluf} onChange={(text) => set({ bluf: text })} target={bluf} />
        </fieldset>
        <footer className="form-actions">
          <button type="submit" className="primary" disabled={!!readOnly}>
            {report ? 'Save report' : 'Create report'}
          </button>
          <button type="button" disabled={!report || !dirty} onClick={revert}>
            Revert
          </button>
          {report ? (
            <button type="button" className="danger" disabled={!!readOnly} onClick={() => void deleteReport(report.id)}>
              Delete report
            </button>
          ) : null}
        </footer>
      </form>
      <ReportPreview definition={live} figures={figures} />
    </div>
  )
}
