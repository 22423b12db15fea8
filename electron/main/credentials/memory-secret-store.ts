/**
 * An in-memory `SecretStore` for tests and the browser shell. With `sessionOnly` it reports itself as
 * such (the browser shell where no Secret Service runs), so the UI never claims a keychain. `mode` simulates the keychain's
 * failure modes the way gnome-keyring shows them: 'unavailable' and 'denied' fail every call;
 * 'locked' answers reads with nothing and refuses writes.
 */
import type { KeychainState } from '@common/profile-types'
import { keychainFailure, type KeychainProblem } from './keychain-errors'
import { unavailableState, type SecretStore } from './secret-store'

/** What the simulated keychain does. */
export type MemoryKeychainMode = 'available' | 'unavailable' | 'locked' | 'denied'

const FAILING: Record<Exclude<MemoryKeychainMode, 'available'>, KeychainProblem> = {
  unavailable: 'unavailable',
  locked: 'locked',
  denied: 'denied',
}

/** `SecretStore` held in a Map; switch `mode` to simulate an unusable keychain. */
export class MemorySecretStore implements SecretStore {
  mode: MemoryKeychainMode
  private readonly entries: Map<string, string>

  private readonly sessionOnly: boolean

  constructor(options: { mode?: MemoryKeychainMode; entries?: Record<string, string>; sessionOnly?: boolean } = {}) {
    this.mode = options.mode ?? 'available'
    this.entries = new Map(Object.entries(options.entries ?? {}))
    this.sessionOnly = options.sessionOnly ?? false
  }

  async get(account: string): Promise<string | null> {
    if (this.mode === 'locked') return null
    this.refuseUnlessAvailable()
    return this.entries.get(account) ?? null
  }

  async set(account: string, secret: string): Promise<void> {
    this.refuseUnlessAvailable()
    this.entries.set(account, secret)
  }

  async delete(account: string): Promise<boolean> {
    if (this.mode === 'locked') return false
    this.refuseUnlessAvailable()
    return this.entries.delete(account)
  }

  async list(): Promise<string[]> {
    if (this.mode === 'locked') return []
    this.refuseUnlessAvailable()
    return [...this.entries.keys()]
  }

  async probe(): Promise<KeychainState> {
    if (this.mode !== 'available') return unavailableState(keychainFailure(FAILING[this.mode]))
    return this.sessionOnly ? { available: true, sessionOnly: true } : { available: true }
  }

  private refuseUnlessAvailable(): void {
    if (this.mode !== 'available') throw keychainFailure(FAILING[this.mode])
  }
}
