/**
 * Where client secrets live: the OS keychain, one entry per profile id. Every method rejects with a
 * `KeychainError` (carrying an `AppError` of kind 'keychain') when the keychain cannot be used, and
 * never with a message that contains a secret. `probe` never rejects: it reports the state.
 */
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import type { KeychainState } from '@common/profile-types'
import { KeychainError } from './keychain-errors'

/** A keychain of secrets keyed by account (a profile id). Failures reject with `KeychainError`. */
export interface SecretStore {
  /** The secret for `account`, or null when there is none. */
  get(account: string): Promise<string | null>
  /** Stores (or replaces) the secret for `account`. */
  set(account: string, secret: string): Promise<void>
  /** Deletes the secret for `account`; false when there was none. */
  delete(account: string): Promise<boolean>
  /** The accounts that hold a secret. */
  list(): Promise<string[]>
  /** Checks with a real round trip whether secrets can be stored and read back. Never rejects. */
  probe(): Promise<KeychainState>
}

/** The keychain state reported for a failure. */
export function unavailableState(error: KeychainError | AppError): KeychainState {
  const appErr = error instanceof KeychainError ? error.error : error
  return { available: false, reason: appErr.message, action: appErr.action ?? '' }
}

/** The `AppError` for an unavailable keychain state, to refuse an operation with. */
export function keychainStateError(state: Extract<KeychainState, { available: false }>): AppError {
  return appError('keychain', state.reason, { action: state.action || undefined })
}

/** The keychain's state when it can be used; otherwise the error to refuse an operation with. */
export async function requireKeychain(secrets: SecretStore): Promise<Result<KeychainState>> {
  const state = await secrets.probe()
  return state.available ? ok(state) : fail(keychainStateError(state))
}
