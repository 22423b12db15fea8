/** Parsing and display of API date-times (ISO 8601 / RFC 3339) as unambiguous local times. */
import { MISSING } from './number'

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/

/**
 * Milliseconds since the epoch for an ISO 8601 date-time, or for a number already in ms.
 * Returns undefined for missing or unparseable input (never 0, never NaN).
 */
export function parseTimestamp(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value.trim())) return undefined
  const ms = Date.parse(value.trim())
  return Number.isNaN(ms) ? undefined : ms
}

/** Options for `formatTimestamp`. */
export interface TimestampFormatOptions {
  /** Append the local UTC offset, e.g. " UTC+01:00" (" UTC" when the offset is zero). */
  offset?: boolean
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The local UTC offset of a moment as "UTC+01:00", "UTC-03:30" or "UTC". */
export function formatUtcOffset(ms: number): string {
  const minutesEast = -new Date(ms).getTimezoneOffset()
  if (minutesEast === 0) return 'UTC'
  const sign = minutesEast > 0 ? '+' : '-'
  const abs = Math.abs(minutesEast)
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * Local time as "2026-11-23 14:05:09" (24 h, year first, so it cannot be misread), optionally
 * followed by the UTC offset. Missing input gives "—"; input that is not a date-time is returned
 * as it is, so a strange value stays visible rather than disappearing.
 */
export function formatTimestamp(value: string | number | null | undefined, options: TimestampFormatOptions = {}): string {
  if (value === null || value === undefined || value === '') return MISSING
  const ms = parseTimestamp(value)
  if (ms === undefined) return String(value)
  const d = new Date(ms)
  const text =
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  return options.offset ? `${text} ${formatUtcOffset(ms)}` : text
}

/** The local time of day of a moment (epoch ms) as "14:05:09", for a moment minutes away at most. */
export function formatClockTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/**
 * A time as exported reports show it: local time with its zone and UTC beside it,
 * "2025-03-15 12:00:00 UTC+01:00 (2025-03-15 11:00:00 UTC)"; once, "… UTC", where local time is UTC.
 * The one formatter of every exporter (HTML report, JSON export, recordings). Text that is not a
 * time is returned as it came; missing input gives "—".
 */
export function formatExportTime(value: string | number | null | undefined): string {
  const ms = parseTimestamp(value)
  if (ms === undefined) return formatTimestamp(value)
  const utc = `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
  const local = formatTimestamp(ms, { offset: true })
  return local === utc ? utc : `${local} (${utc})`
}
