/**
 * When to try a failed request again, and how long to wait first.
 *
 * Each attempt at a request ends in an `Attempt`: a `Result` whose failure may be marked `transient`
 * (trying again may help). Only the layer that knows the failure marks it: the HTTP exchange for
 * network failures, `withTransience` for the API's transient codes and failing servers.
 * Only transient failures are retried (5001, 9001, network failures, and any 5xx without a Tellus
 * envelope), with capped exponential backoff plus jitter, as in the Tellus errors guide:
 *   delay = min(base × 2^attempt, cap) + up to 30 % jitter;
 * a 5001 waits `details.retry_after_seconds` (plus jitter) instead when the API sends it.
 * A host that cannot be reached at all (no network) gets one quick retry only, so the offline
 * copy appears in seconds rather than after the whole backoff.
 * Never retried: 1001, 1002, 2003, 3001, 4001, invalid responses, and timeouts. A timeout already
 * cost the technician 15–30 s; repeating it would keep them staring at a spinner for minutes when
 * the offline copy is what they need, so it is reported at once and they can try again.
 */
import { fail, type AppError, type Result } from '@common/errors'
import { cancelledError, isServerFailureStatus, TRANSIENT_API_CODES } from './errors'
import { sleepUnlessAborted, type Sleep, type WaitInfo } from './pacer'

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

/** True for parsed errors the docs call transient: 5001, 9001, and any 5xx without an envelope. */
export function isTransientResponseError(error: AppError): boolean {
  if (error.kind === 'rate-limited') return true
  if (error.kind === 'api' && error.code !== undefined) return TRANSIENT_API_CODES.has(error.code)
  return (error.kind === 'network' || error.kind === 'api') && error.status !== undefined && isServerFailureStatus(error.status)
}

/** Marks a parsed response's failure as transient when it is. */
export function withTransience<T>(result: Result<T>): Attempt<T> {
  return result.ok ? result : failedAttempt(result.error, isTransientResponseError(result.error))
}

/** Tunables of the retry policy. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Up to this fraction of the delay is added at random. */
  jitterRatio: number
  /** A 5001 asking for a longer wait than this is reported instead of waited out. */
  maxRetryAfterMs: number
}

/** The reference policy of the Tellus errors guide. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  jitterRatio: 0.3,
  maxRetryAfterMs: 60_000,
}

/** Whether to try again after attempt number `attempt` (0-based) failed, and after what wait. */
export type RetryDecision = { retry: false } | { retry: true; delayMs: number }

/** The backoff before attempt `attempt + 1`, jitter included; `random` returns [0, 1). */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const delay = Math.min(options.baseDelayMs * 2 ** attempt, options.maxDelayMs)
  return Math.round(delay + delay * options.jitterRatio * clampUnit(random()))
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0
}

/** Decides about a failure of attempt `attempt` (0-based); `transient` as marked by the layer that failed. */
export function decideRetry(
  failure: FailedAttempt,
  attempt: number,
  options: RetryOptions,
  random: () => number,
): RetryDecision {
  const maxAttempts = Math.min(options.maxAttempts, failure.maxAttempts ?? options.maxAttempts)
  if (!failure.transient || attempt + 1 >= maxAttempts) return { retry: false }
  const { error } = failure
  if (error.kind === 'rate-limited' && error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > options.maxRetryAfterMs) return { retry: false }
    return { retry: true, delayMs: Math.round(error.retryAfterMs * (1 + options.jitterRatio * clampUnit(random()))) }
  }
  return { retry: true, delayMs: backoffDelay(attempt, options, random) }
}

/** The policy and collaborators of one run of attempts. */
export interface RetryRun {
  options: RetryOptions
  sleep: Sleep
  random: () => number
  signal?: AbortSignal
  onWait?: (info: WaitInfo) => void
}

/** Calls `attempt(0)`, `attempt(1)`, … until one succeeds or the policy gives up. */
export async function withRetries<T>(attempt: (index: number) => Promise<Attempt<T>>, run: RetryRun): Promise<Result<T>> {
  for (let index = 0; ; index++) {
    if (run.signal?.aborted) return fail(cancelledError())
    const outcome = await attempt(index)
    if (outcome.ok) return outcome
    const decision = decideRetry(outcome, index, run.options, run.random)
    if (!decision.retry) return toResult(outcome)
    run.onWait?.({ waitMs: decision.delayMs, reason: 'retry' })
    if (!(await sleepUnlessAborted(run.sleep, decision.delayMs, run.signal))) return fail(cancelledError())
  }
}
