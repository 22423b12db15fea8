/**
 * Client-side pacing under the API's per-client rate limits (60 reads and 10 token requests per
 * minute), so that normal use never trips a 429. A sliding window of reserved send times: a caller
 * reserves the earliest slot that keeps every window at or under the limit, then waits for it.
 * Reserving (not just counting) lets concurrent callers queue in order without overbooking.
 */
import { sleepUnlessAborted, type Sleep } from './abortable-sleep'
import type { WaitInfo } from './wait-info'

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
    const span = this.limit.windowMs + this.limit.marginMs
    this.slots = this.slots.filter((at) => at > now - span)
    const blocking = this.slots[this.slots.length - this.limit.limit]
    const slot = blocking === undefined ? now : Math.max(now, blocking + span)
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
