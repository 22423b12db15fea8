/**
 * One HTTP exchange over an injected `fetch`, made safe for a weak site network: a headers timeout
 * and a total timeout (body included), cancellation through an `AbortSignal`, a body size cap
 * enforced while the body streams in, and no redirects followed (a redirect would carry the token
 * or the client secret to another address; it also marks a captive portal).
 * It never throws: every failure is a transport `AppError` (network failures, TLS certificate
 * problems, timeouts and cancellation). Only error codes are read from what `fetch` throws; its
 * messages are never copied (they may change, and they are not written for a technician).
 */
import { appError, ok, type AppError } from '@common/errors'
import { cancelledError } from './errors'
import { failedAttempt, UNREACHABLE_MAX_ATTEMPTS, type Attempt, type FailedAttempt } from './retry'

/** Timeouts of one exchange, in milliseconds. */
export interface Timeouts {
  /** Until the response headers have arrived (covers connecting). */
  headersMs: number
  /** Until the whole body has arrived. */
  totalMs: number
}

/** Defaults for a weak site network. */
export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 15_000, totalMs: 30_000 }

/** Largest response body read, in bytes (a device or a page of 100 sites is far smaller). */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024

/** What to send. */
export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
}

/** A response read in full. */
export interface HttpResponse {
  status: number
  /** The Content-Type header, or null. */
  contentType: string | null
  body: Uint8Array
}

/** How to send it. */
export interface HttpOptions {
  fetch: typeof fetch
  /** Host for messages. */
  host: string
  signal?: AbortSignal
  timeouts: Timeouts
  maxBodyBytes: number
}

const failure = failedAttempt

function tooLarge(maxBytes: number): FailedAttempt {
  const mib = (maxBytes / (1024 * 1024)).toFixed(1)
  return failure(
    appError('invalid-response', `The answer was larger than ${mib} MiB, far more than the Tellus API sends, so it was not read.`, {
      action: 'A proxy on this network may be sending something else. Try another network; if it persists, report it to support.',
    }),
    false,
  )
}

type BodyOutcome = { ok: true; body: Uint8Array } | { ok: false; why: 'too-large' | 'broken' }

/** Reads the body, stopping as soon as it exceeds `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<BodyOutcome> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    return { ok: false, why: 'too-large' }
  }
  if (!response.body) return { ok: true, body: new Uint8Array(0) }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined)
        return { ok: false, why: 'too-large' }
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, why: 'broken' }
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, body }
}

/** Sends one request and reads the whole response. */
export async function sendHttpRequest(request: HttpRequest, options: HttpOptions): Promise<Attempt<HttpResponse>> {
  const { signal, timeouts, host } = options
  if (signal?.aborted) return failure(cancelledError(), false)
  const controller = new AbortController()
  let aborted: AbortReason | null = null
  const abort = (reason: AbortReason) => {
    if (aborted) return
    aborted = reason
    controller.abort()
  }
  const abortError = (reason: AbortReason): FailedAttempt =>
    reason === 'cancelled'
      ? failure(cancelledError(), false)
      : failure(timeoutError(host, reason, reason === 'headers-timeout' ? timeouts.headersMs : timeouts.totalMs), false)
  const onCallerAbort = () => abort('cancelled')
  signal?.addEventListener('abort', onCallerAbort, { once: true })
  const headersTimer = setTimeout(() => abort('headers-timeout'), timeouts.headersMs)
  const totalTimer = setTimeout(() => abort('total-timeout'), timeouts.totalMs)
  try {
    let response: Response
    try {
      response = await options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        redirect: 'manual',
      })
    } catch (error) {
      if (aborted) return abortError(aborted)
      const described = describeFetchFailure(error, host)
      return failure(described.error, !described.permanent, described.unreachable ? UNREACHABLE_MAX_ATTEMPTS : undefined)
    }
    clearTimeout(headersTimer)
    const body = await readBody(response, options.maxBodyBytes)
    if (aborted) return abortError(aborted)
    if (!body.ok) return body.why === 'too-large' ? tooLarge(options.maxBodyBytes) : failure(droppedError(host), true)
    return ok({ status: response.status, contentType: response.headers.get('content-type'), body: body.body })
  } catch {
    // Not expected (fetch and the reader are guarded above); a bug must not become a crash.
    return aborted ? abortError(aborted) : failure(droppedError(host), true)
  } finally {
    clearTimeout(headersTimer)
    clearTimeout(totalTimer)
    signal?.removeEventListener('abort', onCallerAbort)
  }
}

