/**
 * The request pipeline under every endpoint: pacing, the bearer token (renewed once and the
 * request retried once on 2001/2002), one HTTP exchange, envelope parsing, and retries of
 * transient failures. Everything it returns is a `Result`; nothing it returns or logs carries the
 * token or the client secret.
 */
import type { z } from 'zod'
import type { AppError, Result } from '@common/errors'
import type { Redactor } from '@common/redact'
import type { AccessToken } from '@common/tellus/schemas'
import type { Logger } from '../logger'
import { cancelledError, TOKEN_REJECTED_CODES, type ErrorContext } from './errors'
import { sendHttpRequest, type HttpRequest, type HttpResponse, type Timeouts } from './http-request'
import { pace, type ClientPacers, type Pacer, type Sleep, type WaitInfo } from './pacer'
import { parseEnvelopeResponse, parseTokenResponse, type Parsed } from './parse-response'
import { failedAttempt, withRetries, withTransience, type Attempt, type RetryOptions } from './retry'
import { TokenProvider } from './token-provider'

/** Everything the pipeline needs, resolved by the client. */
export interface TransportConfig {
  /** Validated, without a trailing slash, e.g. `https://api.example.com/v1`. */
  baseUrl: string
  host: string
  clientId: string
  getClientSecret: () => Promise<Result<string>>
  fetch: typeof fetch
  now: () => number
  sleep: Sleep
  random: () => number
  onWait?: (info: WaitInfo) => void
  timeouts: Timeouts
  maxBodyBytes: number
  retry: RetryOptions
  pacers: ClientPacers
  redact: Redactor
  /** Called with every token obtained, for redaction. */
  onToken: (token: string) => void
  logger?: Logger
}

/** Query parameters; undefined ones are left out. */
export type Query = Record<string, string | number | undefined>

function isTokenRejected(error: AppError): boolean {
  return error.kind === 'auth' && error.code !== undefined && TOKEN_REJECTED_CODES.has(error.code)
}

/** Paced, authenticated, retried requests to one API base URL as one client. */
export class ApiTransport {
  readonly tokens: TokenProvider

  /** The API base URL this transport talks to. */
  get baseUrl(): string {
    return this.config.baseUrl
  }

  constructor(private readonly config: TransportConfig) {
    this.tokens = new TokenProvider({
      requestToken: (signal) => this.requestToken(signal),
      now: config.now,
      onToken: config.onToken,
    })
  }

  /** When (ms from now) the next `count` reads could go under the pacing and any wait the API asked for, if nobody else reads meanwhile. */
  readSlots(count: number): number[] {
    const { reads, hold } = this.config.pacers
    const held = hold.until === undefined ? 0 : hold.until - this.config.now()
    return reads.upcomingSlots(count).map((slot) => Math.max(slot, held))
  }

  /** GETs an enveloped resource and validates its `data` with `schema`. */
  async get<S extends z.ZodType>(
    path: string,
    query: Query,
    schema: S,
    context: ErrorContext,
    signal?: AbortSignal,
  ): Promise<Result<Parsed<z.output<S>>>> {
    const url = this.url(path, query)
    let renewed = false
    return withRetries(async () => {
      const token = await this.tokens.getToken(signal)
      if (!token.ok) return token
      const first = await this.getOnce(url, path, token.value, schema, context, signal)
      if (first.ok || renewed || !isTokenRejected(first.error)) return first
      // 2001/2002: renew the token once and retry once; a second rejection is reported.
      renewed = true
      this.tokens.invalidate(token.value)
      const fresh = await this.tokens.getToken(signal)
      if (!fresh.ok) return fresh
      return this.getOnce(url, path, fresh.value, schema, context, signal)
    }, this.retryRun(signal))
  }

