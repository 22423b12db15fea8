/**
 * Findings only the live stream can make, because they depend on how long a connector has been in
 * a state: charging or discharging with no power flowing past the ramp-up, and preparing for
 * longer than a few minutes. Pure functions of the live device and the states' ages.
 */
import type { ConnectorStates } from '../../live/connector-states'
import type { Device } from '../../tellus/schemas'
import { formatDuration } from '../../format/duration'
import { formatReading } from '../../format/number'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf, reading } from '../readings'
import { faultReference, runbookReference } from '../references'
import { FULL_SOC_PERCENT, NO_POWER_KW, POWER_RAMP_GRACE_MS, PREPARING_STUCK_MS } from '../thresholds'

/** What the live rules need besides the device. */
export interface LiveContext {
  now: number
  states: ConnectorStates
}

function ageText(states: ConnectorStates, connectorId: number, now: number): string {
  const state = states[connectorId]
  if (!state) return ''
  return `${state.sinceKnown ? 'for' : 'for at least'} ${formatDuration(now - state.since)}`
}

function heldFor(states: ConnectorStates, connectorId: number, state: string, now: number): number {
  const seen = states[connectorId]
  return seen?.state === state ? now - seen.since : 0
}

/** The live-only findings of a device whose connectors carry frame values. */
export function liveSessionFindings(device: Device, { now, states }: LiveContext): Finding[] {
  return connectorsOf(device).flatMap((connector): Finding[] => {
    const id = connector.connector_id
    const label = connectorLabel(connector)
    const power = reading(connector.power)
    if (connector.status === 'preparing' && heldFor(states, id, 'preparing', now) > PREPARING_STUCK_MS) {
      return [
        {
          ruleId: 'preparing-too-long',
          severity: 'warning',
          connectorId: id,
          message: `${label} has been preparing ${ageText(states, id, now)} without starting to charge.`,
          action: 'Follow "Connector stuck in Preparing": check the vehicle handshake and authorisation, then remote stop and start.',
          reference: runbookReference('connector-stuck-preparing'),
        },
      ]
    }
    if (power === undefined || Math.abs(power) >= NO_POWER_KW) return []
    if (connector.status === 'charging' && heldFor(states, id, 'charging', now) > POWER_RAMP_GRACE_MS) {
      const soc = reading(connector.soc)
      if (soc !== undefined && soc >= FULL_SOC_PERCENT) return []
      return [
        {
          ruleId: 'charging-without-power',
          severity: 'warning',
          connectorId: id,
          message: `${label} has been charging ${ageText(states, id, now)} but delivers ${formatReading(power, 'kW')}.`,
          action: 'The contactor may not have closed (F-0421): check the firmware version first, then the contactor coil supply during a start.',
          reference: faultReference('F-0421'),
        },
      ]
    }
    if (connector.status === 'discharging' && heldFor(states, id, 'discharging', now) > POWER_RAMP_GRACE_MS) {
      return [
        {
          ruleId: 'discharge-without-power',
          severity: 'warning',
          connectorId: id,
          message: `${label} has been discharging ${ageText(states, id, now)} but no power flows (${formatReading(power, 'kW')}).`,
          action: 'Follow "V2G discharge accepted but no power flow": check the vehicle state of charge, inverter sync (F-0701) and ISO 15118-20 support.',
          reference: runbookReference('v2g-discharge-no-power-flow'),
        },
      ]
    }
    return []
  })
}
