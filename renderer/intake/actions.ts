// What article intake does in the window: paste or open an article, send it in pieces, review the draft, then create or merge (with undo); nothing is written before the analyst confirms.
import { MAX_UPLOAD_CHUNK } from '../../shared/contract'
import type { ActorInput, IncidentInput } from '../../shared/domain'
import { articleMediaType, type IntakeApplied, type IntakeDraft } from '../../shared/intake'
import { parsePartialDate } from '../../shared/partialDate'
import { client } from '../api'
import { errorMessage, loadWorkspace, showView, toast } from '../state/actions'
import { getState, setState, type IntakeUi } from '../state/store'
import { pickFile } from '../components/pickFile'

const CHUNK = Math.min(MAX_UPLOAD_CHUNK, 4 * 1024 * 1024)
const blank = (): IntakeUi => ({ stage: '', fileName: '', pasted: '', draft: null, rejected: [], title: '', start: '', dates: {}, source: { title: '', publisher: '', url: '' }, target: 'new', error: '' })
const patch = (p: Partial<IntakeUi> | ((i: IntakeUi) => Partial<IntakeUi>)) => setState((s) => (s.intake ? { intake: { ...s.intake, ...(typeof p === 'function' ? p(s.intake) : p) } } : {}))

/** Opens the intake screen at its paste box. */
export function openIntake(): void {
  if (getState().info?.readOnly) return toast('error', 'This workspace is read-only; intake cannot add to it.')
  setState({ intake: blank(), palette: false })
}

export const closeIntake = () => setState({ intake: null })
export const setPasted = (pasted: string) => patch({ pasted })

/** The review starts from the draft: the analyst's decisions reset, the best match preselected when close. */
function review(draft: IntakeDraft & { token: string }, fileName: string): void {
  const best = draft.matches[0]
  patch({ stage: '', fileName, draft, rejected: [], title: draft.draft.title, start: draft.draft.start ?? '', dates: {}, source: { ...draft.source, published: draft.source.published ?? '' }, target: best && best.score >= 0.7 ? best.id : 'new', error: '' })
}

/** Drafts from the pasted text. */
export async function draftFromPasted(): Promise<void> {
  const text = getState().intake?.pasted ?? ''
  if (text.trim() === '') return patch({ error: 'Paste the article’s text first, or open a file.' })
  patch({ stage: 'Reading the article…', error: '' })
  try {
    review(await client.intake.read({ text, fileName: 'pasted-article.txt' }), 'pasted text')
  } catch (err) {
    patch({ stage: '', error: errorMessage(err) })
  }
}

/** Reads a file (bytes in pieces through the upload channel; base64 for PDF) and drafts from it. */
export async function draftFromFile(f: File): Promise<void> {
  if (!getState().intake) openIntake()
  if (!getState().intake) return
  if (!articleMediaType(f.name)) return patch({ error: `${f.name} is not an article intake reads: use .txt, .md, .html, .htm or .pdf.` })
  patch({ stage: `Reading ${f.name}…`, error: '', fileName: f.name })
  try {
    const pdf = articleMediaType(f.name) === 'application/pdf'
    const text = pdf ? await toBase64(f) : await f.text()
    const uploadId = crypto.randomUUID()
    for (let at = 0; at < text.length || at === 0; at += CHUNK) {
      patch({ stage: `Sending ${f.name}… ${Math.min(100, Math.round(((at + CHUNK) / Math.max(text.length, 1)) * 100))}%` })
      await client.interchange.upload({ uploadId, chunk: text.slice(at, at + CHUNK) })
      if (text.length === 0) break
    }
    patch({ stage: 'Drafting the incident…' })
    review(await client.intake.read({ uploadId, fileName: f.name }), f.name)
  } catch (err) {
    patch({ stage: '', error: `${f.name}: ${errorMessage(err)}` })
  }
}

async function toBase64(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer())
  let out = ''
  for (let at = 0; at < bytes.length; at += 0x8000) out += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(out)
}

/** Opens the file picker for an article. */
export function chooseArticleFile(): void {
  pickFile('.txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf', (f) => void draftFromFile(f))
}

