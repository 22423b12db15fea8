/**
 * The browser shell keeps secrets as the app does: in the OS keychain (Secret Service) where one
 * answers, otherwise in memory, reported as session-only so the Profiles view says so plainly.
 */
import type { SecretStore } from '@main/credentials/secret-store'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'

/** The store chosen and why, for the startup message. */
export interface ChosenSecretStore {
  store: SecretStore
  kind: 'keychain' | 'session'
  /** Why the keychain was not used (kind 'session'). */
  reason?: string
}

/** Uses `keychain` when its probe succeeds (a real round trip), else a session-only memory store. */
export async function chooseSecretStore(keychain: SecretStore | null): Promise<ChosenSecretStore> {
  if (keychain !== null) {
    const state = await keychain.probe()
    if (state.available) return { store: keychain, kind: 'keychain' }
    return { store: new MemorySecretStore({ sessionOnly: true }), kind: 'session', reason: state.reason }
  }
  return { store: new MemorySecretStore({ sessionOnly: true }), kind: 'session', reason: 'in-memory secrets were asked for' }
}
