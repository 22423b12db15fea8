/**
 * Daily energy per connector over a history range, for the history chart. Days are the
 * technician's local calendar days (the app shows local time with its zone), oldest first, with
 * empty days present so gaps are visible. V2G discharge (negative energy) is kept apart.
 */
import type { ChargingRecord } from '../tellus/schemas'
import { parseTimestamp } from '../format/timestamp'

export interface DailyEnergy {
  /** Local midnight of each day, in ms, oldest first. */
  days: number[]
  /** Per connector, kWh charged per day (same length as `days`). */
  charged: { connectorId: number; kwh: number[] }[]
  /** kWh discharged per day over all connectors (V2G), as a positive number; all zero on most units. */
  discharged: number[]
}

function localMidnight(ms: number): number {
  const date = new Date(ms)
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}

function nextLocalDay(midnight: number): number {
  const date = new Date(midnight)
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime()
}

/** Buckets the records' energy by the local day their session started, from `startMs` to `endMs`. */
export function energyPerDay(records: readonly ChargingRecord[], startMs: number, endMs: number): DailyEnergy {
  const days: number[] = []
  for (let day = localMidnight(startMs); day <= endMs && days.length < 400; day = nextLocalDay(day)) days.push(day)
  const index = new Map(days.map((day, i) => [day, i]))
  const connectorIds = [...new Set(records.map((r) => r.connector_id))].sort((a, b) => a - b)
  const charged = connectorIds.map((connectorId) => ({ connectorId, kwh: days.map(() => 0) }))
  const byConnector = new Map(charged.map((series) => [series.connectorId, series.kwh]))
  const discharged = days.map(() => 0)
  for (const record of records) {
    const start = parseTimestamp(record.start_time)
    if (start === undefined) continue
    const i = index.get(localMidnight(start))
    if (i === undefined) continue
    if (record.energy < 0) discharged[i] = (discharged[i] ?? 0) - record.energy
    else {
      const series = byConnector.get(record.connector_id)
      if (series) series[i] = (series[i] ?? 0) + record.energy
    }
  }
  return { days, charged, discharged }
}
