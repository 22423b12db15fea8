/**
 * Runs every diagnostics rule over one device response and returns the findings in the order a
 * technician reads them: critical, warning, info; device-wide findings before connector ones, then
 * by connector id. Pure: the same device and `now` always give the same findings.
 */
import type { Device } from '../tellus/schemas'
import type { Finding, FindingSeverity } from './finding'
import type { DiagnosticContext, DiagnosticRule } from './rule-types'
import { chargingWithoutCurrentRule } from './rules/charging-current'
import { contactorWearRule } from './rules/contactor-wear'
import { coolingFanRule } from './rules/cooling-fan'
import { csmsSilenceRule } from './rules/csms-silence'
import { connectorFaultRule, connectorUnavailableRule, unknownConnectorStateRule } from './rules/connector-state'
import { unknownDeviceStatusRule } from './rules/device-status'
import { firmwareRule } from './rules/firmware'
import { deviceOfflineRule, heartbeatStaleRule, telemetryStaleRule } from './rules/freshness'
import { internalTemperatureRule } from './rules/internal-temperature'
import { isolationRule } from './rules/isolation'
import { powerConsistencyRule } from './rules/power-consistency'
import { readingRangeRule } from './rules/reading-range'
import { relayFaultRule } from './rules/relay-state'
import { secondBackendRule } from './rules/second-backend'
import { temperatureRule } from './rules/temperature'
import { v2gSocFloorRule } from './rules/v2g'
import { v2gInverterWearRule } from './rules/v2g-inverter'

/** Every rule, in the order their findings appear within the same severity and connector. */
export const DIAGNOSTIC_RULES: readonly DiagnosticRule[] = [
  deviceOfflineRule,
  unknownDeviceStatusRule,
  heartbeatStaleRule,
  connectorFaultRule,
  connectorUnavailableRule,
  temperatureRule,
  chargingWithoutCurrentRule,
  telemetryStaleRule,
  v2gSocFloorRule,
  powerConsistencyRule,
  readingRangeRule,
  unknownConnectorStateRule,
  firmwareRule,
  // Proposed extensions (component health, OCPP metadata): silent when a device reports none.
  relayFaultRule,
  isolationRule,
  contactorWearRule,
  coolingFanRule,
  internalTemperatureRule,
  v2gInverterWearRule,
  csmsSilenceRule,
  secondBackendRule,
]

const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = { critical: 0, warning: 1, info: 2 }

/** Orders findings by severity, then device-wide before connectors, then connector id (stable). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.connectorId ?? 0) - (b.connectorId ?? 0),
  )
}

/** All findings for a device at `context.now` (ms since the epoch), most severe first. */
export function diagnoseDevice(device: Device, context: DiagnosticContext): Finding[] {
  return sortFindings(DIAGNOSTIC_RULES.flatMap((rule) => rule(device, context)))
}
