import { SiteLabel } from '@renderer/components/site-label'
import { StatusBadge } from '@renderer/components/status-badge'
import { formatDuration } from '@common/format/duration'
import { formatNumber, formatReading, MISSING, UNIT_DIGITS, type ReadingUnit } from '@common/format/number'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { formatExtensionValue } from '@common/format/extension-value'
import type { ExtensionUnit } from '@common/tellus/extension-fields'
import type { ComparedValue, ValueChange } from '@common/snapshots/compare-snapshots'

const TIME_FIELDS = new Set(['last_heartbeat', 'last_telemetry_time'])
const isTimeField = (change: ValueChange): boolean => TIME_FIELDS.has(change.field) || change.isTime === true

function readingUnit(unit: string | null): ReadingUnit | null {
  return unit !== null && Object.hasOwn(UNIT_DIGITS, unit) ? (unit as ReadingUnit) : null
}

/** A time field with how long before the fetch it was ("12 s before the fetch"). */
function TimeValue({ value, fetchedAt }: { value: string; fetchedAt: string }) {
  const at = parseTimestamp(value)
  const fetched = parseTimestamp(fetchedAt)
  const before = at !== undefined && fetched !== undefined ? fetched - at : undefined
  return (
    <>
      <span className="compare-time">{formatTimestamp(value)}</span>
      {before !== undefined ? (
        <span className="compare-note">{before >= 0 ? `${formatDuration(before)} before the fetch` : `${formatDuration(before)} after the fetch`}</span>
      ) : null}
    </>
  )
}

/**
 * One side of a compared field: statuses as badges, a site by its name where known, readings with units, times as local times
 * with their age at fetch time; a missing value as "—" (never 0).
 */
export function ComparedValueView({ change, value, fetchedAt, scope }: { change: ValueChange; value: ComparedValue; fetchedAt: string; scope: 'device' | 'connector' }) {
  if (value === null) return <span className="compare-missing">{MISSING}</span>
  if (change.field === 'status' && typeof value === 'string') return <StatusBadge kind={scope} value={value} />
  if (change.field === 'site_id' && typeof value === 'string') return <SiteLabel siteId={value} />
  if (isTimeField(change) && typeof value === 'string') return <TimeValue value={value} fetchedAt={fetchedAt} />
  const unit = readingUnit(change.unit)
  if (unit !== null && typeof value === 'number') return <span className="compare-reading">{formatReading(value, unit)}</span>
  // Extension values (cycles, RPM, kΩ, dBm…) keep their unit too.
  if (change.unit !== null && typeof value === 'number') return <span className="compare-reading">{formatExtensionValue(value, change.unit as ExtensionUnit)}</span>
  return <span>{String(value)}</span>
}

/** A magnitude with its unit, with two more decimals when the usual ones would round it to zero. */
function formatMagnitude(magnitude: number, unit: ReadingUnit | null): string {
  const digits = unit !== null ? UNIT_DIGITS[unit] : 2
  const usual = formatNumber(magnitude, digits)
  const text = Number(usual) === 0 && magnitude !== 0 ? formatNumber(magnitude, digits + 2) : usual
  return unit !== null ? `${text} ${unit}` : text
}

function signedDelta(delta: number, unit: string | null): string {
  const sign = delta > 0 ? '+' : '−'
  const reading = readingUnit(unit)
  // Extension units (cycles, RPM, kΩ, dBm…) are formatted like their values.
  if (reading === null && unit !== null) return `${sign}${formatExtensionValue(Math.abs(delta), unit as ExtensionUnit)}`
  return `${sign}${formatMagnitude(Math.abs(delta), reading)}`
}

/**
 * The change column: a signed delta with its unit ("+2.3 °C"), how much later a time is,
 * "Appeared"/"Gone" when one side is missing, "Changed" for text, "Same" otherwise, and
 * "Same (+1 V is within ±2 %)" for a difference smaller than the reading's tolerance.
 */
export function describeChange(change: ValueChange): string {
  if (change.withinTolerance && change.delta !== null) return `Same (${signedDelta(change.delta, change.unit)} is within ${change.tolerance ?? ''})`
  if (!change.changed) return 'Same'
  if (change.before === null) return 'Appeared'
  if (change.after === null) return 'Gone'
  if (change.delta !== null) return signedDelta(change.delta, change.unit)
  if (isTimeField(change)) {
    const before = parseTimestamp(typeof change.before === 'string' ? change.before : undefined)
    const after = parseTimestamp(typeof change.after === 'string' ? change.after : undefined)
    if (before !== undefined && after !== undefined) return `${formatDuration(after - before)} ${after >= before ? 'later' : 'earlier'}`
  }
  return 'Changed'
}
