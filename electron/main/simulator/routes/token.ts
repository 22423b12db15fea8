/**
 * `POST /v1/operator/oauth/token`: the client-credentials grant. The success response is bare (not
 * enveloped), as in the v1.3 OpenAPI; errors use the envelope. Accepts JSON (documented) and
 * form-encoded bodies (the OAuth 2 convention).
 */
import { bare, failure, invalidParameter, missingParameter, tooManyRequests } from '../envelope'
import type { Reply } from '../envelope'
import type { RouteContext } from './route'

const FIELDS = ['client_id', 'client_secret', 'grant_type'] as const

function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw))
  try {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Issues a token: 400/1002 missing field, 400/1001 bad grant_type, 401/2001 bad credentials, 429/5001 over the limit. */
export async function tokenRoute(context: RouteContext): Promise<Reply> {
  const contentType = String(context.headers['content-type'] ?? '')
  const body = parseBody(await context.readBody(), contentType)
  if (!body) return invalidParameter('body', null, 'request body must be a JSON object')
  const values: Record<string, string> = {}
  for (const field of FIELDS) {
    const value = body[field]
    if (value === undefined || value === null || value === '') return missingParameter(field)
    if (typeof value !== 'string') return invalidParameter(field, value, `${field} must be a string`)
    values[field] = value
  }
  const clientId = values.client_id ?? ''
  context.identify(clientId)
  const limit = context.state.tokenLimiter.take(clientId)
  if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds)
  if (values.grant_type !== 'client_credentials') {
    return invalidParameter('grant_type', values.grant_type, 'grant_type must be client_credentials')
  }
  const scopes = context.state.clients.authenticate(clientId, values.client_secret ?? '')
  if (!scopes) return failure(2001, undefined, 'invalid client credentials')
  const { token, expiresIn } = context.state.tokens.issue({ clientId, scopes })
  return bare(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn }, { 'cache-control': 'no-store' })
}
