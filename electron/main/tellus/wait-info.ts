/** Why a request is waiting, so the UI can tell the technician ("waiting 12 s: API rate limit"). */
export interface WaitInfo {
  waitMs: number
  /** `reads`/`token`: pacing under the API's per-client limits; `retry`: backoff after a transient failure. */
  reason: 'reads' | 'token' | 'retry'
}
