/**
 * The wait the API asked for with a 5001 (`details.retry_after_seconds`), remembered per client
 * (client_id and base URL, shared like the pacers) until it has elapsed. While it holds, no request
 * of that client is sent: each is answered at once with the wait left, so a lookup after "wait an
 * hour" opens the offline copy with a countdown instead of asking the API again.
 */
import type { AppError } from '@common/errors'
import { heldByRateLimitError } from './errors'

/** One client's remembered wait. */
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
