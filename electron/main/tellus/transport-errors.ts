/**
 * Errors of the transport itself (no usable HTTP response): network failures, TLS certificate
 * problems, timeouts and cancellation, as technician-readable `AppError`s. Only error codes are
 * read from what `fetch` throws; its messages are never copied (they may change, and they are not
 * written for a technician).
 */
import { appError, type AppError } from '@common/errors'

const CHECK_NETWORK = 'Check the network connection (Wi-Fi, hotspot or site network), then try again.'

/** How a request was cut short by this client. */
export type AbortReason = 'cancelled' | 'headers-timeout' | 'total-timeout'

/** The technician (or the app) cancelled the request. */
export function cancelledError(): AppError {
  return appError('cancelled', 'The request was cancelled.')
}

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
