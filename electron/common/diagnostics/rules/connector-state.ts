/**
 * Connector states: a connector in `fault` is critical; an `unavailable` connector on an online
 * charger is a warning (it cannot charge, and nothing else says why); a state the API v1.3 does not document
 * (`preparing` and anything else) is reported as received, with the Preparing runbook where it fits.
 */
import { KNOWN_CONNECTOR_STATES, type Connector, type Device } from '@common/tellus/schemas'
import { chargerKind, temperatureWarningC } from '../charger-kind'
import { findFault } from '../fault-dictionary'
import type { Finding, FindingReference } from '../finding'
import { connectorLabel, connectorsOf, reading } from '../readings'
import { faultReference, runbookReference } from '../references'
import type { DiagnosticRule } from '../rule-types'

/**
 * The best reference for a faulted connector: a fault code the connector itself carries (an
 * undocumented `fault_code` field), else F-0203 when it is over its temperature level, else the
 * power-up runbook for DC chargers, else none.
 */
function faultedConnectorReference(device: Device, connector: Connector): FindingReference | undefined {
  const code = connector['fault_code']
  const fault = typeof code === 'string' ? findFault(code) : undefined
  if (fault) return faultReference(fault.code)
  const kind = chargerKind(device.model)
  const temperature = reading(connector.temperature)
  if (temperature !== undefined && temperature > temperatureWarningC(kind)) return faultReference('F-0203')
  return kind === 'DC' ? runbookReference('charger-faulting-on-power-up') : undefined
}

/** Flags every connector whose status is `fault`. */
export const connectorFaultRule: DiagnosticRule = (device) =>
  connectorsOf(device)
    .filter((connector) => connector.status === 'fault')
    .map((connector): Finding => {
      const reference = faultedConnectorReference(device, connector)
      const named = reference?.kind === 'fault' && reference.id !== 'F-0203' ? ` ${reference.id} (${reference.title})` : ''
      return {
        ruleId: 'connector-fault',
        severity: 'critical',
        connectorId: connector.connector_id,
        message: `${connectorLabel(connector)} reports a fault${named} and cannot charge.`,
        action: named
          ? 'Follow the on-site checks of the fault dictionary entry.'
          : 'Read the fault code on the charger display or in the operator console (the API has no fault history) and look it up in the fault dictionary.',
        ...(reference ? { reference } : {}),
      }
    })

/** Flags every `unavailable` connector of an online charger (offline is its own finding). */
export const connectorUnavailableRule: DiagnosticRule = (device) =>
  device.status !== 'online'
    ? []
    : connectorsOf(device)
        .filter((connector) => connector.status === 'unavailable')
        .map(
          (connector): Finding => ({
            ruleId: 'connector-unavailable',
            severity: 'warning',
            connectorId: connector.connector_id,
            message: `${connectorLabel(connector)} is unavailable while the charger is online, so it cannot charge.`,
            action:
              'Check in the operator console whether it was taken out of service on purpose (maintenance, reservation); if not, check the cable, the connector and the charger display for a fault.',
          }),
        )

const isKnownState = (status: string): boolean => (KNOWN_CONNECTOR_STATES as readonly string[]).includes(status)

/** Flags connector states the API does not document, e.g. `preparing`. */
export const unknownConnectorStateRule: DiagnosticRule = (device) =>
  connectorsOf(device)
    .filter((connector) => !isKnownState(connector.status))
    .map((connector): Finding => {
      const label = connectorLabel(connector)
      if (connector.status.toLowerCase() === 'preparing') {
        return {
          ruleId: 'connector-state-unknown',
          severity: 'info',
          connectorId: connector.connector_id,
          message: `${label} is in "preparing" (waiting for the vehicle or authorisation), a state the Tellus API v1.3 does not list.`,
          action: 'If it stays in preparing for more than a few minutes, follow the "Connector stuck in Preparing" runbook.',
          reference: runbookReference('connector-stuck-preparing'),
        }
      }
      return {
        ruleId: 'connector-state-unknown',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${label} reports the state "${connector.status}", which the Tellus API v1.3 does not list.`,
        action: 'Check the connector state on the charger display; report the state to Tellus support if it persists.',
      }
    })
