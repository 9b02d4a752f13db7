// `npm run browser -- --workspace DIR [--port N] [--sample]`: builds when the build is missing or stale, then runs the browser host.
import { spawn } from 'node:child_process'
import { ensureBuild } from './lib/ensureBuild.mjs'

if (!ensureBuild()) process.exit(1)
const host = spawn(process.execPath, ['out/main/browserHost.js', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 1))
