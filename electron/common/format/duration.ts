/** Human durations and ages in the app's style: "47 s ago", "5 min ago", "2 h 14 min ago", "3 d 4 h ago". */
import { MISSING } from './number'
import { parseTimestamp } from './timestamp'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Joins a large and a small unit, dropping the small one when it is zero ("2 h", "2 h 14 min"). */
function twoUnits(large: number, largeUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${large} ${largeUnit}` : `${large} ${largeUnit} ${small} ${smallUnit}`
}

/**
 * A duration as its two largest units, rounded down: "47 s", "5 min 3 s", "2 h 14 min", "3 d 4 h".
 * The sign is ignored; a non-finite value gives "—".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING
  const abs = Math.abs(ms)
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`
  if (abs < HOUR) return twoUnits(Math.floor(abs / MINUTE), 'min', Math.floor((abs % MINUTE) / SECOND), 's')
  if (abs < DAY) return twoUnits(Math.floor(abs / HOUR), 'h', Math.floor((abs % HOUR) / MINUTE), 'min')
  return twoUnits(Math.floor(abs / DAY), 'd', Math.floor((abs % DAY) / HOUR), 'h')
}

/**
 * An age as its largest useful units, rounded down: seconds only under a minute ("47 s"), whole
 * minutes up to an hour ("5 min", not "5 min 3 s": nobody needs the seconds of a 5-minute-old
 * reading), then as `formatDuration` ("2 h 14 min", "3 d 4 h"). The sign is ignored.
 */
function ageUnits(abs: number): string {
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`
  return formatDuration(abs)
}

/**
 * An age (now minus then, in ms) as "47 s ago", "5 min ago", "2 h 14 min ago". Under one second
 * either way is "just now"; a negative age (the other clock is ahead) reads "12 s in the future"
 * so clock skew is visible.
 */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING
  const abs = Math.abs(ms)
  if (abs < SECOND) return 'just now'
  return ms > 0 ? `${ageUnits(abs)} ago` : `${ageUnits(abs)} in the future`
}

/**
 * How long (ms) the text `formatAge` gives for `ms` stays the same: until the next second under a
 * minute, the next minute from one minute, the next hour from one day. An age in the future
 * (clock skew) is checked again within a second; a non-finite one never changes.
 */
export function msUntilAgeChanges(ms: number): number {
  if (!Number.isFinite(ms)) return Number.POSITIVE_INFINITY
  if (ms < 0) return SECOND
  const step = ms < MINUTE ? SECOND : ms < DAY ? MINUTE : HOUR
  return step - (ms % step)
}

/** The age of a timestamp (ISO string or ms) at `now`, formatted by `formatAge`; "—" when missing. */
export function formatAgeSince(timestamp: string | number | null | undefined, now: number): string {
  const then = parseTimestamp(timestamp)
  return then === undefined ? MISSING : formatAge(now - then)
}
