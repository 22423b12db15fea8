/**
 * When to try a failed request again, and how long to wait first. Only transient failures are
 * retried (5001, 9001, network failures and failing gateways; see `attempt.ts`), with capped
 * exponential backoff plus jitter, as in the Tellus errors guide:
 *   delay = min(base × 2^attempt, cap) + up to 30 % jitter;
 * a 5001 waits `details.retry_after_seconds` (plus jitter) instead when the API sends it.
 * A host that cannot be reached at all (no network) gets one quick retry only, so the offline
 * copy appears in seconds rather than after the whole backoff.
 * Never retried: 1001, 1002, 2003, 3001, 4001, invalid responses, and timeouts. A timeout already
 * cost the technician 15–30 s; repeating it would keep them staring at a spinner for minutes when
 * the offline copy is what they need, so it is reported at once and they can try again.
 */
import type { FailedAttempt } from './attempt'

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
