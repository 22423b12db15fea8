/**
 * Keychain failures as data. Every way the OS keychain can fail (no Secret Service, no default
 * keyring, a locked keyring, the user saying no, keytar's native module missing) maps to one
 * `AppError` of kind 'keychain' whose message says what happened and whose action says what to do.
 * A secret never appears in these errors: raw failure text is scrubbed before it is kept.
 */
import { appError, fail, ok, type AppError, type Result } from '@common/errors'

/** The distinct keychain failures the app explains to the technician. */
export type KeychainProblem = 'unavailable' | 'module-missing' | 'no-keyring' | 'locked' | 'denied' | 'unknown'

const STILL_WORKS = 'The demo fleet and offline snapshots still work.'

const EXPLANATIONS: Record<KeychainProblem, { message: string; action: string }> = {
  unavailable: {
    message: 'The system keychain is not available: no Secret Service is running.',
    action: `Install and unlock GNOME Keyring or KWallet (Linux), then restart Tellus Field. ${STILL_WORKS}`,
  },
  'module-missing': {
    message: "The system keychain is not available: Tellus Field's keychain module could not be loaded.",
    action: `Reinstall Tellus Field; on Linux also install libsecret (package libsecret-1-0). ${STILL_WORKS}`,
  },
  'no-keyring': {
    message: 'The system keychain has no default keyring to keep secrets in.',
    action: `Open your keyring manager (e.g. "Passwords and Keys"), create a default "Login" keyring and unlock it, then try again. ${STILL_WORKS}`,
  },
  locked: {
    message: 'The system keychain is locked.',
    action: `Unlock your keyring (GNOME Keyring, KWallet or the macOS Keychain), then try again. ${STILL_WORKS}`,
  },
  denied: {
    message: 'Access to the system keychain was denied or the request was cancelled.',
    action: 'Try again and allow Tellus Field to use the keychain when your system asks.',
  },
  unknown: {
    message: 'The system keychain reported an unexpected problem.',
    action: `Try again; if it keeps happening, restart your keyring service (or sign out of your computer and back in) and restart Tellus Field. ${STILL_WORKS}`,
  },
}

/** Known failure texts (libsecret / D-Bus, KWallet, macOS, Windows), checked in this order. */
const PATTERNS: Array<[KeychainProblem, RegExp]> = [
  [
    'unavailable',
    /autolaunch d-bus|\$DISPLAY|org\.freedesktop\.secrets was not provided|ServiceUnknown|DBUS_SESSION_BUS_ADDRESS|could not connect|failed to connect|connection refused|NoReply|did not receive a reply|not provided by any \.service files/i,
  ],
  ['no-keyring', /object does not exist at path .*collection|no such (secret )?collection|NoSuchObject/i],
  ['locked', /locked|interaction is not allowed/i],
  ['denied', /cancel|denied|dismissed|not authori[sz]ed/i],
]

const EXCERPT_LIMIT = 200

/** A keychain failure thrown by a `SecretStore`; `error` is the plain `AppError` to pass on. */
export class KeychainError extends Error {
  readonly problem: KeychainProblem
  readonly error: AppError

  constructor(problem: KeychainProblem, error: AppError) {
    super(error.message)
    this.name = 'KeychainError'
    this.problem = problem
    this.error = error
  }
}

/** The `AppError` for a keychain problem; `detail` (already secret-free) goes into the excerpt. */
export function keychainProblemError(problem: KeychainProblem, detail?: string): AppError {
  const { message, action } = EXPLANATIONS[problem]
  return appError('keychain', message, { action, excerpt: detail })
}

/** Builds a `KeychainError` for a problem (used by stores that know the problem already). */
export function keychainFailure(problem: KeychainProblem, detail?: string): KeychainError {
  return new KeychainError(problem, keychainProblemError(problem, detail))
}

/** Names the problem behind a raw keychain failure text. */
export function classifyKeychainMessage(text: string): KeychainProblem {
  for (const [problem, pattern] of PATTERNS) if (pattern.test(text)) return problem
  return 'unknown'
}

/**
 * Turns anything a keychain call threw into a `KeychainError`. `secrets` are strings that must not
 * survive into the error (the secret being stored); they are cut out of the kept excerpt.
 */
export function toKeychainError(cause: unknown, secrets: readonly string[] = []): KeychainError {
  if (cause instanceof KeychainError) return cause
  const raw = cause instanceof Error ? cause.message : String(cause)
  const scrubbed = secrets.filter((s) => s.length > 0).reduce((text, secret) => text.split(secret).join('[secret]'), raw)
  return keychainFailure(classifyKeychainMessage(scrubbed), scrubbed.slice(0, EXCERPT_LIMIT))
}

/** Runs a keychain call and returns its outcome as a `Result` (keychain failures as data). */
export async function attemptKeychain<T>(operation: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await operation())
  } catch (error) {
    return fail(toKeychainError(error).error)
  }
}
