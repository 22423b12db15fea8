/** Checks of the store's arguments that are not ids: listing queries and retention counts. */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type Result } from '@common/errors'
import type { SnapshotQuery } from '@common/ipc/contract'

/** A listing query whose device id was checked where it entered main. */
export type StoreQuery = Omit<SnapshotQuery, 'deviceId'> & { deviceId?: DeviceId }


/** Validates a listing query's site id and limit; invalid-input error otherwise. */
export function checkQuery(query: StoreQuery): Result<StoreQuery> {
  if (typeof query !== 'object' || query === null) return fail(appError('invalid-input', 'That is not a snapshot query.'))
  const { deviceId, siteId, limit } = query
  if (siteId !== undefined && (typeof siteId !== 'string' || siteId.length > 200)) {
    return fail(appError('invalid-input', 'That is not a site id.'))
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    return fail(appError('invalid-input', 'The snapshot list limit must be a whole number of at least 1.'))
  }
  return ok({ deviceId, siteId, limit })
}
