/**
 * The access token, kept in memory only. Renewed ahead of expiry; one token request in flight at
 * a time, shared by every concurrent caller. A caller that gives up (cancels) leaves the shared
 * request running for the others; when the last one leaves, the request is aborted.
 */
import { appError, fail, ok, type Result } from '@common/errors'
import type { AccessToken } from '@common/tellus/schemas'
import { cancelledError } from './errors'

/** Renew this long before expiry (the Tellus samples use 60 s). */
export const RENEW_EARLY_MS = 60_000

/** Requests a token; never throws. */
export type TokenRequest = (signal: AbortSignal) => Promise<Result<AccessToken>>

interface HeldToken {
  value: string
  renewAt: number
}

interface Flight {
  promise: Promise<Result<string>>
  controller: AbortController
  waiters: number
}

/** Holds, shares and renews the token of one client. */
export class TokenProvider {
  #token: HeldToken | null = null
  #flight: Flight | null = null
  /** Bumped by `clear()`, so a request started before it cannot store its token after it. */
  #generation = 0

  constructor(
    private readonly deps: {
      requestToken: TokenRequest
      now: () => number
      /** Called with every token obtained (so it can be redacted from anything shown). */
      onToken?: (token: string) => void
    },
  ) {}

  /** A valid token: the held one, or a fresh one (shared with concurrent callers). */
  async getToken(signal?: AbortSignal): Promise<Result<string>> {
    if (signal?.aborted) return fail(cancelledError())
    const held = this.#token
    if (held && this.deps.now() < held.renewAt) return ok(held.value)
    return this.join(signal)
  }

  /** A new token, even if one is held (joins a request already in flight). */
  async renew(signal?: AbortSignal): Promise<Result<string>> {
    if (signal?.aborted) return fail(cancelledError())
    this.#token = null
    return this.join(signal)
  }

  /** Forgets `token` if it is still the held one (the API rejected it); a newer token is kept. */
  invalidate(token: string): void {
    if (this.#token?.value === token) this.#token = null
  }

  /** Drops the token and abandons any token request in flight (sign-out). */
  clear(): void {
    this.#token = null
    this.#generation += 1
    const flight = this.#flight
    this.#flight = null
    flight?.controller.abort()
  }

  /** True while a token is held (it may be about to expire). */
  get hasToken(): boolean {
    return this.#token !== null
  }

  private start(): Flight {
    const controller = new AbortController()
    const generation = this.#generation
    const startedAt = this.deps.now()
    const flight: Flight = { controller, waiters: 0, promise: Promise.resolve(fail(cancelledError())) }
    flight.promise = this.deps
      .requestToken(controller.signal)
      .catch(() => fail<AccessToken>(appError('internal', 'Signing in to the Tellus API failed unexpectedly.', { action: 'Try again.' })))
      .then((result): Result<string> => {
        if (this.#flight === flight) this.#flight = null
        if (!result.ok) return result
        this.deps.onToken?.(result.value.access_token)
        if (generation !== this.#generation || controller.signal.aborted) return fail(cancelledError())
        const lifetimeMs = result.value.expires_in * 1000
        const early = Math.min(RENEW_EARLY_MS, lifetimeMs / 2)
        this.#token = { value: result.value.access_token, renewAt: startedAt + lifetimeMs - early }
        return ok(result.value.access_token)
      })
    this.#flight = flight
    return flight
  }

  private join(signal?: AbortSignal): Promise<Result<string>> {
    const flight = this.#flight ?? this.start()
    flight.waiters += 1
    return new Promise((resolve) => {
      let settled = false
      const leave = (result: Result<string>) => {
        if (settled) return
        settled = true
        flight.waiters -= 1
        signal?.removeEventListener('abort', onAbort)
        resolve(result)
      }
      const onAbort = () => {
        leave(fail(cancelledError()))
        if (flight.waiters === 0) {
          if (this.#flight === flight) this.#flight = null
          flight.controller.abort()
        }
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      void flight.promise.then(leave)
    })
  }
}
