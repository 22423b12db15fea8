/**
 * Searches the operator's charging records of the last days (no device named) for the chargers
 * they mention: full pages of 100 through the API client (so within its pacing), at most
 * `MAX_RECORD_SEARCH_PAGES` of them; each charger found gets its site and model from its newest
 * snapshot on this laptop when there is one.
 */
import { DeviceIdSchema, type DeviceId } from '@common/devices/device-id'
import { ok, type Result } from '@common/errors'
import type { Snapshot } from '@common/snapshot-types'
import { readDevice } from '@common/snapshots/compare-snapshots'
import type { ChargingRecord } from '@common/tellus/schemas'
import { MAX_CHARGING_RECORD_PAGE_SIZE } from '@common/tellus/charging-record-query'
import { MAX_RECORD_SEARCH_PAGES, type RecordDevice, type RecordDeviceSearch, type RecordSearchDays } from '@common/visits/charging-record-devices'
import type { HistorySource } from '../history/history-service'

/** The minimum of a charging record this needs. */
interface RecordLike {
  device_id: string
  start_time: string
}

/** The distinct chargers of `records`, each with its session count and newest session, newest first. */
export function devicesInRecords(records: readonly RecordLike[]): { devices: Array<Omit<RecordDevice, 'siteId' | 'model'>>; badIds: number } {
  const found = new Map<DeviceId, { sessions: number; lastSessionAt: string; lastMs: number }>()
  let badIds = 0
  for (const record of records) {
    const id = DeviceIdSchema.safeParse(record.device_id)
    if (!id.success) {
      badIds += 1
      continue
    }
    const startedMs = Date.parse(record.start_time)
    const ms = Number.isNaN(startedMs) ? -Infinity : startedMs
    const seen = found.get(id.data)
    if (!seen) found.set(id.data, { sessions: 1, lastSessionAt: record.start_time, lastMs: ms })
    else {
      seen.sessions += 1
      if (ms > seen.lastMs) Object.assign(seen, { lastSessionAt: record.start_time, lastMs: ms })
    }
  }
  const devices = [...found.entries()]
    .sort(([a, x], [b, y]) => y.lastMs - x.lastMs || a.localeCompare(b))
    .map(([deviceId, { sessions, lastSessionAt }]) => ({ deviceId, sessions, lastSessionAt }))
  return { devices, badIds }
}

const DAY_MS = 86_400_000

/** What a search needs: the client's records endpoint, the newest snapshot of a charger, the clock. */
export interface RecordDeviceSearchDeps {
  source: HistorySource
  latestSnapshot: (deviceId: DeviceId) => Promise<Result<Snapshot | null>>
  now: () => number
  signal?: AbortSignal
}

/** The chargers in the charging records of the last `days`; see the file comment. */
export async function searchRecordDevices(days: RecordSearchDays, deps: RecordDeviceSearchDeps): Promise<Result<RecordDeviceSearch>> {
  const end = deps.now()
  const range = { startTime: new Date(end - days * DAY_MS).toISOString(), endTime: new Date(end).toISOString() }
  const records: ChargingRecord[] = []
  let total = 0
  let pages = 0
  for (let page = 1; page <= MAX_RECORD_SEARCH_PAGES; page++) {
    const result = await deps.source.listChargingRecords({ page, size: MAX_CHARGING_RECORD_PAGE_SIZE, ...range }, { signal: deps.signal })
    if (!result.ok) return result
    const { items, size, total: reported } = result.value
    records.push(...items)
    total = Math.max(reported, records.length)
    pages = page
    if (items.length === 0 || page * size >= reported) break
  }
  const { devices, badIds } = devicesInRecords(records)
  const described = []
  for (const device of devices) {
    const latest = await deps.latestSnapshot(device.deviceId)
    const read = latest.ok && latest.value ? readDevice(latest.value.data) : null
    const charger = read?.ok ? read.device : null
    described.push({ ...device, siteId: charger?.site_id ?? null, model: charger?.model ?? null })
  }
  return ok({
    days,
    devices: described,
    recordsRead: records.length,
    recordsTotal: total,
    pages,
    truncated: records.length < total,
    badIds,
    searchedAt: new Date(deps.now()).toISOString(),
  })
}
