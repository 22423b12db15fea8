/**
 * The device and connector fields a snapshot comparison or report shows, with their labels and
 * units (units as the Tellus API documents them). Shared by the comparison, the exports and the UI.
 */
import { CONNECTOR_READING_UNITS as UNITS, type ReadingUnit } from '@common/format/number'

/** A device-level field of `GET /v1/operator/devices/{device_id}` that is compared and reported. */
export interface DeviceFieldSpec {
  key: 'firmware_version' | 'status' | 'last_heartbeat' | 'model' | 'manufacturer' | 'sn' | 'site_id'
  label: string
}

/**
 * How far two readings may differ and still count as the same when snapshots are compared: meter
 * noise between two fetches is not a change. The larger of `absolute` and `relative` × the larger
 * magnitude applies; a difference at or above it is a change.
 */
export interface ReadingTolerance {
  absolute?: number
  /** A fraction, e.g. 0.02 for ±2 %. */
  relative?: number
  /** As shown to a technician, e.g. "±2 %". */
  text: string
}

/** A connector reading that is compared and reported; `unit` is null for text and times. */
export interface ConnectorReadingSpec {
  key: 'status' | 'power' | 'voltage' | 'current' | 'energy_delivered' | 'soc' | 'temperature' | 'last_telemetry_time'
  label: string
  unit: ReadingUnit | null
  /** True for ISO 8601 times, shown as dates rather than text. */
  isTime?: boolean
  /** Differences below it count as unchanged; absent: any difference is a change. */
  tolerance?: ReadingTolerance
}

export const DEVICE_FIELDS: readonly DeviceFieldSpec[] = [
  { key: 'firmware_version', label: 'Firmware' },
  { key: 'status', label: 'Status' },
  { key: 'last_heartbeat', label: 'Last heartbeat' },
  { key: 'model', label: 'Model' },
  { key: 'manufacturer', label: 'Manufacturer' },
  { key: 'sn', label: 'Serial number' },
  { key: 'site_id', label: 'Site' },
]

export const CONNECTOR_READINGS: readonly ConnectorReadingSpec[] = [
  { key: 'status', label: 'Status', unit: null },
  { key: 'power', label: 'Power', unit: UNITS.power, tolerance: { absolute: 0.2, text: '±0.2 kW' } },
  { key: 'voltage', label: 'Voltage', unit: UNITS.voltage, tolerance: { relative: 0.02, text: '±2 %' } },
  { key: 'current', label: 'Current', unit: UNITS.current, tolerance: { absolute: 0.5, text: '±0.5 A' } },
  { key: 'energy_delivered', label: 'Energy delivered', unit: UNITS.energy_delivered, tolerance: { absolute: 0.05, text: '±0.05 kWh' } },
  { key: 'soc', label: 'State of charge', unit: UNITS.soc },
  { key: 'temperature', label: 'Temperature', unit: UNITS.temperature, tolerance: { absolute: 1, text: '±1 °C' } },
  { key: 'last_telemetry_time', label: 'Last telemetry', unit: null, isTime: true },
]

/** True when two readings differ by less than the tolerance (at or above it is a change). */
export function isWithinTolerance(before: number, after: number, tolerance: ReadingTolerance): boolean {
  const allowed = Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.max(Math.abs(before), Math.abs(after)))
  return Math.round(Math.abs(after - before) * 1e6) / 1e6 < allowed
}

/** Every reading tolerance in words, e.g. "power ±0.2 kW, voltage ±2 %, …", for the compare view and reports. */
export function describeTolerances(): string {
  return CONNECTOR_READINGS.flatMap((spec) => (spec.tolerance ? [`${spec.label.toLowerCase()} ${spec.tolerance.text}`] : [])).join(', ')
}
