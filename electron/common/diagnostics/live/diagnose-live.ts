/**
 * Findings while a device is watched live: the rules whose inputs frames carry (state, power,
 * energy, state of charge, telemetry time) are re-run on the device with the latest frame laid
 * over it, plus the live-only session rules; findings that need readings frames lack (voltage,
 * current, temperature, firmware, heartbeat) keep their verdict from the last fetch, unless they
 * were about a connector state that no longer holds.
 */
import type { ConnectorStates } from '../../live/connector-states'
import type { Device, TelemetryFrame } from '../../tellus/schemas'
import { diagnoseDevice, sortFindings } from '../diagnose-device'
import type { Finding } from '../finding'
import { liveSessionFindings } from '../rules/live-session'

/** Rules re-evaluated on every frame (their inputs are all in the frame). */
export const FRAME_RULE_IDS: ReadonlySet<string> = new Set([
  'connector-fault',
  'connector-state-unknown',
  'connector-unavailable',
  'v2g-soc-below-floor',
  'power-sign-unexpected',
  'telemetry-stale',
])

/** Fetched findings that describe a connector state: dropped once the connector left that state. */
const STATE_BOUND_RULE_IDS: ReadonlySet<string> = new Set(['charging-without-current', 'power-mismatch'])

/** The device with the frame's values laid over its connectors (connectors only in the frame are added). */
export function liveDevice(device: Device, frame: TelemetryFrame): Device {
  const byId = new Map(frame.connectors.map((connector) => [connector.connector_id, connector]))
  const overlay = (connectorId: number) => {
    const live = byId.get(connectorId)
    if (!live) return {}
    byId.delete(connectorId)
    return { status: live.state, power: live.power, energy_delivered: live.energy_delivered, soc: live.soc, last_telemetry_time: frame.timestamp }
  }
  const connectors = (device.connectors ?? []).map((connector) => ({ ...connector, ...overlay(connector.connector_id) }))
  for (const live of byId.values()) {
    connectors.push({ connector_id: live.connector_id, status: live.state, power: live.power, energy_delivered: live.energy_delivered, soc: live.soc, last_telemetry_time: frame.timestamp })
  }
  return { ...device, connectors }
}

/** Findings of a watched device at `now`; `fetched` are the findings of the last fetch. */
export function diagnoseLive(device: Device, frame: TelemetryFrame, context: { now: number; states: ConnectorStates; fetched: readonly Finding[] }): Finding[] {
  const live = liveDevice(device, frame)
  const fetchedState = new Map((device.connectors ?? []).map((connector) => [connector.connector_id, connector.status]))
  const liveState = new Map((live.connectors ?? []).map((connector) => [connector.connector_id, connector.status]))
  const kept = context.fetched.filter((finding) => {
    if (FRAME_RULE_IDS.has(finding.ruleId)) return false
    if (finding.connectorId === undefined || !STATE_BOUND_RULE_IDS.has(finding.ruleId)) return true
    return fetchedState.get(finding.connectorId) === liveState.get(finding.connectorId)
  })
  const rerun = diagnoseDevice(live, { now: context.now }).filter((finding) => FRAME_RULE_IDS.has(finding.ruleId))
  return sortFindings([...kept, ...rerun, ...liveSessionFindings(live, context)])
}
