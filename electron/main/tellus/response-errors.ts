/**
 * `AppError`s for responses that are not what the Tellus API sends: a web page (captive portal), a
 * redirect, a wrong content type, a cut-off or empty body, a body of the wrong shape, a failing
 * gateway. Each carries a short, secret-free excerpt for support.
 */
import { appError, type AppError } from '@common/errors'
import type { ErrorContext } from './error-context'

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

/** A gateway between us and the API failed (no Tellus envelope in a 502/503/504). */
export function gatewayError(context: ErrorContext, evidence: Evidence): AppError {
  return appError('network', `A gateway on the way to ${context.host} failed (HTTP ${evidence.status}).`, {
    ...evidence,
    action: 'Wait a minute and try again; the service or the network in between may be restarting.',
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