  private async getOnce<S extends z.ZodType>(
    url: string,
    path: string,
    token: string,
    schema: S,
    context: ErrorContext,
    signal?: AbortSignal,
  ): Promise<Attempt<Parsed<z.output<S>>>> {
    const headers = { accept: 'application/json', authorization: `Bearer ${token}` }
    const response = await this.exchange({ method: 'GET', url, headers }, path, this.config.pacers.reads, 'reads', signal)
    if (!response.ok) return response
    const parsed = parseEnvelopeResponse(response.value, schema, { ...context, baseUrl: this.config.baseUrl, redact: this.config.redact })
    return this.logged('GET', path, response.value, withTransience(this.rememberWait(parsed)))
  }

  /** One token request (paced), retried on transient failures; used by the token provider. */
  private requestToken(signal: AbortSignal): Promise<Result<AccessToken>> {
    const path = '/operator/oauth/token'
    const context = { host: this.config.host, endpoint: 'token' as const, baseUrl: this.config.baseUrl, redact: this.config.redact }
    return withRetries(async () => {
      const secret = await this.config.getClientSecret()
      if (!secret.ok) return secret
      const body = JSON.stringify({ client_id: this.config.clientId, client_secret: secret.value, grant_type: 'client_credentials' })
      const headers = { accept: 'application/json', 'content-type': 'application/json' }
      const request: HttpRequest = { method: 'POST', url: this.url(path, {}), headers, body }
      const response = await this.exchange(request, path, this.config.pacers.token, 'token', signal)
      if (!response.ok) return response
      return this.logged('POST', path, response.value, withTransience(this.rememberWait(parseTokenResponse(response.value, context))))
    }, this.retryRun(signal))
  }

  /** Waits for a pacing slot, then sends one request. */
  private async exchange(
    request: HttpRequest,
    path: string,
    pacer: Pacer,
    reason: 'reads' | 'token',
    signal?: AbortSignal,
  ): Promise<Attempt<HttpResponse>> {
    const { sleep, onWait } = this.config
    const held = this.config.pacers.hold.refusal()
    if (held) {
      this.log('info', `${request.method} ${path} not sent: Tellus asked to wait until ${held.retryAt}`)
      return failedAttempt(held, false)
    }
    if (!(await pace(pacer, { sleep, signal, onWait, reason }))) return failedAttempt(cancelledError(), false)
    const response = await sendHttpRequest(request, {
      fetch: this.config.fetch,
      host: this.config.host,
      signal,
      timeouts: this.config.timeouts,
      maxBodyBytes: this.config.maxBodyBytes,
    })
    if (!response.ok) this.log('warn', `${request.method} ${path} failed: ${response.error.kind}: ${response.error.message}`)
    return response
  }

  /** Remembers the wait a 5001 asked for (for every request of this client) and stamps when it ends. */
  private rememberWait<T>(result: Result<T>): Result<T> {
    if (result.ok || result.error.kind !== 'rate-limited' || result.error.retryAfterMs === undefined) return result
    const { hold } = this.config.pacers
    hold.holdFor(result.error.retryAfterMs)
    const until = hold.until
    return until === undefined ? result : { ok: false, error: { ...result.error, retryAt: new Date(until).toISOString() } }
  }

  private logged<T>(method: string, path: string, response: HttpResponse, attempt: Attempt<T>): Attempt<T> {
    if (attempt.ok) this.log('info', `${method} ${path} -> ${response.status}`)
    else this.log('warn', `${method} ${path} -> ${response.status}: ${attempt.error.kind}${attempt.error.code ? ` ${attempt.error.code}` : ''}`)
    return attempt
  }

  private log(level: 'info' | 'warn', line: string): void {
    try {
      this.config.logger?.[level](`tellus: ${this.config.redact(line)}`)
    } catch {
      // A failing logger must not fail the request.
    }
  }

  private retryRun(signal?: AbortSignal) {
    const { retry, sleep, random, onWait } = this.config
    return { options: retry, sleep, random, signal, onWait }
  }

  private url(path: string, query: Query): string {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
    const search = params.toString()
    return `${this.config.baseUrl}${path}${search ? `?${search}` : ''}`
  }
}
