#!/usr/bin/env node
// The `watchfloor` command: init, stats, validate, report, export and import over the same store and services as the app.
import { parseArgs, passphraseFlag, stringFlag } from '../args'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { MIN_PASSPHRASE } from '../../../shared/contract'
import { ServiceError } from '../../../shared/result'
import { emptyWorkspace } from '../../../shared/workspace'
import { WorkspaceStore } from '../../core/store/WorkspaceStore'
import { validateWorkspace } from '../../core/store/validate'
import { encryptionCommand } from './encryptionCommand'
import { exportCommand, importCommand } from './interchangeCommand'
import { reportCommand } from './reportCommand'
import { intakeCommand } from './intakeCommand'
import { taxiiCommand } from './taxiiCommand'
import { basename, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const USAGE = `usage:
  watchfloor init DIR [--sample] [--name NAME]   create a workspace (the bundled sample with --sample)
  watchfloor stats DIR [--json]                  count the records of each type (notes included)
  watchfloor validate DIR                        check the file, its schema, its references and archived copies
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
                                                 --campaigns imports campaigns as incidents
  watchfloor intake DIR FILE [--json] [--apply [--merge ID] [--force]]
                                                 draft an incident from a news article (.txt, .md, .html, .pdf) with the
                                                 sentence behind every field; nothing is written without --apply, which
                                                 creates it (refused when it looks like an existing incident unless
                                                 --force) or merges it into incident ID
  watchfloor taxii DIR test|collections|push|pull --server URL [--collection ID] [--user NAME] [--password-env VAR]
                   [--token-env VAR [--token-header NAME]] [--filter KEY=VALUE …] [--dry-run] [--json]
                                                 team sync with a TAXII 2.1 server: push sends what changed since the last
                                                 push; pull previews what is new and imports it (not with --dry-run); the
                                                 password comes from the named variable, else the one saved for the server
  watchfloor encrypt DIR --passphrase-env VAR    encrypt the workspace, its backups and audit log (a backup first)
  watchfloor decrypt DIR --passphrase-env VAR    turn an encrypted workspace back into plain files
  watchfloor rekey DIR --passphrase-env OLD --new-passphrase-env NEW
                                                 change an encrypted workspace's passphrase
Every command that opens an encrypted workspace takes --passphrase-env VAR: the name of an environment variable
holding the passphrase (never the passphrase itself, which other users could see in the process list).
init --passphrase-env VAR creates the workspace encrypted.`

function out(line: string): void {
  process.stdout.write(line + '\n')
}

async function init(dir: string, sample: boolean, name?: string, passphrase?: string): Promise<number> {
  if (existsSync(join(dir, 'workspace.json'))) throw new ServiceError('conflict', `${dir} already holds a workspace; nothing was changed.`)
  const data = sample ? sampleWorkspace() : emptyWorkspace(name ?? basename(resolve(dir)))
  if (name) data.name = name
  const store = await WorkspaceStore.open(dir, { create: { data } })
  if (passphrase !== undefined) await store.setPassphrase(passphrase)
  await store.close()
  out(`Created ${sample ? 'the sample workspace' : 'an empty workspace'}${passphrase !== undefined ? ', encrypted,' : ''} “${data.name}” in ${resolve(dir)} (${data.incidents.length} incidents, ${data.actors.length} actors, ${data.sources.length} sources).`)
  return 0
}

async function stats(dir: string, json: boolean, passphrase?: string): Promise<number> {
  const result = await validateWorkspace(dir, passphrase)
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

async function validate(dir: string, passphrase?: string): Promise<number> {
  const result = await validateWorkspace(dir, passphrase)
  if (!result.ok) {
    process.stderr.write(`${resolve(dir)}: not valid\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`)
    return 1
  }
  for (const w of result.warnings) out(`warning: ${w}`)
  if (result.copyProblems.length > 0) {
    process.stderr.write(`${resolve(dir)}: ${result.copyProblems.length} archived ${result.copyProblems.length === 1 ? 'copy does' : 'copies do'} not match ${result.copyProblems.length === 1 ? 'its record' : 'their records'}\n${result.copyProblems.map((p) => `  - ${p}`).join('\n')}\n`)
    return 1
  }
  out(`${resolve(dir)}: valid (${result.workspace.incidents.length} incidents, ${result.workspace.actors.length} actors, ${result.workspace.sources.length} sources, ${result.workspace.notes.length} notes)`)
  return 0
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['sample', 'json', 'help', 'dry-run', 'campaigns', 'apply', 'force'])
  const [command, dir, ...extra] = args.positionals
  const passphrase = passphraseFlag(args, 'passphrase-env')
  if (!command || args.flags.has('help')) {
    out(USAGE)
    return command ? 0 : 2
  }
  if (command === 'import') {
    if (!dir || extra.length !== 1) throw new ServiceError('invalid-input', `import takes a folder and a file.\n${USAGE}`)
    return importCommand({ dir, file: extra[0], passphrase, format: stringFlag(args, 'format'), mapping: stringFlag(args, 'mapping'), datasetVersion: stringFlag(args, 'dataset-version'), dryRun: args.flags.has('dry-run'), json: args.flags.has('json'), campaigns: args.flags.has('campaigns'), log: out })
  }
  if (command === 'intake') {
    if (!dir || extra.length !== 1) throw new ServiceError('invalid-input', `intake takes a folder and a file.\n${USAGE}`)
    return intakeCommand({ dir, file: extra[0], passphrase, json: args.flags.has('json'), apply: args.flags.has('apply'), merge: stringFlag(args, 'merge'), force: args.flags.has('force'), log: out })
  }
  if (command === 'taxii') {
    if (!dir || extra.length !== 1) throw new ServiceError('invalid-input', `taxii takes a folder and one of test, collections, push, pull.\n${USAGE}`)
    return taxiiCommand({
      dir,
      passphrase,
      action: extra[0],
      server: stringFlag(args, 'server'),
      collection: stringFlag(args, 'collection'),
      user: stringFlag(args, 'user'),
      passwordEnv: stringFlag(args, 'password-env'),
      tokenEnv: stringFlag(args, 'token-env'),
      tokenHeader: stringFlag(args, 'token-header'),
      filters: argv.flatMap((a, n) => (a === '--filter' && argv[n + 1] ? [argv[n + 1]] : a.startsWith('--filter=') ? [a.slice(9)] : [])),
      dryRun: args.flags.has('dry-run'),
      json: args.flags.has('json'),
      env: process.env,
      log: out,
    })
  }
  if (!dir || extra.length > 0) throw new ServiceError('invalid-input', `${command} takes one folder.\n${USAGE}`)
  switch (command) {
    case 'init':
      if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE) throw new ServiceError('invalid-input', `The passphrase is shorter than ${MIN_PASSPHRASE} characters; nothing was created.`)
      return init(dir, args.flags.has('sample'), stringFlag(args, 'name'), passphrase)
    case 'stats':
      return stats(dir, args.flags.has('json'), passphrase)
    case 'validate':
      return validate(dir, passphrase)
    case 'encrypt':
    case 'decrypt':
    case 'rekey':
      return encryptionCommand({ dir, action: command, passphrase, next: passphraseFlag(args, 'new-passphrase-env'), log: out })
    case 'export':
      // --filter may be given several times; the flag map keeps one value, so read them from argv.
      return exportCommand({ dir, passphrase, format: stringFlag(args, 'format'), out: stringFlag(args, 'out'), filters: argv.flatMap((a, n) => (a === '--filter' && argv[n + 1] ? [argv[n + 1]] : a.startsWith('--filter=') ? [a.slice(9)] : [])), log: out })
    case 'report':
      return reportCommand({ dir, passphrase, format: stringFlag(args, 'format'), out: stringFlag(args, 'out'), report: stringFlag(args, 'report'), rendererDir: join(import.meta.dirname, '../renderer'), log: out })
    default:
      throw new ServiceError('invalid-input', `Unknown command ${command}.\n${USAGE}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    const hint = err instanceof ServiceError && err.code === 'locked' && !process.argv.some((a) => a.startsWith('--passphrase-env')) ? ' Pass --passphrase-env VAR, VAR being an environment variable that holds it.' : ''
    process.stderr.write(`watchfloor: ${err.message}${hint}\n`)
    process.exit(2)
  },
)
