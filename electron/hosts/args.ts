// A small argument reader for the CLI and the browser host: positionals plus --flag and --key value.

export interface Args {
  positionals: string[]
  flags: Map<string, string | true>
}

/** Reads `--key value`, `--key=value` and bare `--flag`; `booleans` names flags that never take a value. */
export function parseArgs(argv: string[], booleans: readonly string[] = []): Args {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) {
      positionals.push(arg)
      continue
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2)
    if (inline !== undefined) flags.set(key, inline)
    else if (booleans.includes(key) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags.set(key, true)
    else flags.set(key, argv[++i])
  }
  return { positionals, flags }
}

/**
 * The passphrase in the environment variable `--key VAR` names (the passphrase itself never goes on a command line,
 * where other users' `ps` would see it); undefined without the flag, an error when the variable is unset or empty.
 */
export function passphraseFlag(args: Args, key: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = stringFlag(args, key)
  if (name === undefined) return undefined
  const value = env[name]
  if (!value) throw new Error(`--${key} names the environment variable holding the passphrase, and ${name} is not set or is empty.`)
  return value
}

/** The string value of `--key`, or undefined; a bare flag given where a value is needed is an error. */
export function stringFlag(args: Args, key: string): string | undefined {
  const v = args.flags.get(key)
  if (v === true) throw new Error(`--${key} needs a value`)
  return v
}