export const toggleProposal = (key: string) => patch((i) => ({ rejected: i.rejected.includes(key) ? i.rejected.filter((k) => k !== key) : [...i.rejected, key] }))
export const setIntakeTitle = (title: string) => patch({ title })
export const setIntakeStart = (start: string) => patch({ start })
export const setClaimDate = (key: string, date: string) => patch((i) => ({ dates: { ...i.dates, [key]: date } }))
export const setIntakeSource = (p: Partial<IntakeUi['source']>) => patch((i) => ({ source: { ...i.source, ...p } }))
export const setIntakeTarget = (target: string) => patch({ target })
export const backToPaste = () => patch({ draft: null, error: '' })

/** A typed date as stored: canonical when readable, as typed otherwise (the main side then names the field). */
const dateOf = (typed: string) => (typed.trim() === '' ? undefined : (parsePartialDate(typed) ?? typed.trim()))

/** The incident the analyst accepted: rejected proposals left out, edits applied. */
export function acceptedIncident(i: IntakeUi): IncidentInput {
  const d = i.draft!.draft
  const keep = <T>(list: T[], field: string) => list.filter((_, n) => !i.rejected.includes(`${field}.${n}`))
  const dated = <T extends { date?: string }>(list: T[], field: string) => list.map((c, n) => (`${field}.${n}` in i.dates ? { ...c, date: dateOf(i.dates[`${field}.${n}`]) } : c)).filter((_, n) => !i.rejected.includes(`${field}.${n}`))
  return {
    ...d,
    title: i.title,
    start: dateOf(i.start),
    victims: keep(d.victims, 'victims'),
    sponsorCountries: keep(d.sponsorCountries, 'sponsorCountries'),
    types: keep(d.types, 'types'),
    actorIds: keep(d.actorIds, 'actorIds'),
    nexus: i.rejected.includes('nexus') ? 'unknown' : d.nexus,
    attributions: dated(d.attributions, 'attributions'),
    responses: dated(d.responses, 'responses'),
  }
}

/** Writes the accepted draft: a new incident, or a merge into the chosen one; offers undo. */
export async function applyIntake(): Promise<void> {
  const i = getState().intake
  if (!i?.draft) return
  const newActors: ActorInput[] = i.draft.newActors.filter((_, n) => !i.rejected.includes(`newActors.${n}`)).map((a) => ({ name: a.name, kind: a.kind, country: a.country }))
  const published = i.source.published?.trim() ? (parsePartialDate(i.source.published) ?? i.source.published.trim()) : undefined
  patch({ stage: i.target === 'new' ? 'Creating the incident…' : 'Merging into the incident…', error: '' })
  try {
    const result = await client.intake.apply({
      token: i.draft.token,
      incident: acceptedIncident(i),
      source: { title: i.source.title, publisher: i.source.publisher, url: i.source.url, published },
      mergeInto: i.target === 'new' ? undefined : i.target,
      force: i.target === 'new',
      newActors,
    })
    setState({ intake: null })
    await loadWorkspace()
    showView('incidents')
    setState({ incident: { kind: 'existing', id: result.incident.id }, selection: [result.incident.id] })
    toast('info', `${result.merged ? 'Merged the article into' : 'Created'} “${result.incident.title}”; the article is kept as a source.`, { label: 'Undo', run: () => void undoIntake(result) })
  } catch (err) {
    patch({ stage: '', error: errorMessage(err) })
  }
}

/** Takes an applied draft back: the incident as it was (or gone), then the source and new actors. */
async function undoIntake(result: IntakeApplied): Promise<void> {
  try {
    if (result.before) {
      const { id, createdAt: _c, updatedAt: _u, ...input } = result.before
      await client.incidents.update({ id, input })
    } else await client.incidents.delete({ id: result.incident.id })
    await client.sources.delete({ id: result.source.id })
    for (const id of result.actorIds) await client.actors.delete({ id })
    await loadWorkspace()
    toast('info', 'The article intake was undone.')
  } catch (err) {
    await loadWorkspace()
    toast('error', errorMessage(err))
  }
}
