/**
 * The charging history as it goes into an export (JSON and the report): the patterns computed at
 * export time, and every VIN shortened to its last characters, as the app shows it.
 */
import type { Finding } from '../diagnostics/finding'
import { parseTimestamp } from '../format/timestamp'
import type { DeviceHistory } from './history-types'
import { historyPatterns } from './session-patterns'
import { shortVin } from './session-wording'

export interface ExportedHistory extends DeviceHistory {
  patterns: Finding[]
}

/** The history ready for an export: VINs shortened, patterns as of the history's fetch. */
export function historyForExport(history: DeviceHistory, connectorIds?: readonly number[]): ExportedHistory {
  const records = history.records.map((record) =>
    record.vehicle_info?.vin ? { ...record, vehicle_info: { ...record.vehicle_info, vin: shortVin(record.vehicle_info.vin) } } : record,
  )
  const now = parseTimestamp(history.range.end) ?? parseTimestamp(history.fetchedAt) ?? 0
  return { ...history, records, patterns: historyPatterns({ records: history.records, now, rangeDays: history.range.days, connectorIds }) }
}
