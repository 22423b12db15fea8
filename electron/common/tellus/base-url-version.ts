/**
 * The Tellus API lives under a version segment: every base URL ends in `/v1`
 * (`https://api.telluspower.example.com/v1`). Copied without it, every request is "not found", so
 * both the profile form and the API client's errors point at the missing segment.
 */

/** The path segment every Tellus base URL ends with. */
export const API_VERSION_SEGMENT = '/v1'

function pathOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl.trim()).pathname.replace(/\/+$/, '')
  } catch {
    return null
  }
}

/** True when `baseUrl` parses as a URL and its path does not end in a version segment (`/v1`, `/v2`…). */
export function lacksApiVersion(baseUrl: string): boolean {
  const path = pathOf(baseUrl)
  return path !== null && !/\/v\d+$/i.test(path)
}

/** `baseUrl` with `/v1` added (trailing slashes dropped), for a hint. */
export function withApiVersion(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '') + API_VERSION_SEGMENT
}
