// The source form of the Sources view: edit and re-grade a source, with validation, and delete with undo.
import { admiraltyGrade, SourceInputSchema, type Source } from '../../shared/domain'
import { RecordFormFrame, useRecordForm } from '../components/RecordForm'
import { deleteSource, leaveSource, saveSource } from './actions'
import { BLANK_SOURCE, SourceFields, type SourceFieldValues } from './SourceFields'
import { SourceCopyControls } from './SourceCopyControls'

const blankSource = () => ({ ...BLANK_SOURCE })

export function SourceForm({ source }: { source: Source | null }) {
  const form = useRecordForm(source, blankSource, SourceInputSchema, saveSource, (saved) => `Saved “${saved.title}” (${admiraltyGrade(saved)}).`)
  const { draft, set, errors, readOnly } = form
  const heading = (
    <>
      <span className="grade">{admiraltyGrade(draft)}</span> {source ? source.title : 'New source'}
    </>
  )
  const copy = source ? (
    <div className="source-copy" role="group" aria-label="Archived copy">
      <span className="muted">Archived copy</span>
      <SourceCopyControls source={source} disabled={!!readOnly} />
    </div>
  ) : null
  return (
    <RecordFormFrame noun="source" record={source} name={source?.title ?? ''} heading={heading} form={form} onLeave={leaveSource} onDelete={(id) => void deleteSource(id)} after={copy}>
      <SourceFields value={draft as SourceFieldValues} onChange={set} errors={errors} />
    </RecordFormFrame>
  )
}
