import { describe, expect, it } from 'vitest'
import { appError, fail, ok, type Result } from '@common/errors'
import type { AccessToken } from '@common/tellus/schemas'
import { TokenProvider } from '@main/tellus/token-provider'
import { virtualTime } from './support'

/** A token endpoint the test answers by hand: each request waits until `answer` is called. */
function manualEndpoint() {
  const pending: Array<{ signal: AbortSignal; resolve: (r: Result<AccessToken>) => void }> = []
  let issued = 0
  return {
    pending,
    get requests() {
      return issued
    },
    requestToken: (signal: AbortSignal) =>
      new Promise<Result<AccessToken>>((resolve) => {
        issued += 1
        pending.push({ signal, resolve })
      }),
    answer(expiresIn = 86_400) {
      const next = pending.shift()
      next?.resolve(ok({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresIn }))
    },
    refuse() {
      pending.shift()?.resolve(fail(appError('auth', 'rejected', { code: 2001 })))
    },
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** A provider over a manual endpoint, on virtual time. */
function provider(time = virtualTime()) {
  const endpoint = manualEndpoint()
  return { endpoint, time, tokens: new TokenProvider({ requestToken: endpoint.requestToken, now: time.now }) }
}

/** Lets `call` send its token request, then answers it with a token of `expiresIn` seconds. */
async function answered<T>(call: Promise<T>, endpoint: ReturnType<typeof manualEndpoint>, expiresIn?: number): Promise<T> {
  await tick()
  endpoint.answer(expiresIn)
  return call
}

describe('TokenProvider', () => {
  it('shares one token request among concurrent callers', async () => {
    const { endpoint, tokens } = provider()
    const callers = Array.from({ length: 10 }, () => tokens.getToken())
    await tick()
    endpoint.answer()
    const results = await Promise.all(callers)
    expect(endpoint.requests).toBe(1)
    expect(new Set(results.map((r) => (r.ok ? r.value : 'failed')))).toEqual(new Set(['token-1']))
  })

  it('keeps the token until 60 s before expiry, then renews', async () => {
    const { endpoint, tokens, time } = provider()
    expect(await answered(tokens.getToken(), endpoint, 3600)).toEqual(ok('token-1'))
    time.advance(3600_000 - 60_001)
    expect(await tokens.getToken()).toEqual(ok('token-1'))
    time.advance(2)
    expect(await answered(tokens.getToken(), endpoint, 3600)).toEqual(ok('token-2'))
    expect(endpoint.requests).toBe(2)
  })

  it('renews at half-life for very short tokens instead of renewing on every call', async () => {
    const { endpoint, tokens, time } = provider()
    await answered(tokens.getToken(), endpoint, 30)
    time.advance(14_000)
    expect(await tokens.getToken()).toEqual(ok('token-1'))
    expect(endpoint.requests).toBe(1)
  })

  it('invalidates only the rejected token, keeping a newer one', async () => {
    const { endpoint, tokens } = provider()
    await answered(tokens.getToken(), endpoint)
    tokens.invalidate('some-older-token')
    expect(await tokens.getToken()).toEqual(ok('token-1'))
    tokens.invalidate('token-1')
    expect(await answered(tokens.getToken(), endpoint)).toEqual(ok('token-2'))
  })

  it('passes a failure to every waiter and does not keep it', async () => {
    const { endpoint, tokens } = provider()
    const callers = [tokens.getToken(), tokens.getToken()]
    await tick()
    endpoint.refuse()
    for (const result of await Promise.all(callers)) expect(result).toMatchObject({ ok: false, error: { code: 2001 } })
    expect(await answered(tokens.getToken(), endpoint)).toEqual(ok('token-2'))
  })

  it('lets one caller cancel without cancelling the shared request for the others', async () => {
    const { endpoint, tokens } = provider()
    const leaving = new AbortController()
    const left = tokens.getToken(leaving.signal)
    const staying = tokens.getToken()
    await tick()
    leaving.abort()
    expect(await left).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(endpoint.pending[0]?.signal.aborted).toBe(false)
    endpoint.answer()
    expect(await staying).toEqual(ok('token-1'))
  })

  it('aborts the shared request when every caller has left, and starts afresh for the next', async () => {
    const { endpoint, tokens } = provider()
    const controller = new AbortController()
    const call = tokens.getToken(controller.signal)
    await tick()
    const request = endpoint.pending[0]!
    controller.abort()
    expect(await call).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(request.signal.aborted).toBe(true)
    const next = tokens.getToken()
    await tick()
    expect(endpoint.requests).toBe(2)
    endpoint.pending.shift()
    endpoint.answer()
    expect(await next).toEqual(ok('token-2'))
  })

  it('clear() drops the token and a token arriving afterwards is not kept', async () => {
    const { endpoint, tokens } = provider()
    await answered(tokens.getToken(), endpoint)
    expect(tokens.hasToken).toBe(true)
    tokens.clear()
    expect(tokens.hasToken).toBe(false)

    const during = tokens.getToken()
    await tick()
    const request = endpoint.pending[0]!
    tokens.clear()
    expect(request.signal.aborted).toBe(true)
    endpoint.answer()
    expect(await during).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(tokens.hasToken).toBe(false)
  })

  it('renew() fetches a new token even while one is held', async () => {
    const { endpoint, tokens } = provider()
    await answered(tokens.getToken(), endpoint)
    expect(await answered(tokens.renew(), endpoint)).toEqual(ok('token-2'))
  })
})
