/**
 * The chargers named in the operator's recent charging records: the one endpoint that lists
 * devices without being told them first, so a work list can be filled from "who charged lately".
 * The ids are checked by the one device-id rule, counted once each, newest session first.
 */
import { DeviceIdSchema, type DeviceId } from '../devices/device-id'

/** How far back a search of the charging records may look, in days. */
export const RECORD_SEARCH_DAYS = [1, 7, 30] as const
export type RecordSearchDays = (typeof RECORD_SEARCH_DAYS)[number]
export const DEFAULT_RECORD_SEARCH_DAYS: RecordSearchDays = 7
/** Pages of 100 records one search reads at most (each is one read of the 60 a minute). */
export const MAX_RECORD_SEARCH_PAGES = 5

/** One charger found in the charging records. */
export interface RecordDevice {
  deviceId: DeviceId
  /** Charging sessions of this charger among the records read. */
  sessions: number
  /** Start of its newest session (ISO 8601). */
  lastSessionAt: string
  /** From its newest snapshot on this laptop, when there is one. */
  siteId: string | null
  model: string | null
}

/** What a search of the charging records found. */
export interface RecordDeviceSearch {
  days: RecordSearchDays
  /** Newest session first. */
  devices: RecordDevice[]
  /** Records read, and how many the API holds for the range (more than read when `truncated`). */
  recordsRead: number
  recordsTotal: number
  pages: number
  truncated: boolean
  /** Records whose device_id is not a device id (left out). */
  badIds: number
  /** When the search ran (ISO 8601). */
  searchedAt: string
}

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
