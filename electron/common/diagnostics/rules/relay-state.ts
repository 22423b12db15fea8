/** Relay: a relay the charger reports in `fault` (linked to a welded contactor, F-0101). */
import { healthReports } from '../component-health'
import type { Finding } from '../finding'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'

/** Flags every component health report whose `relay_state` is `fault`. */
export const relayFaultRule: DiagnosticRule = (device) =>
  healthReports(device).flatMap(({ health, label, connectorId }): Finding[] =>
    health.relay_state === 'fault'
      ? [
          {
            ruleId: 'relay-fault',
            severity: 'critical',
            ...(connectorId === undefined ? {} : { connectorId }),
            extensionField: 'component_health.relay_state',
            message: `${label} reports its relay in fault: it may not open or close on command.`,
            action: 'Take the connector out of service and check whether the contactor is welded (voltage should be about 0 with no session) before the next session.',
            reference: faultReference('F-0101'),
          },
        ]
      : [],
  )
