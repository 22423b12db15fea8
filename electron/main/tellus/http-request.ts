/**
 * One HTTP exchange over an injected `fetch`, made safe for a weak site network: a headers timeout
 * and a total timeout (body included), cancellation through an `AbortSignal`, a body size cap
 * enforced while the body streams in, and no redirects followed (a redirect would carry the token
 * or the client secret to another address; it also marks a captive portal).
 * It never throws: every failure is a transport `AppError`.
 */
import { appError, ok } from '@common/errors'
import { failedAttempt, UNREACHABLE_MAX_ATTEMPTS, type Attempt, type FailedAttempt } from './attempt'
import {
  cancelledError,
  describeFetchFailure,
  droppedError,
  timeoutError,
  type AbortReason,
} from './transport-errors'

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
