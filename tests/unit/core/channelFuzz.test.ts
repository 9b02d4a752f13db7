// Every channel's input fuzzed with fast-check through the handler table: arbitrary values and mutations of valid inputs; no handler throws, and no rejected call changes a file.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../electron/core/handlers'
import { CHANNEL_NAMES } from '../../../shared/channels'
import { CHANNELS, type Channel } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { closeTestWorkspace, openTestWorkspace, type TestWorkspace } from '../../support/testWorkspace'

/** Runs per channel and kind of input; bounded so the whole file stays well under a minute. */
const RUNS = Number(process.env.WATCHFLOOR_FUZZ_RUNS ?? 40)

let t: TestWorkspace
let call: (channel: string, input: unknown) => Promise<Result<unknown>>

beforeAll(async () => {
  t = await openTestWorkspace('fuzz', { create: { data: sampleWorkspace() } })
  // The sample has no note; the notes channels need one to start from.
  await t.client.notes.create({ title: 'Fuzz seed note', body: 'Seed', tags: ['seed'] })
  const handlers = createHandlers(t.session)
  // As the IPC and HTTP hosts do: the value crosses a structured clone, then the dispatcher.
  call = (channel, input) => dispatch(handlers, channel, structuredClone(input))
})

afterAll(() => closeTestWorkspace(t))

/** Every file of the workspace folder (backups and exports included) with its bytes. */
async function folderState(): Promise<Map<string, string>> {
  const state = new Map<string, string>()
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${rel}/`)
      else state.set(rel, (await readFile(join(dir, entry.name))).toString('base64'))
    }
  }
  await walk(t.dir, '')
  return state
}

const without = <T extends object>(record: T, ...keys: string[]) => Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)))

/** A valid input for each channel, the starting point of the mutations. */
function seeds(): Record<Channel, unknown> {
  const d = t.session.services.store.data
  const [incident] = d.incidents
  const [actor] = d.actors
  const [source] = d.sources
  const [note] = d.notes
  const [report] = d.reports
  const input = (r: object) => without(r, 'id', 'createdAt', 'updatedAt')
  const uuid = '7b0b8f7e-4a8e-4c1e-9a57-3f1a2b3c4d5e'
  return {
    'workspace:snapshot': undefined,
    'workspace:info': undefined,
    'workspace:restoreBackup': undefined,
    'workspace:repair': undefined,
    'incidents:create': input(incident),
    'incidents:update': { id: incident.id, input: input(incident) },
    'incidents:delete': { id: incident.id },
    'incidents:restore': incident,
    'actors:create': input(actor),
    'actors:update': { id: actor.id, input: input(actor) },
    'actors:delete': { id: actor.id },
    'actors:restore': actor,
    'sources:create': input(source),
    'sources:update': { id: source.id, input: input(source) },
    'sources:delete': { id: source.id },
    'sources:restore': source,
    'notes:create': input(note),
    'notes:update': { id: note.id, input: input(note) },
    'notes:delete': { id: note.id },
    'notes:restore': note,
    'reports:create': input(report),
    'reports:update': { id: report.id, input: input(report) },
    'reports:delete': { id: report.id },
    'reports:restore': report,
    'report:export': { report: input(report), format: 'md' },
    'report:progress': undefined,
    'interchange:export': { format: 'stix', scope: { kind: 'all' } },
    'interchange:upload': { uploadId: uuid, chunk: '{"type":"bundle"' },
    'interchange:preview': { uploadId: uuid, fileName: 'bundle.json', format: 'auto', campaignsAsIncidents: false },
    'interchange:commit': { token: uuid },
    'interchange:undo': { importId: uuid },
    'interchange:rejects': { token: uuid },
    'datasets:mappings': undefined,
    'datasets:saveMapping': { name: 'Desk sheet', columns: { Title: 'title', Date: 'start' }, values: { types: { espionage: 'espionage' } }, dateOrder: 'mdy', dataset: 'Desk sheet', version: '' },
  }
}

type Path = (string | number)[]

/** Paths to every value inside `v` (the root included). */
function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])))
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]))
  return out
}

/** A copy of `v` with `edit` applied to the value at `path` (its parent and key are given). */
function edit(v: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(v)
  if (path.length === 0) return copy
  let parent = copy as Record<string | number, unknown>
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>
  change(parent, path[path.length - 1])
  return copy
}

/** Values the structured clone carries that JSON does not, and edge values of each type. */
const oddValue = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, '', ' ', '\u0000', 'x'.repeat(100_001), '__proto__', 'constructor', [], {}, null, true, new Date(0), new Map(), -1, 1e308)
const anyValue = fc.oneof(fc.jsonValue(), oddValue)

/** A schema-shaped mutation of a valid input: one value replaced, one key removed, one key added (prototype keys too), or the value wrapped. */
function mutation(seed: unknown): fc.Arbitrary<unknown> {
  const all = paths(seed)
  const inner = all.filter((p) => p.length > 0)
  const containers = all.filter((p) => {
    let v = seed
    for (const k of p) v = (v as Record<string | number, unknown>)[k]
    return v !== null && typeof v === 'object'
  })
  const options: fc.Arbitrary<unknown>[] = [anyValue.map((x) => [x, seed]), fc.constant([seed])]
  if (inner.length) {
    options.push(
      fc.tuple(fc.constantFrom(...inner), anyValue).map(([p, x]) => edit(seed, p, (parent, k) => (parent[k] = x))),
      fc.constantFrom(...inner).map((p) => edit(seed, p, (parent, k) => (Array.isArray(parent) ? parent.splice(Number(k), 1) : delete parent[k]))),
    )
  }
  if (containers.length) {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'x'), fc.string({ maxLength: 20 }))
    options.push(
      fc.tuple(fc.constantFrom(...containers), key, anyValue).map(([p, k, x]) =>
        p.length === 0
          ? Object.defineProperty(structuredClone(seed as object) ?? {}, k, { value: x, enumerable: true, configurable: true, writable: true })
          : edit(seed, p, (parent, last) => Object.defineProperty(parent[last] as object, k, { value: x, enumerable: true, configurable: true, writable: true })),
      ),
    )
  }
  return fc.oneof(...options)
}

describe('every channel, fuzzed', () => {
  it('has a valid seed for every channel', () => {
    const s = seeds()
    expect(Object.keys(s).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const channel of CHANNEL_NAMES) expect(CHANNELS[channel].safeParse(s[channel]).success, channel).toBe(true)
  })

  it.each([...CHANNEL_NAMES])('%s: never throws, and a rejected call changes no file', { timeout: 60_000 }, async (channel) => {
    const seed = seeds()[channel]
    let before = await folderState()
    let rejected = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, mutation(seed)), async (input) => {
        const result = await call(channel, input)
        expect(typeof result.ok).toBe('boolean')
        const after = await folderState()
        if (result.ok) {
          before = after
          return
        }
        rejected++
        // An 'internal' error is a handler that threw on input the schema let through.
        expect(result.error.code, result.error.message).not.toBe('internal')
        expect(after).toEqual(before)
      }),
      { numRuns: RUNS * 2 },
    )
    expect(rejected).toBeGreaterThan(0)
    // The workspace is still whole and answers.
    expect((await call('workspace:info', undefined)).ok).toBe(true)
  })
})
