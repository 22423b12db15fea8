/** The log of requests the simulator received, for tests and the control endpoint. */
import type { RequestLogEntry } from './types'

/** Path of the token endpoint. */
export const TOKEN_PATH = '/v1/operator/oauth/token'

/** Removes the value of a `token` query parameter, so the log never holds a token. */
export function redactPath(rawUrl: string): string {
  return rawUrl.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
}

/** An append-only request log; entries are updated in place when their response is sent. */
export class RequestLog {
  private entries: RequestLogEntry[] = []

  /** Adds an entry with status 0 and returns it for later updates. */
  add(method: string, rawUrl: string, at: number): RequestLogEntry {
    const entry: RequestLogEntry = { method, path: redactPath(rawUrl), status: 0, at }
    this.entries.push(entry)
    return entry
  }

  /** Copies of every entry, oldest first. */
  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }))
  }

  reset(): void {
    this.entries = []
  }

  /** How many logged requests went to the token endpoint. */
  tokenRequestCount(): number {
    return this.entries.filter((entry) => entry.method === 'POST' && entry.path.split('?')[0] === TOKEN_PATH).length
  }
}
