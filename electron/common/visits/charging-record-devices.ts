/**
 * The chargers named in the operator's recent charging records: the one endpoint that lists
 * devices without being told them first, so a work list can be filled from "who charged lately".
 * The ids are checked by the one device-id rule, counted once each, newest session first (in
 * main: `devicesInRecords`); this module holds no schema, so the renderer's store can import it.
 */
import type { DeviceId } from '../devices/device-id'

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
