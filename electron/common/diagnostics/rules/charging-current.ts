/**
 * A connector that says it is charging but draws (almost) no current: the F-0421 pattern, where
 * the contactor never closed. Not fired when the current is missing or the vehicle reports 100 %.
 */
import { formatReading } from '@common/format/number'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf, reading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'
import { FULL_SOC_PERCENT, NO_CURRENT_A } from '../thresholds'

/** Flags charging connectors drawing less than NO_CURRENT_A. */
export const chargingWithoutCurrentRule: DiagnosticRule = (device) =>
  connectorsOf(device).flatMap((connector): Finding[] => {
    if (connector.status !== 'charging') return []
    const current = reading(connector.current)
    if (current === undefined || Math.abs(current) >= NO_CURRENT_A) return []
    const soc = reading(connector.soc)
    if (soc !== undefined && soc >= FULL_SOC_PERCENT) return []
    const socText = soc === undefined ? '' : ` at ${formatReading(soc, '%')} state of charge`
    return [
      {
        ruleId: 'charging-without-current',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${connectorLabel(connector)} is charging${socText} but draws ${formatReading(current, 'A')} (under ${formatReading(NO_CURRENT_A, 'A')}).`,
        action:
          'The contactor may not have closed (F-0421): check the firmware version first, then the contactor coil supply during a start (rated voltage ±5 %).',
        reference: faultReference('F-0421'),
        reading: { field: 'current', note: `under ${formatReading(NO_CURRENT_A, 'A')} while charging` },
      },
    ]
  })
