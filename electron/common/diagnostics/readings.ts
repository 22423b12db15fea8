/** Small helpers the rules share for reading a device response that may lack most fields. */
import type { Connector, Device } from '../tellus/schemas'
import type { PlausibleRange } from './thresholds'

/** The device's connectors; an empty list when the response has none. */
export function connectorsOf(device: Device): Connector[] {
  return device.connectors ?? []
}

/** "Connector 2", as technicians name them (ids are 1-based). */
export function connectorLabel(connector: Connector): string {
  return `Connector ${connector.connector_id}`
}

/** The value when it is a real reading (a finite number); undefined for null, undefined or NaN. */
export function reading(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** True when a value lies inside an inclusive range. */
export function inRange(value: number, range: PlausibleRange): boolean {
  return value >= range.min && value <= range.max
}

/** The connector's reading when it is present and plausible; undefined otherwise. */
export function plausibleReading(value: number | null | undefined, range: PlausibleRange): number | undefined {
  const v = reading(value)
  return v !== undefined && inRange(v, range) ? v : undefined
}
