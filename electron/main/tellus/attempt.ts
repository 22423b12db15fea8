/**
 * The outcome of one attempt at a request: a `Result` whose failure may be marked `transient`
 * (trying again may help). Only the layer that knows the failure marks it: the transport for
 * network failures, `markTransientApiError` for the API's transient codes.
 */
import { fail, type AppError, type Result } from '@common/errors'
import { TRANSIENT_API_CODES } from './api-errors'

/** A failed attempt; `transient` when trying again may help. */
export interface FailedAttempt {
  ok: false
  error: AppError
  transient?: boolean
  /** Caps the attempts for this kind of failure below the policy's (an unreachable host). */
  maxAttempts?: number
}

/** A value, or a failure that may be transient. */
export type Attempt<T> = { ok: true; value: T } | FailedAttempt

/** A failure; `transient` when trying again may help. */
export function failedAttempt(error: AppError, transient: boolean, maxAttempts?: number): FailedAttempt {
  const attempt: FailedAttempt = transient ? { ok: false, error, transient } : { ok: false, error }
  if (maxAttempts !== undefined) attempt.maxAttempts = maxAttempts
  return attempt
}

/** Attempts in all for a host that could not be reached at all: the first and one quick retry. */
export const UNREACHABLE_MAX_ATTEMPTS = 2

/** Drops the transience flag, leaving the plain `Result` callers see. */
export function toResult<T>(attempt: Attempt<T>): Result<T> {
  return attempt.ok ? attempt : fail(attempt.error)
}

/** HTTP statuses of a gateway between us and the API that failed (no Tellus envelope). */
export const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504])

/** True for parsed errors the docs call transient: 5001, 9001, and a failing gateway. */
export function isTransientResponseError(error: AppError): boolean {
  if (error.kind === 'rate-limited') return true
  if (error.kind === 'api') return error.code !== undefined && TRANSIENT_API_CODES.has(error.code)
  return error.kind === 'network' && error.status !== undefined && GATEWAY_STATUSES.has(error.status)
}

/** Marks a parsed response's failure as transient when it is. */
export function withTransience<T>(result: Result<T>): Attempt<T> {
  return result.ok ? result : failedAttempt(result.error, isTransientResponseError(result.error))
}
