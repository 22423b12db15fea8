/**
 * Every `AppError` the client makes from an answer, in a technician's words: what happened and
 * what to do. Two families:
 * - the Tellus error-code table (guides/errors), branching on `code` only (the envelope's `message`
 *   is never read, since its wording may change);
 * - answers that are not what the Tellus API sends: a web page (captive portal), a redirect, a wrong
 *   content type, a cut-off or empty body, a body of the wrong shape, a failing server or gateway.
 * Each carries a short, secret-free excerpt for support where one helps.
 */
import { appError, type AppError } from '@common/errors'
import { formatDuration } from '@common/format/duration'
import type { Redactor } from '@common/redact'
import type { JsonBoundsViolation } from '@common/tellus/json-bounds'
import { lacksApiVersion, withApiVersion } from '@common/tellus/base-url-version'

/** What a request was about, so that error messages can name the host, the endpoint and the device. */
export interface ErrorContext {
  /** Host (and port) of the API base URL, e.g. `api.telluspower.example.com`. */
  host: string
  endpoint: 'token' | 'device' | 'sites' | 'charging-records'
  /** The device the request was for, when there was one. */
  deviceId?: string
  /** The API base URL the request went to, so a "not found" can point at a missing /v1. */
  baseUrl?: string
}

/** The technician (or the app) cancelled the request. */
export function cancelledError(): AppError {
  return appError('cancelled', 'The request was cancelled.')
}

/** Codes the docs call transient: back off and try again. Every other code is final. */
export const TRANSIENT_API_CODES: ReadonlySet<number> = new Set([5001, 9001])

/** Codes that mean "the token is no good": renew it once and retry once. */
export const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([2001, 2002])

/** The parts of an error envelope this table reads. */
export interface ApiFailure {
  code: number
  status: number
  details?: Record<string, unknown> | null
  /** Secret-free excerpt of the body; kept for the codes support needs to see (9001, unknown). */
  excerpt?: string
}

const REPORT = 'If it keeps happening, report it to support with the time and this message.'

/** `details.field`, if it is a plain field name (anything else from the server is not repeated). */
function fieldOf(details: ApiFailure['details'], redact: Redactor): string | undefined {
  const field = details?.field
  if (typeof field !== 'string' || !/^[A-Za-z0-9_.[\]-]{1,64}$/.test(field)) return undefined
  return redact(field) === field ? field : undefined
}

/** `details.retry_after_seconds` in milliseconds, if it is a sane number. */
export function retryAfterMsOf(details: ApiFailure['details']): number | undefined {
  const seconds = details?.retry_after_seconds
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined
  return Math.round(Math.min(seconds, 24 * 3600) * 1000)
}

function describeWait(ms: number | undefined): string {
  if (ms === undefined) return 'Wait a minute, then try again.'
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return `Wait ${formatDuration(seconds * 1000)}, then try again.`
}

/**
 * A request not sent because the API asked this client ID to wait (an earlier 5001) and the wait
 * has not elapsed: `retryAfterMs` is what is left, `retryAt` when it ends (for a countdown).
 */
export function heldByRateLimitError(leftMs: number, untilMs: number): AppError {
  return appError('rate-limited', 'Tellus asked this client ID to wait before its next request (5001), so no request was sent.', {
    code: 5001,
    retryAfterMs: leftMs,
    retryAt: new Date(untilMs).toISOString(),
    action: 'Try again once the wait has run out; chargers kept on this computer still open meanwhile.',
  })
}

/** "Not found" because the base URL lacks `/v1`: say so, with the URL to enter instead. */
function missingVersionError(baseUrl: string, status: number): AppError {
  return appError('invalid-input', `The API base URL ${baseUrl} has no /v1 at the end, so the Tellus API was not found there.`, {
    status,
    action: `Edit the profile in Profiles: Tellus base URLs end in /v1, e.g. ${withApiVersion(baseUrl)}.`,
  })
}

