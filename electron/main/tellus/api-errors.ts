/**
 * The Tellus error-code table (guides/errors) turned into technician-readable `AppError`s: what
 * happened and what to do. Branches on `code` only; the envelope's `message` is never read, since
 * its wording may change.
 */
import { appError, type AppError } from '@common/errors'
import { lacksApiVersion, withApiVersion } from '@common/tellus/base-url-version'
import type { ErrorContext } from './error-context'
import type { Redactor } from './redact'

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
  return `Wait ${seconds} s, then try again.`
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
