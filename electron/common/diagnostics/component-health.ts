/**
 * Where a device reports component health (proposed extension, item 1): on the device as a whole
 * (the cabinet) and on each connector. Rules judge each report on its own and name where it came from.
 */
import type { ComponentHealth } from '../tellus/device-extensions'
import type { Device } from '../tellus/schemas'
import type { ChargerKind } from './charger-kind'
import { CONTACTOR_LIFE_CYCLES } from './component-thresholds'
import { connectorLabel, connectorsOf } from './readings'

/** One component health report and where it came from. */
export interface HealthReport {
  health: ComponentHealth
  /** The connector it belongs to; undefined for the device-level (cabinet) report. */
  connectorId?: number
  /** "The charger" or "Connector 2", to start a sentence. */
  label: string
}

/** Every component health report of a device: the device-level one first, then by connector. */
export function healthReports(device: Device): HealthReport[] {
  const reports: HealthReport[] = []
  if (device.component_health) reports.push({ health: device.component_health, label: 'The charger' })
  for (const connector of connectorsOf(device)) {
    if (connector.component_health) {
      reports.push({ health: connector.component_health, connectorId: connector.connector_id, label: connectorLabel(connector) })
    }
  }
  return reports
}

/** True when the device carries any proposed extension (component health anywhere, OCPP or extended metadata). */
export function hasExtensions(device: Device): boolean {
  return (
    healthReports(device).length > 0 ||
    device.ocpp_version != null ||
    device.ocpp_csms_messages_per_minute != null ||
    device.ocpp_csms_last_message_at != null ||
    device.ocpp_negotiated_features != null ||
    device.product != null ||
    device.connectivity != null ||
    device.lifecycle != null
  )
}

/** The rated contactor cycles: the reported maximum, else the F-0101 default for the kind (AC for unknown). */
export function contactorMaxCycles(health: ComponentHealth, kind: ChargerKind): { max: number; reported: boolean } {
  const reported = health.contactor_max_cycles
  if (typeof reported === 'number' && reported > 0) return { max: reported, reported: true }
  return { max: kind === 'DC' ? CONTACTOR_LIFE_CYCLES.DC : CONTACTOR_LIFE_CYCLES.AC, reported: false }
}
