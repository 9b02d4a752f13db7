// Reads an import file's text into STIX objects: a STIX 2.1 or 2.0 bundle (or a bare list of objects) or MISP JSON, refusing anything else with the place and the reason.
import { ServiceError } from '../../../shared/result'

export type InputFormat = 'stix' | 'misp'
export interface ReadInput {
  format: InputFormat
  /** 'stix-2.1', 'stix-2.0' or 'misp'. */
  detail: string
  /** The file's objects as they are, for the planner to account for one by one. */
  objects: unknown[]
}

/** Deepest nesting accepted: real STIX and MISP stay far below; a deeper file is refused before it is walked. */
export const MAX_DEPTH = 64

/** Line and column of a character offset, for messages. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

/** Nesting depth of a JSON text, counted without parsing (so a hostile file cannot exhaust the stack). */
function depthOf(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) max = Math.max(max, ++depth)
    else if (c === 125 || c === 93) depth--
  }
  return max
}

/** Parses `text` as `format` ('auto' looks at its shape). Throws a ServiceError saying where and why for anything that is not an import file. */
export function readInput(text: string, format: InputFormat | 'auto' = 'auto'): ReadInput {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) throw new ServiceError('invalid-input', 'The file is not JSON: STIX bundles and MISP events are JSON files starting with { or [.')
  if (depthOf(trimmed) > MAX_DEPTH) throw new ServiceError('invalid-input', `The file nests deeper than ${MAX_DEPTH} levels; no STIX or MISP file does, so it was refused.`)
  let data: unknown
  try {
    data = JSON.parse(trimmed)
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message)
    const at = m ? ` at ${where(trimmed, Number(m[1]))}` : ''
    throw new ServiceError('invalid-input', `The file is not valid JSON${at} (${(err as Error).message}); it may be cut short. Nothing was imported.`)
  }
  const isMisp = (x: unknown) => !!x && typeof x === 'object' && 'Event' in (x as object)
  const mispEvents = Array.isArray(data) ? (data.every(isMisp) && data.length > 0 ? data : null) : isMisp(data) ? [data] : data && typeof data === 'object' && Array.isArray((data as { response?: unknown }).response) && (data as { response: unknown[] }).response.every(isMisp) ? (data as { response: unknown[] }).response : null
  if (format === 'misp' || (format === 'auto' && mispEvents)) {
    if (!mispEvents) throw new ServiceError('invalid-input', 'The file is not MISP JSON: expected {"Event": …}, a list of them, or {"response": [ … ]}.')
    return { format: 'misp', detail: 'misp', objects: mispEvents }
  }
  if (Array.isArray(data)) return { format: 'stix', detail: 'stix-2.1', objects: data }
  const bundle = data as { type?: unknown; objects?: unknown; spec_version?: unknown }
  if (bundle?.type !== 'bundle') throw new ServiceError('invalid-input', `The file is not a STIX bundle: its top-level "type" is ${JSON.stringify(bundle?.type ?? null)}, not "bundle".`)
  if (bundle.spec_version !== undefined && bundle.spec_version !== '2.0') throw new ServiceError('invalid-input', `The bundle says spec_version ${JSON.stringify(bundle.spec_version)}; Watchfloor reads STIX 2.1 bundles (no spec_version) and upgrades STIX 2.0 ones.`)
  if (bundle.objects === undefined) return { format: 'stix', detail: 'stix-2.1', objects: [] }
  if (!Array.isArray(bundle.objects)) throw new ServiceError('invalid-input', 'The bundle\'s "objects" is not a list.')
  return { format: 'stix', detail: bundle.spec_version === '2.0' ? 'stix-2.0' : 'stix-2.1', objects: bundle.objects }
}
