/**
 * What to do when the server answers the stream's handshake with an HTTP response instead of 101.
 * The API documents no stream-specific refusals, so the REST error codes are read as they are
 * elsewhere: a rejected token is renewed once, a missing scope or unknown device will not get better
 * by retrying, a rate limit waits as long as it asks, anything else is retried with backoff.
 */
import { EnvelopeSchema } from '@common/tellus/schemas'

/** The decision for one refused handshake. */
export type RefusalDecision =
  | { kind: 'renew-token' }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'unavailable'; message: string; action?: string }

function envelopeOf(body: string): { code?: number; retryAfterMs?: number } {
  try {
    const parsed = EnvelopeSchema.safeParse(JSON.parse(body))
    if (!parsed.success) return {}
    const seconds = parsed.data.details?.['retry_after_seconds']
    return { code: parsed.data.code, retryAfterMs: typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : undefined }
  } catch {
    return {}
  }
}

/** Decides about a refused handshake from its HTTP status and (at most a few KB of) body. */
export function decideRefusal(status: number, body: string, host: string): RefusalDecision {
  const { code, retryAfterMs } = envelopeOf(body)
  if (status === 401 || code === 2001 || code === 2002) return { kind: 'renew-token' }
  if (status === 403 || code === 2003) {
    return {
      kind: 'unavailable',
      message: `This profile's API client may not read telemetry from ${host} (403${code ? `/${code}` : ''}).`,
      action: 'Ask the operator to give the client the read scope; the values shown are from the last fetch.',
    }
  }
  if (status === 404 || status === 400 || code === 3001 || code === 1001 || code === 1002) {
    return {
      kind: 'unavailable',
      message: `${host} offers no telemetry stream for this charger (${status}${code ? `/${code}` : ''}).`,
      action: 'Refresh to read the latest values; live values are not available with this profile.',
    }
  }
  if (status === 429 || code === 5001) return { kind: 'retry', reason: `rate limited (${status})`, retryAfterMs }
  return { kind: 'retry', reason: `the server answered ${status} instead of opening the stream` }
}
