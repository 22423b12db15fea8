/**
 * Fetch live, else the offline copy with the reason: the one rule the device lookup and the charging
 * history share. An offline copy is shown only when the network or the sign-in let the technician
 * down (never for a failure of the request itself, such as an unknown device), and always with the
 * error above it, so they still see what to fix.
 */
import { appError, fail, ok, type AppError, type Result } from '@common/errors'

/**
 * Failures after which an offline copy is worth showing: the network or the sign-in (wrong or
 * missing secret, keychain unavailable), not the request itself, was at fault.
 */
export function isOfflineWorthy(error: AppError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalid-response') return true
  if (error.kind === 'rate-limited' || error.kind === 'auth' || error.kind === 'keychain') return true
  return error.kind === 'api' && (error.code === 9001 || (error.status ?? 0) >= 500)
}

/** The live value, or the offline copy with the error that made it necessary. */
export type LiveOrOffline<L, O> = { source: 'live'; live: L } | { source: 'offline'; offline: O; error: AppError }

/** What to fetch live, how to read the offline copy, and its name in a message ("offline copy"). */
export interface OfflineFallback<L, O> {
  fetchLive: () => Promise<Result<L>>
  /** The offline copy, or null when there is none. Read only after an offline-worthy failure. */
  readOffline: () => Promise<Result<O | null>>
  offlineName: string
}

/**
 * Fetches live; after an offline-worthy failure, answers with the offline copy and the error. No copy:
 * the error. A copy that cannot be read: the error, its action extended with why the copy failed too.
 */
export async function fetchWithOfflineFallback<L, O>(options: OfflineFallback<L, O>): Promise<Result<LiveOrOffline<L, O>>> {
  const live = await options.fetchLive()
  if (live.ok) return ok({ source: 'live', live: live.value })
  const { error } = live
  if (!isOfflineWorthy(error)) return fail(error)
  const copy = await options.readOffline()
  if (!copy.ok) {
    const action = `${error.action ?? ''} The ${options.offlineName} could not be read either: ${copy.error.message}`.trim()
    return fail(appError(error.kind, error.message, { ...error, action }))
  }
  return copy.value === null ? fail(error) : ok({ source: 'offline', offline: copy.value, error })
}
