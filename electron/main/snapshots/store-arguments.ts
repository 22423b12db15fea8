/** Checks of the store's arguments that are not ids: listing queries and retention counts. */
import { appError, fail, ok, type Result } from '@common/errors'
import type { SnapshotQuery } from '@common/ipc/contract'
import { validateDeviceId } from './snapshot-id'

/** Highest retention accepted (matches the settings IPC schema). */
export const MAX_RETENTION_PER_DEVICE = 10_000

/** True for a whole number of snapshots per device from 1 to `MAX_RETENTION_PER_DEVICE`. */
export function isRetention(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RETENTION_PER_DEVICE
}

/** Validates a listing query (device id by `DeviceIdSchema`); invalid-input error otherwise. */
export function checkQuery(query: SnapshotQuery): Result<SnapshotQuery> {
  if (typeof query !== 'object' || query === null) return fail(appError('invalid-input', 'That is not a snapshot query.'))
  const { siteId, limit } = query
  let deviceId: string | undefined
  if (query.deviceId !== undefined) {
    const checked = validateDeviceId(query.deviceId)
    if (!checked.ok) return checked
    deviceId = checked.value
  }
  if (siteId !== undefined && (typeof siteId !== 'string' || siteId.length > 200)) {
    return fail(appError('invalid-input', 'That is not a site id.'))
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    return fail(appError('invalid-input', 'The snapshot list limit must be a whole number of at least 1.'))
  }
  return ok({ deviceId, siteId, limit })
}
