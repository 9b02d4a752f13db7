#!/usr/bin/env node
// The `watchfloor` command: init, stats, validate, report, export and import over the same store and services as the app.
import { parseArgs, stringFlag } from '../args'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { ServiceError } from '../../../shared/result'
import { emptyWorkspace } from '../../../shared/workspace'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'
import { validateWorkspace } from '../../core/store/validate'
import { exportCommand, importCommand } from './interchangeCommand'
import { reportCommand } from './reportCommand'
import { basename, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const USAGE = `usage:
  watchfloor init DIR [--sample] [--name NAME]   create a workspace (the bundled sample with --sample)
  watchfloor stats DIR [--json]                  count the records of each type (notes included)
  watchfloor validate DIR                        check the file, its schema and its references
  watchfloor report DIR --format pdf|docx|md|html --out FILE [--report NAME]
                                                 export a saved briefing (the whole workspace without --report)
  watchfloor export DIR --format stix|misp|csv --out FILE [--filter KEY=VALUE …]
                                                 the workspace (or the incidents a filter keeps: text, victim, sponsor,
                                                 type, nexus, from, to) as a STIX 2.1 bundle, MISP events or a CSV table
  watchfloor import DIR FILE [--format auto|stix|misp|csv|eurepoc|cfr] [--mapping FILE] [--dataset-version V]
                             [--campaigns] [--dry-run] [--json]
                                                 a STIX bundle (2.1, 2.0 upgraded), MISP events, an EuRepoC or CFR export,
                                                 or a CSV file read through a saved column mapping (--mapping): every
                                                 object or row accounted for (new, updated, duplicate, kept, conflict,
                                                 skipped/rejected with reasons); --dry-run changes nothing;
                                                 --campaigns imports campaigns as incidents`

function out(line: string): void {
  process.stdout.write(line + '\n')
}

async function init(dir: string, sample: boolean, name?: string): Promise<number> {
  if (existsSync(join(dir, 'workspace.json'))) throw new ServiceError('conflict', `${dir} already holds a workspace; nothing was changed.`)
  const data = sample ? sampleWorkspace() : emptyWorkspace(name ?? basename(resolve(dir)))
  if (name) data.name = name
  const store = await WorkspaceStore.open(dir, { create: { data } })
  await store.close()
  out(`Created ${sample ? 'the sample workspace' : 'an empty workspace'} “${data.name}” in ${resolve(dir)} (${data.incidents.length} incidents, ${data.actors.length} actors, ${data.sources.length} sources).`)
  return 0
}

async function stats(dir: string, json: boolean): Promise<number> {
  const result = await validateWorkspace(dir)
  if (!result.ok) throw new ServiceError('invalid-input', result.problems.join('\n'))
  const ws = result.workspace
  const counts = {
    incidents: ws.incidents.length,
    attributions: ws.incidents.reduce((n, i) => n + i.attributions.length, 0),
    responses: ws.incidents.reduce((n, i) => n + i.responses.length, 0),
    actors: ws.actors.length,
    sources: ws.sources.length,
    notes: ws.notes.length,
  }
  if (json) out(JSON.stringify({ name: ws.name, schemaVersion: ws.schemaVersion, counts }, null, 2))
  else {
    out(`${ws.name} (schema version ${ws.schemaVersion})`)
    for (const [k, v] of Object.entries(counts)) out(`  ${k.padEnd(13)} ${v}`)
  }
  return 0
}

async function validate(dir: string): Promise<number> {
  const result = await validateWorkspace(dir)
  if (!result.ok) {
    process.stderr.write(`${resolve(dir)}: not valid\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`)
    return 1
  }
  for (const w of result.warnings) out(`warning: ${w}`)
  out(`${resolve(dir)}: valid (${result.workspace.incidents.length} incidents, ${result.workspace.actors.length} actors, ${result.workspace.sources.length} sources, ${result.workspace.notes.length} notes)`)
  return 0
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['sample', 'json', 'help', 'dry-run', 'campaigns'])
  const [command, dir, ...extra] = args.positionals
  if (!command || args.flags.has('help')) {
    out(USAGE)
    return command ? 0 : 2
  }
  if (command === 'import') {
    if (!dir || extra.length !== 1) throw new ServiceError('invalid-input', `import takes a folder and a file.\n${USAGE}`)
    return importCommand({ dir, file: extra[0], format: stringFlag(args, 'format'), mapping: stringFlag(args, 'mapping'), datasetVersion: stringFlag(args, 'dataset-version'), dryRun: args.flags.has('dry-run'), json: args.flags.has('json'), campaigns: args.flags.has('campaigns'), log: out })
  }
  if (!dir || extra.length > 0) throw new ServiceError('invalid-input', `${command} takes one folder.\n${USAGE}`)
  switch (command) {
    case 'init':
      return init(dir, args.flags.has('sample'), stringFlag(args, 'name'))
    case 'stats':
      return stats(dir, args.flags.has('json'))
    case 'validate':
      return validate(dir)
    case 'export':
      // --filter may be given several times; the flag map keeps one value, so read them from argv.
      return exportCommand({ dir, format: stringFlag(args, 'format'), out: stringFlag(args, 'out'), filters: argv.flatMap((a, n) => (a === '--filter' && argv[n + 1] ? [argv[n + 1]] : a.startsWith('--filter=') ? [a.slice(9)] : [])), log: out })
    case 'report':
      return reportCommand({ dir, format: stringFlag(args, 'format'), out: stringFlag(args, 'out'), report: stringFlag(args, 'report'), rendererDir: join(import.meta.dirname, '../renderer'), log: out })
    default:
      throw new ServiceError('invalid-input', `Unknown command ${command}.\n${USAGE}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`watchfloor: ${err.message}\n`)
    process.exit(2)
  },
)
