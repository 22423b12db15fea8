/**
 * Access tokens: JWT-shaped (HS256 over a per-simulator random key) and checked statelessly, so
 * memory does not grow with the number issued. Expiry follows the injected clock; `expireAll` and
 * `revokeAll` apply to every token issued so far by sequence number.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Scope } from './types'

/** Who a valid token belongs to. */
export interface TokenPrincipal {
  clientId: string
  scopes: Scope[]
}

/** The outcome of checking a token: the principal, or 2001 (invalid/revoked) / 2002 (expired). */
export type TokenCheck = { ok: true; principal: TokenPrincipal } | { ok: false; code: 2001 | 2002 }

interface TokenClaims {
  sub: string
  scope: string
  iat: number
  exp: number
  seq: number
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

/** Issues and checks access tokens. */
export class TokenStore {
  private readonly key = randomBytes(32)
  private sequence = 0
  private expiredUpTo = 0
  private revokedUpTo = 0

  constructor(
    private readonly now: () => number,
    private ttlSeconds: number,
  ) {
    this.setTtl(ttlSeconds)
  }

  /** Lifetime of tokens issued from now on. */
  setTtl(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`Token TTL must be a whole number of seconds ≥ 1, got ${seconds}.`)
    this.ttlSeconds = seconds
  }

  /** A new token for the client, with its lifetime in seconds. */
  issue(principal: TokenPrincipal): { token: string; expiresIn: number } {
    const issuedAt = this.now()
    const claims: TokenClaims = {
      sub: principal.clientId,
      scope: principal.scopes.join(' '),
      iat: issuedAt / 1000,
      exp: issuedAt / 1000 + this.ttlSeconds,
      seq: ++this.sequence,
    }
    const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresIn: this.ttlSeconds }
  }

  /** Checks a bearer token. */
  check(token: string): TokenCheck {
    const claims = this.verify(token)
    if (!claims || claims.seq <= this.revokedUpTo) return { ok: false, code: 2001 }
    if (claims.seq <= this.expiredUpTo || this.now() >= claims.exp * 1000) return { ok: false, code: 2002 }
    const scopes = claims.scope.split(' ').filter((scope): scope is Scope => scope === 'read' || scope === 'write')
    return { ok: true, principal: { clientId: claims.sub, scopes } }
  }

  /** Every token issued so far counts as expired (2002). */
  expireAll(): void {
    this.expiredUpTo = this.sequence
  }

  /** Every token issued so far counts as invalid (2001). */
  revokeAll(): void {
    this.revokedUpTo = this.sequence
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url')
  }

  private verify(token: string): TokenClaims | undefined {
    const [header, payload, signature, ...rest] = token.split('.')
    if (header !== HEADER || !payload || !signature || rest.length > 0) return undefined
    const expected = Buffer.from(this.sign(`${header}.${payload}`))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims
      return typeof claims.sub === 'string' && typeof claims.seq === 'number' ? claims : undefined
    } catch {
      return undefined
    }
  }
}
