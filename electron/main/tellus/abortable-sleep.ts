/** Waiting that a technician can cut short: every wait in the client goes through here. */

/** Waits `ms` milliseconds; an injected one may ignore `signal` (the caller races it anyway). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

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
