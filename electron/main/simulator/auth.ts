/** Bearer-token checks shared by the protected routes and the WebSocket handshake. */
import { type Reply, failure } from './envelope'
import type { TokenPrincipal, TokenStore } from './tokens'

/** The outcome of authenticating a request. */
export type AuthResult = { ok: true; principal: TokenPrincipal } | { ok: false; reply: Reply; principal?: TokenPrincipal }

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '')
  return match?.[1]
}

/** Checks a token and the `read` scope: 401/2001 missing or invalid, 401/2002 expired, 403/2003 no read scope. */
export function authenticateReader(tokens: TokenStore, token: string | undefined): AuthResult {
  if (!token) return { ok: false, reply: failure(2001, undefined, 'missing access token') }
  const check = tokens.check(token)
  if (!check.ok) return { ok: false, reply: failure(check.code) }
  if (!check.principal.scopes.includes('read')) {
    return { ok: false, reply: failure(2003, { required_scope: 'read' }), principal: check.principal }
  }
  return { ok: true, principal: check.principal }
}
