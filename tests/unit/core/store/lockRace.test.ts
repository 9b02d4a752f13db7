// Two or three processes opening a workspace together, after a crash left a stale lock: exactly one of them writes, every save it reports is on disk, and the file stays valid.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrityProblems } from '../../../../shared/integrity'
import { WorkspaceSchema } from '../../../../shared/workspace'
import { WORKSPACE_FILE } from '../../../../electron/core/store/files'
import { LOCK_FILE } from '../../../../electron/core/store/lock'
import { WorkspaceStore } from '../../../../electron/core/store/WorkspaceStore'

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url))
const ROUNDS = 100

interface Answer {
  tag: string
  writer?: boolean
  saved?: string[]
  error?: string
}

/** A long-lived racer process; `open` sends it one round and resolves with its answer. */
class Racer {
  private readonly child: ChildProcess
  private readonly answers: ((a: Answer) => void)[] = []
  stderr = ''
  constructor() {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/lockRacer.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stderr!.on('data', (d) => (this.stderr += d))
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.answers.shift()?.(JSON.parse(line) as Answer))
  }
  open(dir: string, tag: string): Promise<Answer> {
    return new Promise((resolve) => {
      this.answers.push(resolve)
      this.child.stdin!.write(`open ${dir} ${tag}\n`)
    })
  }
  /** Closes the workspace it holds (releasing the lock if it had it). */
  close(): Promise<Answer> {
    return new Promise((resolve) => {
      this.answers.push(resolve)
      this.child.stdin!.write('close\n')
    })
  }
  stop(): void {
    this.child.kill('SIGKILL')
  }
}

let root: string
const racers: Racer[] = []
let stalePid: number

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'watchfloor-race-'))
  for (let n = 0; n < 3; n++) racers.push(new Racer())
  const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => gone.once('exit', resolve))
  stalePid = gone.pid!
})

afterAll(async () => {
  for (const r of racers) r.stop()
  await rm(root, { recursive: true, force: true })
})

/** A workspace whose lock names a process that died (a crash), ready for a round. */
async function crashedWorkspace(name: string): Promise<string> {
  const dir = join(root, name)
  const store = await WorkspaceStore.open(dir, { create: { name } })
  await store.close()
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: stalePid, host: hostname(), since: new Date(0).toISOString(), token: 'crashed' }))
  return dir
}

async function expectOneWriterAndEverySave(dir: string, answers: Answer[], context: string): Promise<void> {
  expect(answers.filter((a) => a.error), `${context}: ${JSON.stringify(answers)}`).toEqual([])
  const writers = answers.filter((a) => a.writer)
  expect(writers, `${context}: writers ${JSON.stringify(answers)}`).toHaveLength(1)
  const data = WorkspaceSchema.parse(JSON.parse(await readFile(join(dir, WORKSPACE_FILE), 'utf8')))
  expect(integrityProblems(data), context).toEqual([])
  expect(data.incidents.map((i) => i.title).sort(), context).toEqual([...writers[0].saved!].sort())
}

describe('a stale lock and openers started together', () => {
  for (const count of [2, 3]) {
    it(`gives exactly one of ${count} processes the right to write, in each of ${ROUNDS} rounds`, { timeout: 240_000 }, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const dir = await crashedWorkspace(`r${count}-${round}`)
        const answers = await Promise.all(racers.slice(0, count).map((r, n) => r.open(dir, `p${n}`)))
        await Promise.all(racers.slice(0, count).map((r) => r.close()))
        await expectOneWriterAndEverySave(dir, answers, `round ${round} of ${count}`)
      }
    })
  }
})

describe('the browser host and another process started together on a stale lock', () => {
  it('lets exactly one of them write', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 10; round++) {
      const dir = await crashedWorkspace(`host-${round}`)
      const host = spawn(process.execPath, [join(ROOT, 'out/main/browserHost.js'), '--workspace', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
      const [other, hostReadOnly] = await Promise.all([
        racers[0].open(dir, 'app'),
        new Promise<boolean>((resolve, reject) => {
          let out = ''
          let err = ''
          host.stderr!.on('data', (d) => (err += d))
          host.stdout!.on('data', (d) => {
            out += d
            if (/browser host: http/.test(out)) resolve(/Read-only:/.test(err))
          })
          host.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${err}`)))
        }),
      ])
      const exited = new Promise((resolve) => host.once('exit', resolve))
      host.kill('SIGTERM')
      await exited
      await racers[0].close()
      expect(other.error, `round ${round}`).toBeUndefined()
      expect([other.writer, !hostReadOnly].filter(Boolean), `round ${round}: app writer ${other.writer}, host read-only ${hostReadOnly}`).toHaveLength(1)
    }
  })
})
