/**
 * Replies in the v1.3 wire format: the `{code, message, data}` envelope (message "success" on
 * success), error envelopes with the documented HTTP status per code, and bare JSON for the one
 * response that is not enveloped (the token).
 */

/** Error codes of v1.3 (guides/errors). */
export type ErrorCode = 1001 | 1002 | 2001 | 2002 | 2003 | 3001 | 4001 | 5001 | 9001

/** HTTP status and default message per error code. */
export const ERROR_CODES: Record<ErrorCode, { status: number; message: string }> = {
  1001: { status: 400, message: 'invalid request parameters' },
  1002: { status: 400, message: 'missing required parameter' },
  2001: { status: 401, message: 'unauthenticated' },
  2002: { status: 401, message: 'token expired' },
  2003: { status: 403, message: 'permission denied' },
  3001: { status: 404, message: 'resource not found' },
  4001: { status: 409, message: 'conflict' },
  5001: { status: 429, message: 'Too many requests' },
  9001: { status: 500, message: 'internal server error' },
}

/** A JSON response a route produces; the HTTP layer serialises it (or a fault mangles it). */
export interface Reply {
  status: number
  body: unknown
  /** Extra response headers (Content-Type and Content-Length are set by the sender). */
  headers?: Record<string, string>
}

/** A success envelope around `data`. */
export function success(data: unknown): Reply {
  return { status: 200, body: { code: 0, message: 'success', data } }
}

/** An error envelope; `details` is added only when given. */
export function failure(code: ErrorCode, details?: Record<string, unknown>, message?: string): Reply {
  const { status, message: defaultMessage } = ERROR_CODES[code]
  const body: Record<string, unknown> = { code, message: message ?? defaultMessage, data: null }
  if (details) body.details = details
  return { status, body }
}

/** A 429/5001 reply; `details.retry_after_seconds` only when a wait is known. */
export function tooManyRequests(retryAfterSeconds: number | undefined): Reply {
  return failure(5001, retryAfterSeconds === undefined ? undefined : { retry_after_seconds: retryAfterSeconds })
}

/** 400/1001 for a parameter with a bad value. */
export function invalidParameter(field: string, value: unknown, message?: string): Reply {
  return failure(1001, { field, value }, message)
}

/** 400/1002 for a missing parameter. */
export function missingParameter(field: string): Reply {
  return failure(1002, { field }, `missing required parameter: ${field}`)
}

/** A JSON body that is not enveloped (the token response). */
export function bare(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body }
}
