// The fields of a source — title, publisher, address, dates and Admiralty grade — for the Sources view's form and the incident form's new source.
import { CREDIBILITY, CREDIBILITY_LABELS, RELIABILITY, RELIABILITY_LABELS, type Credibility, type Reliability } from '../../shared/domain'
import { Field } from '../components/Field'
import { PartialDateInput } from '../components/PartialDateInput'

/** What a source's fields edit, every one present. */
export interface SourceFieldValues {
  title: string
  publisher: string
  url: string
  published?: string
  captured?: string
  reliability: Reliability
  credibility: Credibility
}

export const BLANK_SOURCE: SourceFieldValues = { title: '', publisher: '', url: '', reliability: 'F', credibility: '6' }

interface Props {
  value: SourceFieldValues
  onChange(patch: Partial<SourceFieldValues>): void
  errors: Record<string, string | undefined>
  /** Label of the title box ("Title" in the Sources view, "Source title" inside an incident). */
  titleLabel?: string
}

export function SourceFields({ value, onChange, errors, titleLabel = 'Title' }: Props) {
  return (
    <>
      <Field label={titleLabel} error={errors.title} wide>
        <input value={value.title} onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <Field label="Publisher" error={errors.publisher}>
        <input value={value.publisher} onChange={(e) => onChange({ publisher: e.target.value })} />
      </Field>
      <Field label="URL" error={errors.url}>
        <input value={value.url} onChange={(e) => onChange({ url: e.target.value })} placeholder="https://…" />
      </Field>
      <Field label="Published" error={errors.published}>
        <PartialDateInput value={value.published} onChange={(published) => onChange({ published })} />
      </Field>
      <Field label="Captured" error={errors.captured}>
        <PartialDateInput value={value.captured} onChange={(captured) => onChange({ captured })} />
      </Field>
      <Field label="Reliability" error={errors.reliability}>
        <select value={value.reliability} onChange={(e) => onChange({ reliability: e.target.value as Reliability })}>
          {RELIABILITY.map((r) => (
            <option key={r} value={r}>
              {r} — {RELIABILITY_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Credibility" error={errors.credibility}>
        <select value={value.credibility} onChange={(e) => onChange({ credibility: e.target.value as Credibility })}>
          {CREDIBILITY.map((c) => (
            <option key={c} value={c}>
              {c} — {CREDIBILITY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
    </>
  )
}
