/**
 * The renderer's one clock. Every age, stale mark and countdown on screen reads its time from
 * here: a single timer ticks once a second while anything listens and stops when nothing does,
 * instead of one timer per age (issue 19: 200 ages with their own timers burned 80 ms/s idle).
 */

/** Called on every tick with the tick's time (epoch ms). */
export type TickListener = (now: number) => void

/** A once-a-second clock shared by every subscriber; the timer runs only while someone listens. */
export class SharedClock {
  private readonly listeners = new Set<TickListener>()
  private timer: ReturnType<typeof setInterval> | null = null
  private current = Date.now()

  constructor(private readonly intervalMs = 1000) {}

  /**
   * The time of the last tick, epoch ms. While idle it is re-read when a tick's worth of time has
   * passed, so it is never more than one interval old and two reads in a row agree (React's
   * `useSyncExternalStore` needs that). A system clock set back by more than an interval is
   * followed too, not waited for.
   */
  now(): number {
    if (this.timer === null && Math.abs(Date.now() - this.current) >= this.intervalMs) this.current = Date.now()
    return this.current
  }

  /** Adds a listener; returns the function that removes it. The first listener starts the timer. */
  subscribe(listener: TickListener): () => void {
    this.listeners.add(listener)
    if (this.timer === null) {
      this.current = Date.now()
      this.timer = setInterval(() => this.tick(), this.intervalMs)
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0 && this.timer !== null) {
        clearInterval(this.timer)
        this.timer = null
      }
    }
  }

  /** How many listeners are subscribed (for tests and benchmarks). */
  get listenerCount(): number {
    return this.listeners.size
  }

  /** Whether the timer is running. */
  get running(): boolean {
    return this.timer !== null
  }

  private tick(): void {
    this.current = Date.now()
    for (const listener of this.listeners) listener(this.current)
  }
}

/** The clock the whole renderer shares. */
export const sharedClock = new SharedClock()
