/**
 * The device and connector fields a snapshot comparison or report shows, with their labels and
 * units (units as the Tellus API documents them). Shared by the comparison, the exports and the UI.
 */

/** A device-level field of `GET /v1/operator/devices/{device_id}` that is compared and reported. */
export interface DeviceFieldSpec {
  key: 'firmware_version' | 'status' | 'last_heartbeat' | 'model' | 'manufacturer' | 'sn' | 'site_id'
  label: string
}

/** A connector reading that is compared and reported; `unit` is null for text and times. */
export interface ConnectorReadingSpec {
  key: 'status' | 'power' | 'voltage' | 'current' | 'energy_delivered' | 'soc' | 'temperature' | 'last_telemetry_time'
  label: string
  unit: 'kW' | 'V' | 'A' | 'kWh' | '%' | '°C' | null
  /** True for ISO 8601 times, shown as dates rather than text. */
  isTime?: boolean
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
  { key: 'power', label: 'Power', unit: 'kW' },
  { key: 'voltage', label: 'Voltage', unit: 'V' },
  { key: 'current', label: 'Current', unit: 'A' },
  { key: 'energy_delivered', label: 'Energy delivered', unit: 'kWh' },
  { key: 'soc', label: 'State of charge', unit: '%' },
  { key: 'temperature', label: 'Temperature', unit: '°C' },
  { key: 'last_telemetry_time', label: 'Last telemetry', unit: null, isTime: true },
]
