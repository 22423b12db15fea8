/**
 * Secret redaction, one rule set for everything that leaves a process boundary: support excerpts,
 * log lines and exports. Known secrets (the client secret, every token a client has held) are
 * replaced wherever they appear, and so are values that merely look like credentials
 * (`"access_token": "…"`, `client_secret=…`, `Bearer …`), because a server may echo a token we never
 * saw in full. `isSecretKey` applies the same key list to object keys (exports drop those keys).
 */

/** Turns text into text without secrets. */
export type Redactor = (text: string) => string

/**
 * Key names that carry a credential, written with `_` between words; `-`, `_` or nothing may
 * separate the words where they appear (`client-secret`, `clientSecret`, `client_secret`).
 */
export const CREDENTIAL_KEY_NAMES: readonly string[] = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'device_secret',
  'password',
  'secret',
  'token',
  'authorization',
  'proxy_authorization',
  'api_key',
  'x_api_key',
  'x_signature',
  'cookie',
  'set_cookie',
]

const NORMALISED_KEYS = new Set(CREDENTIAL_KEY_NAMES.map((name) => name.replace(/_/g, '')))

/** True when an object key names a credential (any case, with or without `-`, `_` or spaces). */
export function isSecretKey(key: string): boolean {
  return NORMALISED_KEYS.has(key.toLowerCase().replace(/[-_\s]/g, ''))
}

const PLACEHOLDER = '[redacted]'
/** Shorter strings are not treated as secrets: redacting "a" everywhere would destroy the excerpt. */
const MIN_SECRET_LENGTH = 4

// Longest first, so that `access_token` wins over `token`.
const CREDENTIAL_KEYS = [...CREDENTIAL_KEY_NAMES]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/_/g, '[-_]?'))
  .join('|')
/** `"access_token": "value` (JSON; the closing quote may be missing in a cut-off body). */
const JSON_CREDENTIAL = new RegExp(`("(?:${CREDENTIAL_KEYS})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*`, 'gi')
/** `client_secret=value` (form or query encoding). */
const FORM_CREDENTIAL = new RegExp(`\\b((?:${CREDENTIAL_KEYS})=)[^&\\s"'<]*`, 'gi')
/** `Bearer value` (an echoed Authorization header). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi

/** Replaces every occurrence of `secret` in `text`. */
function replaceAll(text: string, secret: string): string {
  return secret.length < MIN_SECRET_LENGTH ? text : text.split(secret).join(PLACEHOLDER)
}

/**
 * A redactor over the secrets `secrets()` returns at call time (so a token obtained later is
 * covered too), plus the credential-shaped patterns.
 */
export function createRedactor(secrets: () => Iterable<string>): Redactor {
  return (text) => {
    let result = text
    // Longest first, so a secret that contains another is removed whole.
    const known = [...secrets()].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
    for (const secret of known) {
      result = replaceAll(result, secret)
      const encoded = encodeURIComponent(secret)
      if (encoded !== secret) result = replaceAll(result, encoded)
      const jsonEscaped = JSON.stringify(secret).slice(1, -1)
      if (jsonEscaped !== secret) result = replaceAll(result, jsonEscaped)
    }
    return result
      .replace(JSON_CREDENTIAL, `$1${PLACEHOLDER}`)
      .replace(FORM_CREDENTIAL, `$1${PLACEHOLDER}`)
      .replace(BEARER, `$1${PLACEHOLDER}`)
  }
}

/** C0/C1 control characters and line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Text on one line: control characters and runs of white space become single spaces. */
export function oneLine(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), ' ').replace(/\s+/g, ' ').trim()
}

/** Longest support excerpt, in characters. */
export const EXCERPT_MAX_CHARS = 200

/**
 * A short, single-line, secret-free excerpt of a response body for support. The whole text is
 * redacted before it is cut, so a secret straddling the cut cannot leave a recognisable prefix.
 */
export function excerptOf(text: string, redact: Redactor): string {
  const flat = oneLine(redact(text))
  return flat.length <= EXCERPT_MAX_CHARS ? flat : `${flat.slice(0, EXCERPT_MAX_CHARS - 1)}…`
}
