/**
 * What the telemetry stream needs from a profile's API client: where the API is and the client's
 * access token (the same one REST requests use, so the stream costs no extra token request).
 */
import type { Result } from '@common/errors'

/** The stream's view of one API client. */
export interface StreamAccess {
  /** The validated API base URL, e.g. `https://api.example.com/v1`. */
  baseUrl: string
  /** The held token, or a new one (shared with concurrent REST requests). */
  getToken(signal?: AbortSignal): Promise<Result<string>>
  /** A new token even if one is held (the server closed the stream with 1008 or refused it with 401). */
  renewToken(signal?: AbortSignal): Promise<Result<string>>
}

/** The stream URL for a set of devices; the token goes in the query only when asked (the documented fallback). */
export function streamUrl(baseUrl: string, deviceIds: readonly string[], queryToken?: string): string {
  const url = new URL(`${baseUrl.replace(/^http/, 'ws')}/operator/stream`)
  url.searchParams.set('devices', deviceIds.join(','))
  if (queryToken !== undefined) url.searchParams.set('token', queryToken)
  return url.toString().replace(/%2C/g, ',')
}