/** The `AppError` for a non-zero envelope `code`; `redact` vets the one server string repeated (details.field). */
export function apiError(failure: ApiFailure, context: ErrorContext, redact: Redactor = (text) => text): AppError {
  const { code, status } = failure
  const base = { code, status }
  const field = fieldOf(failure.details, redact)
  const device = context.deviceId
  switch (code) {
    case 1001:
      return appError('api', `The Tellus API rejected a request value as invalid (1001${field ? `, field ${field}` : ''}).`, {
        ...base,
        action: field === 'device_id' ? 'Check the device id on the work order.' : `Check the values you entered. ${REPORT}`,
      })
    case 1002:
      return appError('api', `The Tellus API says a required value is missing (1002${field ? `, field ${field}` : ''}).`, {
        ...base,
        action: `This points to a problem in Tellus Field or a change in the API: report it to support with this message.`,
      })
    case 2001:
      return context.endpoint === 'token'
        ? appError('auth', 'The Tellus API did not accept the client ID and secret (2001).', {
            ...base,
            action: 'Check the client ID and secret in Profiles.',
          })
        : appError('auth', 'Token rejected (2001), even after signing in again.', {
            ...base,
            action: 'Check the client ID and secret in Profiles.',
          })
    case 2002:
      return appError('auth', 'The access token expired (2002), and a fresh one was not accepted either.', {
        ...base,
        action: "Check that this computer's date and time are correct, then try again.",
      })
    case 2003:
      return appError('auth', 'This client_id lacks the read scope (2003).', {
        ...base,
        action: "Ask the operator's platform team to grant it the read scope.",
      })
    case 3001:
      if (context.baseUrl !== undefined && lacksApiVersion(context.baseUrl)) return missingVersionError(context.baseUrl, status)
      return device
        ? appError('api', `Device ${device} was not found (3001).`, {
            ...base,
            action: 'Check the id on the work order; it may belong to another operator.',
          })
        : appError('api', 'The Tellus API did not find what was asked for (3001).', {
            ...base,
            action: 'It may have been deleted or belong to another operator.',
          })
    case 4001:
      return appError('api', 'The Tellus API reported a conflict (4001).', { ...base, action: `Reload and try again. ${REPORT}` })
    case 5001: {
      const retryAfterMs = retryAfterMsOf(failure.details)
      return appError('rate-limited', 'Too many requests to the Tellus API for this client ID (5001).', {
        ...base,
        retryAfterMs,
        action: describeWait(retryAfterMs),
      })
    }
    case 9001:
      return appError('api', 'The Tellus API had an internal error (9001).', {
        ...base,
        excerpt: failure.excerpt,
        action: 'Try again in a minute. If it keeps happening, report it to Tellus support with the time and the device id.',
      })
    default:
      return appError('api', `The Tellus API answered with error code ${code}, which Tellus Field does not know.`, {
        ...base,
        excerpt: failure.excerpt,
        action: 'Report it to support with the time and this message.',
      })
  }
}

const TRY_AGAIN = 'Try again. If it persists, report it to support with this message.'
const SIGN_IN_TO_NETWORK =
  'Open a web browser to sign in to the network, or switch networks, then try again. If it persists, check the API base URL in Profiles.'

/** What the endpoint returns, in words. */
function subject(context: ErrorContext): string {
  switch (context.endpoint) {
    case 'token':
      return 'the sign-in answer'
    case 'device':
      return context.deviceId ? `device ${context.deviceId}` : 'the device'
    case 'sites':
      return 'the site list'
    case 'charging-records':
      return 'the charging records'
  }
}

interface Evidence {
  status: number
  excerpt: string
}

/** A web page (HTML) came back instead of JSON. */
export function webPageError(evidence: Evidence): AppError {
  return appError(
    'invalid-response',
    'The network returned a web page instead of the Tellus API — a captive portal or proxy may need you to sign in.',
    { ...evidence, action: SIGN_IN_TO_NETWORK },
  )
}

/** A redirect came back; it is not followed. */
export function redirectError(evidence: Evidence): AppError {
  return appError(
    'invalid-response',
    'The network redirected the request away from the Tellus API — a captive portal or proxy may need you to sign in.',
    { ...evidence, action: SIGN_IN_TO_NETWORK },
  )
}

/** HTTP statuses of a gateway between us and the API that failed (no Tellus envelope). */
export const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504])

/** True for any 5xx: without a Tellus envelope it is a server (or gateway) failure, retried. */
export function isServerFailureStatus(status: number): boolean {
  return status >= 500 && status <= 599
}

