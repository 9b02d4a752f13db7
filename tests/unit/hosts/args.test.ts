// Reading a passphrase for the CLI and the browser host: only ever from the environment variable a flag names.
import { describe, expect, it } from 'vitest'
import { parseArgs, passphraseFlag } from '../../../electron/hosts/args'

describe('--passphrase-env', () => {
  it('reads the passphrase from the variable it names', () => {
    const args = parseArgs(['stats', 'ws', '--passphrase-env', 'WF_PASS'])
    expect(passphraseFlag(args, 'passphrase-env', { WF_PASS: 'amber strict laptop' })).toBe('amber strict laptop')
  })

  it('is undefined without the flag', () => {
    expect(passphraseFlag(parseArgs(['stats', 'ws']), 'passphrase-env', { WF_PASS: 'x' })).toBeUndefined()
  })

  it('refuses an unset or empty variable, naming it, and a flag without a name', () => {
    expect(() => passphraseFlag(parseArgs(['--passphrase-env', 'WF_MISSING']), 'passphrase-env', {})).toThrow('WF_MISSING is not set or is empty')
    expect(() => passphraseFlag(parseArgs(['--passphrase-env', 'WF_EMPTY']), 'passphrase-env', { WF_EMPTY: '' })).toThrow('WF_EMPTY is not set or is empty')
    expect(() => passphraseFlag(parseArgs(['stats', '--passphrase-env']), 'passphrase-env', {})).toThrow('--passphrase-env needs a value')
  })
})
