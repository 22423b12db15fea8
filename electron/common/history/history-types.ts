/**
 * Charging history of one device: the charging records (`GET /v1/operator/charging-records`) of a
 * time range, as fetched, plus when and where from. Kept on disk so it opens offline; patterns
 * are computed when it is displayed, never stored.
 */
import type { AppError } from '../errors'
import type { ChargingRecord } from '../tellus/schemas'

/** The ranges a technician can choose, in days back from now. */
export const HISTORY_RANGE_DAYS = [7, 30, 90] as const
export type HistoryRangeDays = (typeof HISTORY_RANGE_DAYS)[number]
/** "Has this connector been failing for a week?": a month answers it at a glance. */
export const DEFAULT_HISTORY_RANGE_DAYS: HistoryRangeDays = 30
/** Records kept from one fetch at most (100 full pages); a longer history is cut, oldest dropped, and says so. */
export const MAX_HISTORY_RECORDS = 10_000

export const HISTORY_SCHEMA_VERSION = 1

export interface DeviceHistory {
  schemaVersion: number
  deviceId: string
  /** ISO 8601 UTC time the last page arrived. */
  fetchedAt: string
  /** The requested range, ISO 8601 UTC. */
  range: { start: string; end: string; days: number }
  profileId: string
  profileName: string
  baseUrl: string
  /** Newest first. */
  records: ChargingRecord[]
  /** True when the API had more records than `MAX_HISTORY_RECORDS`. */
  truncated: boolean
}

/**
 * A history fetch: live (with `storageError` when it could not be kept on disk), or the last
 * history kept on disk when the network let us down (with the error that caused the fallback).
 */
export type HistoryFetch =
  | { source: 'live'; history: DeviceHistory; pages: number; storageError?: AppError }
  | { source: 'offline'; history: DeviceHistory; error: AppError }
