// Sharing credentials in the desktop app: sealed with the OS keychain through Electron safeStorage, in a 0600 file in the app's data folder; the plain 0600 file when the keychain is unavailable.
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { FileSecretStore, type SecretStore } from '../core/taxii/secretStore'

export const KEYCHAIN_SECRETS_FILE = 'secrets.keychain.json'

/**
 * Decides on first use (safeStorage answers only once the app is ready): the keychain when
 * safeStorage can encrypt, else the plain per-user file core uses everywhere else.
 */
export class KeychainSecretStore implements SecretStore {
  private chosen: SecretStore | null = null

  constructor(private readonly userData: () => string) {}

  private get store(): SecretStore {
    this.chosen ??= safeStorage.isEncryptionAvailable()
      ? new FileSecretStore(
          join(this.userData(), KEYCHAIN_SECRETS_FILE),
          'the system keychain (sealed with Electron safeStorage)',
          (value) => safeStorage.encryptString(value).toString('base64'),
          (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
        )
      : new FileSecretStore()
    return this.chosen
  }

  get kind(): string {
    return this.store.kind
  }

  get(key: string): Promise<string | null> {
    return this.store.get(key)
  }

  set(key: string, value: string): Promise<void> {
    return this.store.set(key, value)
  }

  delete(key: string): Promise<void> {
    return this.store.delete(key)
  }
}
