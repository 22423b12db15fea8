/** ISO 8601 UTC timestamps as the API writes them: whole seconds, `Z` suffix. */

/** Formats ms since the epoch as e.g. '2025-03-15T11:00:00Z' (floored to the second). */
export function toIsoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** Parses an ISO 8601 date-time with an explicit zone; undefined when it is not one (or names no real day). */
export function parseIsoDateTime(text: string): number | undefined {
  if (!ISO_DATE_TIME.test(text)) return undefined
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}

/** The latest tick `phase + k * period` at or before `at`. */
export function lastTick(at: number, period: number, phase: number): number {
  return Math.floor((at - phase) / period) * period + phase
}
