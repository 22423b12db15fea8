/** Runs attempts of a request under the retry policy, with waits that cancellation cuts short. */
import { fail, type Result } from '@common/errors'
import { sleepUnlessAborted, type Sleep } from './abortable-sleep'
import { toResult, type Attempt } from './attempt'
import { decideRetry, type RetryOptions } from './retry-policy'
import { cancelledError } from './transport-errors'
import type { WaitInfo } from './wait-info'

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
