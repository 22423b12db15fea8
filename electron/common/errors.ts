/**
 * Errors as plain data. Everything that crosses IPC, and every failure a service reports, is an
 * `AppError`: never a thrown Error with a stack. The message says what happened; the action says
 * what the technician can do about it.
 */
export const APP_ERROR_KINDS = [
  'api',
  'auth',
  'network',
  'timeout',
  'rate-limited',
  'invalid-response',
  'invalid-input',
  'keychain',
  'storage',
  'cancelled',
  'internal',
] as const
export type AppErrorKind = (typeof APP_ERROR_KINDS)[number]

export interface AppError {
  kind: AppErrorKind
  /** Tellus error code (1001, 2001, 3001, 5001, 9001, …) when the API gave one. */
  code?: number
  /** What happened, in words a technician understands. Never contains a secret or a token. */
  message: string
  /** What to do about it. */
  action?: string
  /** A short, secret-free excerpt of an unexpected response body, for support. */
  excerpt?: string
  /** HTTP status when there was a response. */
  status?: number
  /** For rate limiting: how long the caller should wait, in milliseconds. */
  retryAfterMs?: number
  /** For rate limiting: when that wait ends (ISO 8601), so the UI can count down to it. */
  retryAt?: string
}

/** The outcome of any service call or IPC request. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Wraps an error as a failed result. */
export function fail<T = never>(error: AppError): Result<T> {
  return { ok: false, error }
}

/** Builds an `AppError`, dropping undefined optional fields so results stay plain and comparable. */
export function appError(kind: AppErrorKind, message: string, extra: Omit<AppError, 'kind' | 'message'> = {}): AppError {
  const error: AppError = { kind, message }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (error as unknown as Record<string, unknown>)[key] = value
  }
  return error
}

/** True when a value has the shape of an `AppError` (for errors thrown by services as data). */
export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).message === 'string' &&
    (APP_ERROR_KINDS as readonly string[]).includes((value as AppError).kind)
  )
}

/** Exhaustiveness check for switches over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}