const CHECK_NETWORK = 'Check the network connection (Wi-Fi, hotspot or site network), then try again.'

/** How a request was cut short by this client. */
export type AbortReason = 'cancelled' | 'headers-timeout' | 'total-timeout'

/** The request took longer than allowed. */
export function timeoutError(host: string, reason: Exclude<AbortReason, 'cancelled'> | 'connect', limitMs: number): AppError {
  const seconds = Math.max(1, Math.round(limitMs / 1000))
  const action = 'The network may be slow or down: move to better coverage or try again.'
  switch (reason) {
    case 'connect':
      return appError('timeout', `Could not connect to ${host} in time.`, { action })
    case 'headers-timeout':
      return appError('timeout', `${host} did not answer within ${seconds} s.`, { action })
    case 'total-timeout':
      return appError('timeout', `The answer from ${host} did not finish arriving within ${seconds} s.`, { action })
  }
}

/** The connection broke while the response body was arriving. */
export function droppedError(host: string): AppError {
  return appError('network', `The connection to ${host} dropped while the answer was arriving.`, { action: CHECK_NETWORK })
}

/** A network failure. `permanent` is true when trying again cannot help (a certificate problem). */
export interface FetchFailure {
  error: AppError
  permanent: boolean
  /**
   * The host could not be reached at all (name lookup failed, connection refused, no route):
   * typical of a laptop with no network. Worth one quick retry, not a long backoff, so the
   * technician gets the offline copy in seconds.
   */
  unreachable?: boolean
}

/** Every `code` in an error, its `cause` chain and any aggregated errors (connection attempts). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return []
  const codes: string[] = []
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') codes.push(code)
  codes.push(...errorCodes((error as { cause?: unknown }).cause, depth + 1))
  const nested = (error as { errors?: unknown }).errors
  if (Array.isArray(nested)) for (const inner of nested.slice(0, 5)) codes.push(...errorCodes(inner, depth + 1))
  return codes
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH|ALTNAME/

/** Maps whatever `fetch` threw (before any response) to an `AppError`. */
export function describeFetchFailure(error: unknown, host: string): FetchFailure {
  const codes = errorCodes(error)
  const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code))
  const tls = codes.find((code) => TLS_CODE.test(code))
  if (tls) {
    return {
      permanent: true,
      error: appError('network', `The secure connection to ${host} failed: its certificate is not trusted (${tls}).`, {
        action:
          'A proxy or captive portal on this network may be intercepting secure traffic. Try another network; if that does not help, check the API base URL in Profiles.',
      }),
    }
  }
  if (has('UND_ERR_CONNECT_TIMEOUT')) return { permanent: false, error: timeoutError(host, 'connect', 10_000) }
  const detail = has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')
    ? 'its name could not be looked up'
    : has('ECONNREFUSED')
      ? 'the connection was refused'
      : has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED')
        ? 'the connection was reset'
        : has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN')
          ? 'there is no route to it'
          : has('ETIMEDOUT')
            ? 'the connection timed out'
            : undefined
  const unreachable = has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN')
  return {
    permanent: false,
    ...(unreachable ? { unreachable } : {}),
    error: appError('network', `Cannot reach ${host}${detail ? `: ${detail}` : ''}.`, { action: CHECK_NETWORK }),
  }
}
