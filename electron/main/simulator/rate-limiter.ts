/** A sliding-window request limiter per key (client_id) on the injected clock. */

/** The limiter's verdict: allowed, or how many whole seconds until a slot frees up. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** At most `limit` requests per key in any `windowMs` span. Rejected requests do not count. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
    private readonly windowMs = 60_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A rate limit must be a whole number ≥ 1, got ${limit}.`)
  }

  /** Records a request for `key` when it is allowed. */
  take(key: string): RateDecision {
    const now = this.now()
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs)
    if (recent.length >= this.limit) {
      this.hits.set(key, recent)
      const oldest = recent[0] ?? now
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) }
    }
    recent.push(now)
    this.hits.set(key, recent)
    return { allowed: true }
  }
}
