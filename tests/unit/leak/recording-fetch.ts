/**
 * A `fetch` that passes every request through unchanged and records the access tokens the token
 * endpoint hands out (bare or enveloped), so a test can look for them where they must not be.
 */

/** The wrapped fetch and the tokens seen so far, in order. */
export interface RecordingFetch {
  fetch: typeof fetch
  tokens: string[]
  /** Requests to the token endpoint seen (answered or not). */
  tokenRequests: number
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input
  return input instanceof URL ? input.href : input.url
}

function accessTokenOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed !== 'object' || parsed === null) return null
    const record = parsed as { access_token?: unknown; data?: { access_token?: unknown } | null }
    const token = record.access_token ?? record.data?.access_token
    return typeof token === 'string' && token !== '' ? token : null
  } catch {
    return null
  }
}

/** Wraps `inner` (default: the global fetch). */
export function createRecordingFetch(inner: typeof fetch = globalThis.fetch): RecordingFetch {
  const recorder: RecordingFetch = {
    tokens: [],
    tokenRequests: 0,
    fetch: async (input, init) => {
      const response = await inner(input, init)
      if (new URL(urlOf(input)).pathname.endsWith('/operator/oauth/token')) {
        recorder.tokenRequests++
        const token = accessTokenOf(await response.clone().text())
        if (token) recorder.tokens.push(token)
      }
      return response
    },
  }
  return recorder
}
