/**
 * The secret store over keytar (macOS Keychain, Windows Credential Manager, libsecret on Linux).
 * Secrets live under the app's own service name, one entry per profile id. keytar is a native
 * module and is loaded lazily, on first use: where it is missing or cannot load, every call fails
 * as "keychain not available" and the rest of the app still starts.
 */
import { randomBytes } from 'node:crypto'
import type * as Keytar from 'keytar'
import type { KeychainState } from '@common/profile-types'
import { keychainFailure, toKeychainError } from './keychain-errors'
import { unavailableState, type SecretStore } from './secret-store'

/** The part of keytar this store uses. */
export type KeytarApi = Pick<typeof Keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>

/** The app's keychain service name. */
export const KEYCHAIN_SERVICE = 'tellus-field'

/** The account `probe` writes and deletes again; never listed. */
export const PROBE_ACCOUNT = '__tellus-field-probe__'

export interface KeytarSecretStoreOptions {
  /** Appended to the service name ("tellus-field-<suffix>"), so tests never touch the real entries. */
  serviceSuffix?: string
  /** Loads keytar; defaults to a dynamic import. Tests inject failures here. */
  loadKeytar?: () => Promise<KeytarApi>
}

/** Imports keytar, coping with both CommonJS interop shapes. */
export async function importKeytar(): Promise<KeytarApi> {
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi }
  return loaded.default ?? loaded
}

/** `SecretStore` over the OS keychain through keytar. */
export class KeytarSecretStore implements SecretStore {
  /** The keychain service name the entries are stored under. */
  readonly service: string
  private readonly loadKeytar: () => Promise<KeytarApi>
  private keytar: Promise<KeytarApi> | null = null

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.serviceSuffix ? `${KEYCHAIN_SERVICE}-${options.serviceSuffix}` : KEYCHAIN_SERVICE
    this.loadKeytar = options.loadKeytar ?? importKeytar
  }

  async get(account: string): Promise<string | null> {
    return this.run((k) => k.getPassword(this.service, account))
  }

  async set(account: string, secret: string): Promise<void> {
    await this.run((k) => k.setPassword(this.service, account, secret), [secret])
  }

  async delete(account: string): Promise<boolean> {
    return this.run((k) => k.deletePassword(this.service, account))
  }

  async list(): Promise<string[]> {
    const found = await this.run((k) => k.findCredentials(this.service))
    return found.map((entry) => entry.account).filter((account) => account !== PROBE_ACCOUNT)
  }

  /**
   * Writes, reads back and deletes a throw-away entry. A read-only check is not enough: with a
   * locked keyring, or none at all, libsecret still answers searches (with nothing) and only
   * refuses writes.
   */
  async probe(): Promise<KeychainState> {
    const token = randomBytes(12).toString('hex')
    try {
      await this.set(PROBE_ACCOUNT, token)
      const readBack = await this.get(PROBE_ACCOUNT)
      await this.delete(PROBE_ACCOUNT)
      if (readBack !== token) return unavailableState(keychainFailure('locked', 'The keychain did not return a secret it had just stored.'))
      return { available: true }
    } catch (error) {
      return unavailableState(toKeychainError(error, [token]))
    }
  }

  private async run<T>(operation: (keytar: KeytarApi) => Promise<T>, secrets: readonly string[] = []): Promise<T> {
    const keytar = await this.module()
    try {
      return await operation(keytar)
    } catch (error) {
      throw toKeychainError(error, secrets)
    }
  }

  /** Loads keytar once; a load failure is remembered and reported as a missing keychain module. */
  private module(): Promise<KeytarApi> {
    this.keytar ??= this.loadKeytar().catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error)
      throw keychainFailure('module-missing', detail.slice(0, 200))
    })
    return this.keytar
  }
}
