// Entry of `npm run browser -- --workspace DIR [--port N] [--sample]`: opens the workspace and serves the app.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace'
import { ServiceError } from '../../../shared/result'
import { parseArgs, passphraseFlag, stringFlag } from '../args'
import { startBrowserHost } from './browserHost'
import { Session } from '../../core/session'
import { ChromiumPdfRenderer } from '../../core/services/report/ChromiumPdfRenderer'
import { WORKSPACE_FILE } from '../../core/store/files'

const USAGE =
  'usage: npm run browser -- --workspace DIR [--port N] [--sample] [--passphrase-env VAR]\n' +
  '  --sample          create the sample workspace in DIR when DIR holds none\n' +
  '  --passphrase-env  the environment variable holding an encrypted workspace\'s passphrase; without it the page asks for it'

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['sample', 'help'])
  if (args.flags.has('help')) return void console.log(USAGE)
  const dir = stringFlag(args, 'workspace')
  if (!dir) throw new Error(`--workspace DIR is required\n${USAGE}`)
  const portText = stringFlag(args, 'port') ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not ${portText}`)
  const hasWorkspace = existsSync(join(dir, WORKSPACE_FILE))
  if (!hasWorkspace && !args.flags.has('sample')) {
    throw new Error(`${dir} holds no workspace. Create one with \`watchfloor init ${dir} --sample\`, or pass --sample.`)
  }
  const pdf = new ChromiumPdfRenderer()
  const session = new Session(pdf)
  const passphrase = passphraseFlag(args, 'passphrase-env')
  let info
  try {
    info = await session.open(dir, hasWorkspace ? { passphrase } : { create: { data: sampleWorkspace() } })
  } catch (err) {
    // Without --passphrase-env the session waits for the page to send the passphrase; a wrong one given here is an error.
    if (!(err instanceof ServiceError && err.code === 'locked' && passphrase === undefined)) throw err
  }
  const host = await startBrowserHost({ session, rendererDir: join(import.meta.dirname, '../renderer'), port })
  if (info?.readOnly) console.error(`Read-only: ${info.readOnly}`)
  if (!info) console.log('The workspace is encrypted: the page asks for its passphrase.')
  console.log(`Watchfloor browser host: ${host.url}`)
  console.log('This address works once: it gives the browser that opens it a session cookie. Restart the host for a new one.')
  const stop = async () => {
    await host.close()
    await session.close()
    await pdf.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: Error) => {
  console.error(err.message)
  process.exit(2)
})
