/**
 * When a request may go: client-side pacing under the API's per-client rate limits (60 reads and 10
 * token requests per minute), so that normal use never trips a 429; the wait the API itself asked
 * for with a 5001 (`RateLimitHold`); and the cancellable sleeps every wait in the client goes through.
 *
 * A sliding window of reserved send times: a caller reserves the earliest slot that keeps every
 * window at or under the limit, then waits for it. Reserving (not just counting) lets concurrent
 * callers queue in order without overbooking. The API limits are per client_id, so every
 * TellusClient for the same base URL and client_id shares one pair of pacers (`PacerRegistry`): a
 * client recreated after a profile edit, or a throwaway one that verifies credentials, still counts
 * against the same budget.
 */

import type { AppError } from '@common/errors'
import { heldByRateLimitError } from './errors'

/** Waits `ms` milliseconds; an injected one may ignore `signal` (the caller races it anyway). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Why a request is waiting, so the UI can tell the technician ("waiting 12 s: API rate limit"). */
export interface WaitInfo {
  waitMs: number
  /** `reads`/`token`: pacing under the API's per-client limits; `retry`: backoff after a transient failure. */
  reason: 'reads' | 'token' | 'retry'
}

/** The real sleep: a timer, cleared as soon as `signal` aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.max(0, ms))
    signal?.addEventListener('abort', done, { once: true })
  })

/**
 * Sleeps with `sleep`, returning early when `signal` aborts, whatever the injected sleep does.
 * Resolves true when the full wait passed, false when it was cancelled.
 */
export async function sleepUnlessAborted(sleep: Sleep, ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false
  // An injected sleep that fails counts as having slept: a broken timer must not break the request.
  const slept = () => sleep(ms, signal).catch(() => undefined)
  if (!signal) {
    await slept()
    return true
  }
  let onAbort: (() => void) | undefined
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([slept(), aborted])
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
  return !signal.aborted
}

/** One limit: `limit` requests per `windowMs`, with `marginMs` added to the window for safety. */
export interface PacerLimit {
  limit: number
  windowMs: number
  /** Extra spacing that absorbs latency jitter between our clock and the server's. */
  marginMs: number
}

/** A reserved slot: how long to wait for it, and how to give it back if the request is abandoned. */
export interface Reservation {
  waitMs: number
  release(): void
}

/** A sliding-window pacer on an injected clock. */
export class Pacer {
  private slots: number[] = []

  constructor(
    private readonly limit: PacerLimit,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(limit.limit) || limit.limit < 1) throw new Error(`A pacing limit must be a whole number ≥ 1, got ${limit.limit}.`)
  }

  /**
   * When the next `count` requests could go (ms from now, earliest first) if nobody else reserves
   * meanwhile; reserves nothing. A long job's honest time left comes from this.
   */
  upcomingSlots(count: number): number[] {
    const now = this.now()
    const span = this.limit.windowMs + this.limit.marginMs
    const slots = this.slots.filter((at) => at > now - span)
    const upcoming: number[] = []
    for (let i = 0; i < count; i++) {
      const blocking = slots[slots.length - this.limit.limit]
      const slot = blocking === undefined ? now : Math.max(now, blocking + span)
      slots.push(slot)
      upcoming.push(slot - now)
    }
    return upcoming
  }

  /** Reserves the earliest allowed send time. */
  reserve(): Reservation {
    const now = this.now()
    const slot = this.earliestSlot(now)
    this.slots.push(slot)
    let released = false
    return {
      waitMs: slot - now,
      release: () => {
        if (released) return
        released = true
        const index = this.slots.indexOf(slot)
        if (index >= 0) this.slots.splice(index, 1)
      },
    }
  }

  private earliestSlot(now: number): number {
    const span = this.limit.windowMs + this.limit.marginMs
    this.slots = this.slots.filter((at) => at > now - span)
    const blocking = this.slots[this.slots.length - this.limit.limit]
    return blocking === undefined ? now : Math.max(now, blocking + span)
  }
}

/** How a wait for a slot is carried out. */
export interface PaceRun {
  sleep: Sleep
  signal?: AbortSignal
  onWait?: (info: WaitInfo) => void
  reason: 'reads' | 'token'
}

/** Waits for a slot of `pacer`; false when cancelled meanwhile (the slot is then given back). */
export async function pace(pacer: Pacer, run: PaceRun): Promise<boolean> {
  if (run.signal?.aborted) return false
  const reservation = pacer.reserve()
  if (reservation.waitMs <= 0) return true
  run.onWait?.({ waitMs: reservation.waitMs, reason: run.reason })
  const waited = await sleepUnlessAborted(run.sleep, reservation.waitMs, run.signal)
  if (!waited) reservation.release()
  return waited
}

/**
 * The wait the API asked for with a 5001 (`details.retry_after_seconds`), remembered per client
 * (client_id and base URL, shared like the pacers) until it has elapsed. While it holds, no request
 * of that client is sent: each is answered at once with the wait left, so a lookup after "wait an
 * hour" opens the offline copy with a countdown instead of asking the API again.
 */
export class RateLimitHold {
  #until = 0

  constructor(private readonly now: () => number) {}

  /** Remembers a wait of `waitMs` from now; a longer wait already remembered is kept. */
  holdFor(waitMs: number): void {
    this.#until = Math.max(this.#until, this.now() + Math.max(0, waitMs))
  }

  /** When the wait ends (epoch ms), or undefined when none holds. */
  get until(): number | undefined {
    return this.#until > this.now() ? this.#until : undefined
  }

  /** The error to answer a request with while the wait holds; undefined when the request may go. */
  refusal(): AppError | undefined {
    const until = this.until
    return until === undefined ? undefined : heldByRateLimitError(until - this.now(), until)
  }
}

/** Per-client limits, per minute. */
export interface PacingOptions {
  readsPerMinute: number
  tokenRequestsPerMinute: number
  /** Safety margin added to each 60 s window (ms). */
  marginMs: number
}

/** The documented v1.3 limits. */
export const DEFAULT_PACING: PacingOptions = { readsPerMinute: 60, tokenRequestsPerMinute: 10, marginMs: 1000 }

/** The pacers one client identity shares. */
export interface ClientPacers {
  reads: Pacer
  token: Pacer
  /** The wait the API asked this client for (5001), kept until it has elapsed. */
  hold: RateLimitHold
}

/** Pacers by base URL, client_id and limits. */
export class PacerRegistry {
  private readonly pacers = new Map<string, ClientPacers>()

  /** The pacers for this identity, created on first use with `now` as their clock. */
  pacersFor(baseUrl: string, clientId: string, options: PacingOptions, now: () => number): ClientPacers {
    const key = JSON.stringify([baseUrl, clientId, options.readsPerMinute, options.tokenRequestsPerMinute, options.marginMs])
    let pacers = this.pacers.get(key)
    if (!pacers) {
      const windowMs = 60_000
      pacers = {
        reads: new Pacer({ limit: options.readsPerMinute, windowMs, marginMs: options.marginMs }, now),
        token: new Pacer({ limit: options.tokenRequestsPerMinute, windowMs, marginMs: options.marginMs }, now),
        hold: new RateLimitHold(now),
      }
      this.pacers.set(key, pacers)
    }
    return pacers
  }
}

/** The registry every client uses unless given its own. */
export const sharedPacerRegistry = new PacerRegistry()
