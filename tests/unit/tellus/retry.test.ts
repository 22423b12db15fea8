import { describe, expect, it } from 'vitest'
import { appError, ok } from '@common/errors'
import type { WaitInfo } from '@main/tellus/pacer'
import { backoffDelay, decideRetry, DEFAULT_RETRY, failedAttempt, withRetries, type Attempt, type FailedAttempt } from '@main/tellus/retry'
import { virtualTime } from './support'

const network = failedAttempt(appError('network', 'Cannot reach api.example.com.'), true)
const serverError = failedAttempt(appError('api', '9001', { code: 9001 }), true)
const limited = (retryAfterMs?: number) => failedAttempt(appError('rate-limited', '5001', { code: 5001, retryAfterMs }), true)

describe('backoffDelay', () => {
  it('doubles from 1 s, caps at 30 s, and adds up to 30 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, DEFAULT_RETRY, () => 0))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0.999_999)).toBe(1300)
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0.5)).toBe(34_500)
  })

  it('survives a broken random source', () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => Number.NaN)).toBe(1000)
    expect(backoffDelay(0, DEFAULT_RETRY, () => 7)).toBe(1300)
  })
})

describe('decideRetry', () => {
  const decide = (failure: FailedAttempt, attempt = 0) => decideRetry(failure, attempt, DEFAULT_RETRY, () => 0)

  it('retries transient failures with backoff', () => {
    expect(decide(network)).toEqual({ retry: true, delayMs: 1000 })
    expect(decide(serverError, 2)).toEqual({ retry: true, delayMs: 4000 })
  })

  it('waits what a 5001 asks for, plus jitter; backs off when it does not say', () => {
    expect(decideRetry(limited(5000), 0, DEFAULT_RETRY, () => 0.5)).toEqual({ retry: true, delayMs: 5750 })
    expect(decide(limited())).toEqual({ retry: true, delayMs: 1000 })
  })

  it('reports a 5001 that asks for a very long wait instead of waiting', () => {
    expect(decide(limited(10 * 60_000))).toEqual({ retry: false })
  })

  it('gives an unreachable host (no network) one quick retry only, so the offline copy comes fast', () => {
    const unreachable: FailedAttempt = { ...network, maxAttempts: 2 }
    expect(decide(unreachable, 0)).toEqual({ retry: true, delayMs: 1000 })
    expect(decide(unreachable, 1)).toEqual({ retry: false })
  })

  it('stops after the last attempt', () => {
    expect(decide(network, DEFAULT_RETRY.maxAttempts - 2).retry).toBe(true)
    expect(decide(network, DEFAULT_RETRY.maxAttempts - 1).retry).toBe(false)
  })

  it.each([1001, 1002, 2003, 3001, 4001])('never retries code %i', (code) => {
    expect(decide(failedAttempt(appError('api', String(code), { code }), false))).toEqual({ retry: false })
  })

  it('never retries failures not marked transient', () => {
    expect(decide(failedAttempt(appError('timeout', 't'), false))).toEqual({ retry: false })
    expect(decide(failedAttempt(appError('invalid-response', 'x'), false))).toEqual({ retry: false })
  })
})

describe('withRetries', () => {
  it('retries until success, reporting each wait', async () => {
    const time = virtualTime()
    const waits: WaitInfo[] = []
    const outcomes: Attempt<string>[] = [network, serverError, ok('done')]
    const calls: number[] = []
    const result = await withRetries(
      async (index) => {
        calls.push(index)
        return outcomes[index]!
      },
      { options: DEFAULT_RETRY, sleep: time.sleep, random: () => 0, onWait: (w) => waits.push(w) },
    )
    expect(result).toEqual({ ok: true, value: 'done' })
    expect(calls).toEqual([0, 1, 2])
    expect(time.sleeps).toEqual([1000, 2000])
    expect(waits).toEqual([
      { waitMs: 1000, reason: 'retry' },
      { waitMs: 2000, reason: 'retry' },
    ])
  })

  it('gives up after maxAttempts and returns the last error without the transience flag', async () => {
    const time = virtualTime()
    let calls = 0
    const result = await withRetries(
      async () => {
        calls += 1
        return serverError
      },
      { options: DEFAULT_RETRY, sleep: time.sleep, random: () => 0 },
    )
    expect(calls).toBe(5)
    expect(result).toEqual({ ok: false, error: serverError.ok ? null : serverError.error })
    expect(time.sleeps).toEqual([1000, 2000, 4000, 8000])
  })

  it('is cancelled during a backoff wait, even when the injected sleep ignores the signal', async () => {
    const controller = new AbortController()
    let calls = 0
    const neverEnding = () => new Promise<void>(() => undefined)
    const pending = withRetries(
      async () => {
        calls += 1
        return network
      },
      { options: DEFAULT_RETRY, sleep: neverEnding, random: () => 0, signal: controller.signal, onWait: () => controller.abort() },
    )
    const result = await pending
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(calls).toBe(1)
  })

  it('does not start when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    let calls = 0
    const result = await withRetries(
      async () => {
        calls += 1
        return ok(1)
      },
      { options: DEFAULT_RETRY, sleep: virtualTime().sleep, random: () => 0, signal: controller.signal },
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(calls).toBe(0)
  })
})