/**
 * A 5xx without a Tellus envelope (an nginx page, a plain text body): a gateway on the way failed
 * (502/503/504), or the API itself is failing. Either way not the technician's network.
 */
export function serverFailureError(context: ErrorContext, evidence: Evidence): AppError {
  const action = 'Wait a minute and try again; the service or the network in between may be restarting.'
  if (GATEWAY_STATUSES.has(evidence.status)) {
    return appError('network', `A gateway on the way to ${context.host} failed (HTTP ${evidence.status}).`, { ...evidence, action })
  }
  return appError('api', `The Tellus API at ${context.host} is failing (HTTP ${evidence.status}); your network is not the problem.`, {
    ...evidence,
    action: `${action} If it keeps happening, report it to Tellus support with the time.`,
  })
}

/**
 * Content that is not labelled JSON. Rejected even when the body happens to parse as a valid
 * envelope: the Tellus API always labels its answers `application/json`, so a different label
 * means something in between (a proxy, a filter, a portal) produced or rewrote the answer, and
 * its content should not be trusted as the charger's state.
 */
export function contentTypeError(contentType: string | null, evidence: Evidence): AppError {
  const label = contentType ? `"${contentType.slice(0, 60)}"` : 'no content type'
  return appError('invalid-response', `The answer came as ${label} instead of JSON, so it did not come from the Tellus API as sent.`, {
    ...evidence,
    action: 'A proxy or filter on this network may be rewriting traffic. Try another network; if it persists, report it to support with this message.',
  })
}

/** An empty body. */
export function emptyBodyError(context: ErrorContext, evidence: Evidence): AppError {
  return appError('invalid-response', `The Tellus API sent an empty answer for ${subject(context)}.`, { ...evidence, action: TRY_AGAIN })
}

/** A body that is not JSON (cut off, or not JSON at all). */
export function notJsonError(context: ErrorContext, evidence: Evidence): AppError {
  return appError('invalid-response', `The answer for ${subject(context)} was cut off or is not valid JSON.`, {
    ...evidence,
    action: 'A weak connection can cut answers short: try again. If it persists, report it to support with this message.',
  })
}

/** JSON, but not in the shape the API documents. `where` names the field, never its value. */
export function shapeError(context: ErrorContext, where: string, evidence: Evidence): AppError {
  return appError('invalid-response', `The Tellus API sent ${subject(context)} in a form Tellus Field does not understand (${where}).`, {
    ...evidence,
    action: 'The API may have changed. Report it to support with this message.',
  })
}

/** JSON nested deeper, or holding more values, than any Tellus answer (see json-bounds.ts): not read. */
export function jsonBoundsError(context: ErrorContext, violation: JsonBoundsViolation, evidence: Evidence): AppError {
  const what =
    violation.bound === 'depth'
      ? `nested more than ${violation.limit} levels deep`
      : `with more than ${violation.limit.toLocaleString('en-US')} values`
  return appError('invalid-response', `The answer for ${subject(context)} came ${what}, far beyond any Tellus answer, so it was not read.`, {
    ...evidence,
    action: 'A faulty server or a proxy on this network may be sending something else. Try again later; if it persists, report it to support with this message.',
  })
}

/** Where the token is asked for, as a technician or support would look it up: `POST /v1/operator/oauth/token`. */
function tokenEndpoint(context: ErrorContext): string {
  let basePath: string
  try {
    basePath = context.baseUrl ? new URL(context.baseUrl).pathname.replace(/\/+$/, '') : ''
  } catch {
    basePath = ''
  }
  return `POST ${basePath}/operator/oauth/token`
}

/**
 * The sign-in answer's access token cannot go into an HTTP header (a line break, a control or
 * non-ASCII character): a broken or hostile server. Not retried; the token is never repeated.
 */
export function unusableTokenError(context: ErrorContext, status: number): AppError {
  return appError(
    'invalid-response',
    `The sign-in answer from ${context.host} (${tokenEndpoint(context)}) holds an access token with characters an HTTP header cannot carry (such as a line break), so it cannot be used.`,
    { status, action: 'The Tellus API or a proxy on the way is sending broken sign-in answers. Try again later; if it persists, report it to support with this message.' },
  )
}
