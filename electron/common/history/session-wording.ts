/** How one charging session is worded, in the app and in its reports: cost, vehicle, duration, SoC. */
import { formatDuration } from '../format/duration'
import { formatNumber, MISSING } from '../format/number'
import { sessionDurationMs } from './session-patterns'
import type { ChargingRecord } from '../tellus/schemas'

/** Characters of a VIN shown: enough to match a vehicle on site, not enough to identify its owner. */
export const VIN_SHOWN_CHARACTERS = 6

/** The VIN as "…" + its last 6 characters; "—" when missing. */
export function shortVin(vin: string | null | undefined): string {
  if (!vin) return MISSING
  return vin.length <= VIN_SHOWN_CHARACTERS ? vin : `…${vin.slice(-VIN_SHOWN_CHARACTERS)}`
}

/** The cost in the API's currency units; negative is V2G revenue and says so. */
export function formatCost(cost: number | null | undefined): string {
  if (cost === null || cost === undefined || !Number.isFinite(cost)) return MISSING
  return cost < 0 ? `${formatNumber(-cost, 2)} revenue (V2G)` : formatNumber(cost, 2)
}

/** The session's duration, "running" when it has no end yet. */
export function formatSessionDuration(record: ChargingRecord): string {
  const ms = sessionDurationMs(record)
  if (ms === null) return record.end_time ? MISSING : 'running'
  return formatDuration(ms)
}

/** "18 % → 64 %", or "—" when the vehicle did not report it. */
export function formatSocChange(record: ChargingRecord): string {
  const start = record.vehicle_info?.soc_start
  const end = record.vehicle_info?.soc_end
  if (typeof start !== 'number' && typeof end !== 'number') return MISSING
  return `${formatNumber(start ?? null, 0)} % → ${formatNumber(end ?? null, 0)} %`
}
