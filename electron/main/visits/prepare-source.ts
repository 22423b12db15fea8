/**
 * The source a preparation run fetches with: the active profile's API client, each response kept
 * as a snapshot exactly like a lookup's, and each charging history kept like the history view's.
 * A fetch whose result cannot be saved is a failure for the run (the charger would not be ready
 * offline), reported with the storage error.
 */
import { DEFAULT_HISTORY_RANGE_DAYS } from '@common/history/history-types'
import { ok, type Result } from '@common/errors'
import type { DeviceSource, SnapshotSink } from '../devices/device-service'
import type { HistoryService, HistorySource } from '../history/history-service'
import type { ActiveProfile } from '../services/client-registry'
import type { PrepareSource } from './prepare-scheduler'

/** Binds a run to one profile and its client. */
export function createPrepareSource(options: {
  profile: ActiveProfile
  client: DeviceSource & HistorySource
  snapshots: Pick<SnapshotSink, 'save'>
  history: Pick<HistoryService, 'prepareHistory'>
  readSlots: (count: number) => number[]
}): PrepareSource {
  const { profile, client, snapshots, history } = options
  return {
    readSlots: options.readSlots,
    prepareDevice: async (deviceId, signal): Promise<Result<{ snapshotId: string; fetchedAt: string }>> => {
      const response = await client.getDevice(deviceId, { signal })
      if (!response.ok) return response
      const saved = await snapshots.save({
        deviceId,
        fetchedAt: response.value.receivedAt,
        profileId: profile.id,
        profileName: profile.name,
        baseUrl: profile.baseUrl,
        data: response.value.raw,
      })
      return saved.ok ? ok({ snapshotId: saved.value.id, fetchedAt: saved.value.fetchedAt }) : saved
    },
    prepareHistory: (deviceId, signal) => history.prepareHistory(profile, client, deviceId, DEFAULT_HISTORY_RANGE_DAYS, signal),
  }
}
