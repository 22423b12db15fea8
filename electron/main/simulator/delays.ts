/** Timers for injected latency, all cancelled when the simulator closes. */

/** Tracks pending delays so `cancelAll` can stop them (their promises then never settle). */
export class Delays {
  private readonly timers = new Set<NodeJS.Timeout>()

  /** Resolves after `ms` real milliseconds unless cancelled first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
