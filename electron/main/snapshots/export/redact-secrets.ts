/**
 * Defensive redaction for exports. A snapshot holds no secret by design, but an export leaves the
 * laptop, so any key that names a credential (client_secret, access_token, Authorization, …) is
 * removed wherever it appears in a payload, and credentials in a URL are dropped. The key list is
 * the one every redaction uses (`CREDENTIAL_KEY_NAMES` in electron/common/redact.ts).
 */
import { isSecretKey } from '@common/redact'
import type { Snapshot } from '@common/snapshot-types'

/** A deep copy of `value` without any secret-named key (at any depth, in arrays too). */
export function redactSecrets(value: unknown): unknown {
  return redact(value, new WeakSet())
}

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) return '[circular]'
  seen.add(value)
  let copy: unknown
  if (Array.isArray(value)) {
    copy = value.map((item) => redact(item, seen))
  } else {
    const object: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) if (!isSecretKey(key)) object[key] = redact(item, seen)
    copy = object
  }
  seen.delete(value) // only ancestors count as a cycle; a shared branch is copied twice
  return copy
}

/** A URL without user name, password, or secret-named query parameters. Non-URLs come back unchanged. */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const hadSecretParam = [...parsed.searchParams.keys()].some(isSecretKey)
  if (!parsed.username && !parsed.password && !hadSecretParam) return url
  parsed.username = ''
  parsed.password = ''
  for (const key of [...parsed.searchParams.keys()]) if (isSecretKey(key)) parsed.searchParams.delete(key)
  return parsed.toString()
}

/** A snapshot safe to export: payload redacted deep, base URL without credentials. */
export function redactSnapshot(snapshot: Snapshot): Snapshot {
  return { ...snapshot, baseUrl: redactUrl(snapshot.baseUrl), data: redactSecrets(snapshot.data) }
}
