/**
 * Turns an HTTP response into a `Result`: unwraps the `{code, message, data}` envelope, maps a
 * non-zero `code` to the error table, and validates `data` with the domain schema. Pure and total:
 * whatever bytes arrive, the outcome is a value or a typed `AppError`, never an exception.
 * A body not labelled JSON is rejected even when it would parse as a valid envelope (see
 * `contentTypeError`): the API always labels its JSON, so another label means something in between
 * wrote or rewrote the answer, and a charger's state must not be taken from it.
 */
import type { z } from 'zod'
import { fail, ok, type Result } from '@common/errors'
import { excerptOf, type Redactor } from '@common/redact'
import { jsonBoundsViolation } from '@common/tellus/json-bounds'
import { AccessTokenSchema, EnvelopeSchema, type AccessToken } from '@common/tellus/schemas'
import {
  apiError,
  contentTypeError,
  emptyBodyError,
  isServerFailureStatus,
  jsonBoundsError,
  notJsonError,
  redirectError,
  serverFailureError,
  shapeError,
  unusableTokenError,
  webPageError,
  type ErrorContext,
} from './errors'
import type { HttpResponse } from './http-request'

/** What the parser needs besides the response. */
export interface ParseContext extends ErrorContext {
  redact: Redactor
}

/** A validated `data` and the `data` exactly as received (for snapshots). */
export interface Parsed<T> {
  data: T
  raw: unknown
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const lenientUtf8 = new TextDecoder('utf-8')

function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

/** Names the first schema problem by its path and kind, never by the offending value. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'unexpected content'
  const path = issue.path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('')
  const problem =
    issue.code === 'invalid_type'
      ? 'is missing or has the wrong type'
      : issue.code === 'too_small' || issue.code === 'too_big'
        ? 'is out of range'
        : 'is not valid'
  return `${path === '' ? 'the content' : path} ${problem}`
}

/** Decodes and parses a JSON body after the checks on status, emptiness and content type. */
function readJson(response: HttpResponse, context: ParseContext): Result<unknown> {
  const { status, body } = response
  const text = lenientUtf8.decode(body)
  // The redacted excerpt is only made for an error: a good answer does not pay for it.
  const evidence = () => evidenceOf(response, context)
  const isServerFailure = isServerFailureStatus(status)
  if (status >= 300 && status < 400) return fail(redirectError(evidence()))
  if (text.trim() === '') return fail(isServerFailure ? serverFailureError(context, evidence()) : emptyBodyError(context, evidence()))
  const type = mediaType(response.contentType)
  if (!isJsonMediaType(type)) {
    if (isServerFailure) return fail(serverFailureError(context, evidence()))
    const looksLikeHtml = type === 'text/html' || type === 'application/xhtml+xml' || /^\s*</.test(text)
    return fail(looksLikeHtml ? webPageError(evidence()) : contentTypeError(response.contentType, evidence()))
  }
  let json: unknown
  try {
    json = JSON.parse(strictUtf8.decode(body)) as unknown
  } catch {
    return fail(isServerFailure ? serverFailureError(context, evidence()) : notJsonError(context, evidence()))
  }
  // Bounded before anything else reads it: a value too deep to clone must never reach a snapshot or IPC.
  const violation = jsonBoundsViolation(json)
  return violation ? fail(jsonBoundsError(context, violation, evidence())) : ok(json)
}

function evidenceOf(response: HttpResponse, context: ParseContext) {
  return { status: response.status, excerpt: excerptOf(lenientUtf8.decode(response.body), context.redact) }
}

/** Parses an enveloped response and validates its `data` with `schema`. */
export function parseEnvelopeResponse<S extends z.ZodType>(
  response: HttpResponse,
  schema: S,
  context: ParseContext,
): Result<Parsed<z.output<S>>> {
  try {
    const json = readJson(response, context)
    if (!json.ok) return json
    const envelope = EnvelopeSchema.safeParse(json.value)
    if (!envelope.success) {
      const evidence = evidenceOf(response, context)
      if (isServerFailureStatus(response.status)) return fail(serverFailureError(context, evidence))
      return fail(shapeError(context, `not a Tellus envelope: ${describeIssue(envelope.error)}`, evidence))
    }
    const { code, details } = envelope.data
    if (code !== 0) {
      return fail(apiError({ code, status: response.status, details, excerpt: evidenceOf(response, context).excerpt }, context, context.redact))
    }
    if (!isSuccessStatus(response.status)) {
      return fail(shapeError(context, `HTTP ${response.status} with code 0`, evidenceOf(response, context)))
    }
    const raw = envelope.data.data
    const data = schema.safeParse(raw)
    if (!data.success) return fail(shapeError(context, describeIssue(data.error), evidenceOf(response, context)))
    return ok({ data: data.data, raw })
  } catch {
    // Defensive: the steps above do not throw; if one ever does, it is still a typed error.
    return fail(shapeError(context, 'unreadable content', evidenceOf(response, context)))
  }
}

/** What an access token may hold to go into `Authorization: Bearer …`: printable ASCII, no space. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/

/** The token, unless it cannot be sent in a header (then an invalid response, never retried). */
function usableToken(token: AccessToken, status: number, context: ParseContext): Result<AccessToken> {
  return HEADER_SAFE_TOKEN.test(token.access_token) ? ok(token) : fail(unusableTokenError(context, status))
}

/** Parses the token response, bare (as the OpenAPI documents) or enveloped (as the guides say). */
export function parseTokenResponse(response: HttpResponse, context: ParseContext): Result<AccessToken> {
  try {
    const json = readJson(response, context)
    if (!json.ok) return json
    const value = json.value
    const enveloped = typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number'
    if (enveloped) {
      const parsed = parseEnvelopeResponse(response, AccessTokenSchema, context)
      return parsed.ok ? usableToken(parsed.value.data, response.status, context) : parsed
    }
    if (!isSuccessStatus(response.status)) {
      return fail(shapeError(context, `HTTP ${response.status} without an error code`, evidenceOf(response, context)))
    }
    const token = AccessTokenSchema.safeParse(value)
    if (!token.success) return fail(shapeError(context, describeIssue(token.error), evidenceOf(response, context)))
    return usableToken(token.data, response.status, context)
  } catch {
    return fail(shapeError(context, 'unreadable content', evidenceOf(response, context)))
  }
}
